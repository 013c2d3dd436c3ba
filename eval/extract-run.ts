/**
 * Extraction measured page by page: our extractor and Readability 0.6 over linkedom as `Extractor`s, each
 * page's time, text score and metadata hits, and a set's summary. Shared by bench/extract.ts (both
 * extractors, speed and quality) and the extraction gate (eval/extract.gate.integration.test.ts, ours only).
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/pipeline/extract/index.js';
import {
  aggregate,
  metadataHits,
  rate,
  scoreAeb,
  scoreWcxb,
  type MetaGuess,
  type MetaHits,
  type PageScore,
} from './metrics/extract-text.js';
import type { Page } from './sets/extract.js';

interface Output extends MetaGuess {
  text: string;
}

export type Extractor = (html: string, url: string) => Output;

const EMPTY: Output = { text: '', title: null, author: null, date: null };

export const extractors: Record<string, Extractor> = {
  happenings: (html, url) => {
    const a = extractArticle(html, url);
    return { text: a.paragraphs.join('\n'), title: a.title, author: a.byline, date: a.publishedAt };
  },
  readability: (html) => {
    const { document } = parseHTML(html);
    const r = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    return {
      text: r?.textContent ?? '',
      title: r?.title ?? null,
      author: r?.byline ?? null,
      date: r?.publishedTime ?? null,
    };
  },
};

export interface RunResult {
  f1: number;
  precision: number;
  recall: number;
  pagesPerSecond: number;
  p50: number;
  p95: number;
  max: number;
  failures: number;
  title: number;
  author: number;
  date: number;
}

export interface Measured {
  time: number;
  failed: boolean;
  score: PageScore;
  hits: MetaHits;
}

export function measurePage(page: Page, extractor: Extractor): Measured {
  let out = EMPTY;
  let failed = false;
  const started = performance.now();
  try {
    out = extractor(page.html, page.url);
  } catch {
    failed = true;
  }
  const time = performance.now() - started;
  const score = page.set === 'aeb' ? scoreAeb(page.truth, out.text) : scoreWcxb(page.truth, out.text);
  return { time, failed, score, hits: metadataHits(page, out) };
}

export function summarize(set: Page['set'], measured: Measured[]): RunResult {
  const times = measured.map((m) => m.time);
  const total = times.reduce((a, b) => a + b, 0) / 1000;
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const hits = measured.map((m) => m.hits);
  return {
    ...aggregate(
      set,
      measured.map((m) => m.score),
    ),
    pagesPerSecond: measured.length / total,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? 0,
    failures: measured.filter((m) => m.failed).length,
    title: rate(hits.map((h) => h.title)),
    author: rate(hits.map((h) => h.author)),
    date: rate(hits.map((h) => h.date)),
  };
}

export function runSet(pages: Page[], extractor: Extractor): RunResult {
  return summarize(
    pages[0]?.set ?? 'aeb',
    pages.map((page) => measurePage(page, extractor)),
  );
}

/** Every extractor on each page in turn, so that a change in the machine's load (other work shares its
 *  two cores) falls on all of them alike and the speed ratio stays comparable. */
export function runInterleaved(pages: Page[]): Record<string, RunResult> {
  const measured: Record<string, Measured[]> = Object.fromEntries(Object.keys(extractors).map((name) => [name, []]));
  for (const page of pages)
    for (const [name, extractor] of Object.entries(extractors)) measured[name]!.push(measurePage(page, extractor));
  return Object.fromEntries(
    Object.entries(measured).map(([name, list]) => [name, summarize(pages[0]?.set ?? 'aeb', list)]),
  );
}
