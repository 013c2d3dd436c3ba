/**
 * Body extraction quality and speed on the Article Extraction Benchmark (shared/data/aeb, 181 pages):
 * ours (extractArticle, paragraphs joined) against plain Readability 0.6 on linkedom (`textContent`),
 * in the same run. Metric as the benchmark defines it (shared/data/README.md): token 4-gram shingles,
 * per-page precision/recall, means over pages, F1 of the means; accuracy = exact token-list match.
 *
 *   npx tsx bench/extract.ts [--limit N]
 *
 * Measured 2026-11-27 on the dev machine (2 cores): happenings F1 0.958 (P 0.929, R 0.988, accuracy 0.221)
 * at 39 pages/s; plain Readability F1 0.947 (P 0.914, R 0.982, accuracy 0.166) at 58 pages/s. Readability's
 * 0.947 equals the published figure, which checks this metric.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/pipeline/extract/index.js';

const AEB = new URL('../../shared/data/aeb/', import.meta.url);

interface Page {
  id: string;
  url: string;
  html: string;
  truth: string;
}

type Extractor = (html: string, url: string) => string;

const extractors: Record<string, Extractor> = {
  happenings: (html, url) => extractArticle(html, url).paragraphs.join('\n'),
  readability: (html) => {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? '';
  },
};

function loadPages(limit: number): Page[] {
  const truth = JSON.parse(readFileSync(new URL('ground-truth.json', AEB), 'utf8')) as Record<string, { url: string; articleBody: string }>;
  const files = readdirSync(new URL('html/', AEB)).filter((f) => f.endsWith('.html.gz')).sort().slice(0, limit);
  return files.map((file) => {
    const id = file.replace(/\.html\.gz$/, '');
    const html = new TextDecoder('utf-8').decode(gunzipSync(readFileSync(new URL(`html/${file}`, AEB))));
    return { id, url: truth[id]?.url ?? `https://example.com/${id}`, html, truth: truth[id]?.articleBody ?? '' };
  });
}

/** Python's `\w+` over Unicode: letters, digits (all scripts) and underscore. */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const grams = words.length < 4 ? (words.length > 0 ? [words] : []) : words.slice(0, words.length - 3).map((_, i) => words.slice(i, i + 4));
  for (const gram of grams) {
    const key = gram.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

interface PageScore {
  precision: number | null;
  recall: number | null;
  exact: boolean;
}

export function scorePage(truthText: string, predicted: string): PageScore {
  const truthTokens = tokens(truthText);
  const predTokens = tokens(predicted);
  const truthShingles = shingles(truthTokens);
  const predShingles = shingles(predTokens);
  let tp = 0, fp = 0, fn = 0;
  for (const key of new Set([...truthShingles.keys(), ...predShingles.keys()])) {
    const t = truthShingles.get(key) ?? 0;
    const p = predShingles.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const exact = truthTokens.length === predTokens.length && truthTokens.every((t, i) => t === predTokens[i]);
  if (fp === 0 && fn === 0) return { precision: 1, recall: 1, exact };
  return { precision: tp + fp > 0 ? tp / (tp + fp) : null, recall: tp + fn > 0 ? tp / (tp + fn) : null, exact };
}

function mean(values: Array<number | null>): number {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : 0;
}

function run(name: string, extractor: Extractor, pages: Page[]): void {
  const scores: PageScore[] = [];
  let failures = 0;
  const started = performance.now();
  for (const page of pages) {
    let text = '';
    try {
      text = extractor(page.html, page.url);
    } catch {
      failures++;
    }
    scores.push(scorePage(page.truth, text));
  }
  const seconds = (performance.now() - started) / 1000;
  const precision = mean(scores.map((s) => s.precision));
  const recall = mean(scores.map((s) => s.recall));
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  const accuracy = scores.filter((s) => s.exact).length / scores.length;
  console.log(
    `${name.padEnd(12)} F1 ${f1.toFixed(3)}  P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  accuracy ${accuracy.toFixed(3)}  ` +
      `failures ${failures}  ${(pages.length / seconds).toFixed(1)} pages/s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();

function main(): void {
const { values } = parseArgs({ options: { limit: { type: 'string', default: '1000' } } });
const pages = loadPages(Number(values.limit));
console.log(`aeb: ${pages.length} pages`);
for (const [name, extractor] of Object.entries(extractors)) run(name, extractor, pages);
}
