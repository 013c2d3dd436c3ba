/**
 * Every real non-English page we have, for the fidelity audit (bench/fidelity.ts, eval/fidelity.gate.test.ts):
 *   readability — shared/data/readability-test-pages: the folders whose expected-metadata lang is not
 *                 English (or, without a lang, whose expected text the language detector reads as not
 *                 English); truth = Readability's expected.html (a peer's output, not a human truth);
 *   aeb, wcxb   — the pages of eval/sets/extract.ts whose ground-truth text is not English.
 * Read at run time from <repo>/../shared/data; never copied into the project.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { detectLanguage } from '../../src/pipeline/language/index.js';
import { DATA, loadAeb, loadWcxb, type Page } from './extract.js';

export interface AuditPage {
  set: 'readability' | 'aeb' | 'wcxb';
  id: string;
  url: string;
  html: string;
  language: string;
  /** The truth's paragraphs (one block each); empty when the set gives none. */
  truth: string[];
  title: string | null;
  author: string | null;
}

/** Pages of the three sets whose language is not English, in a stable order (set, then id). */
export function loadAuditPages(limit = Infinity): AuditPage[] {
  const pages = [...readabilityPages(), ...fromSet(loadAeb()), ...fromSet(loadWcxb())];
  return pages.slice(0, limit);
}

function fromSet(pages: Page[]): AuditPage[] {
  const out: AuditPage[] = [];
  for (const page of pages) {
    const language = detectLanguage(page.truth.slice(0, 4000)).language;
    if (!language || language === 'en') continue;
    out.push({
      set: page.set,
      id: page.id,
      url: page.url,
      html: page.html,
      language,
      truth: page.truth
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean),
      title: page.title ?? null,
      author: page.author ?? null,
    });
  }
  return out;
}

interface ReadabilityMetadata {
  title?: string | null;
  byline?: string | null;
  lang?: string | null;
}

function readabilityPages(): AuditPage[] {
  const base = new URL('readability-test-pages/', DATA);
  if (!existsSync(base)) throw new Error(`benchmark data missing: ${base.pathname}`);
  const out: AuditPage[] = [];
  for (const id of readdirSync(base).sort()) {
    const dir = new URL(`${id}/`, base);
    if (!existsSync(new URL('source.html', dir)) || !existsSync(new URL('expected.html', dir))) continue;
    const meta = JSON.parse(readFileSync(new URL('expected-metadata.json', dir), 'utf8')) as ReadabilityMetadata;
    const truth = blocksOf(readFileSync(new URL('expected.html', dir), 'utf8'));
    const declared = meta.lang?.toLowerCase().split(/[-_]/)[0] ?? null;
    const language = declared ?? detectLanguage(truth.join('\n').slice(0, 4000)).language;
    if (!language || language === 'en' || truth.some((line) => /lorem ipsum/i.test(line))) continue; // rule tests
    out.push({
      set: 'readability',
      id,
      url: `http://fakehost/test/${id}.html`,
      html: readFileSync(new URL('source.html', dir), 'utf8'),
      language,
      truth,
      title: meta.title ?? null,
      author: meta.byline ?? null,
    });
  }
  return out;
}

const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'TD',
  'TH',
  'FIGCAPTION',
  'BR',
  'SECTION',
  'ARTICLE',
  'DD',
  'DT',
]);

/** The text of an HTML fragment, one line per block. */
export function blocksOf(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: {
    nodeType: number;
    nodeName: string;
    textContent: string | null;
    childNodes: ArrayLike<unknown>;
  }): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeName === 'SCRIPT' || node.nodeName === 'STYLE') return;
    const block = BLOCK.has(node.nodeName);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child as typeof node);
    if (block) flush();
  };
  walk(document.body as unknown as Parameters<typeof walk>[0]);
  flush();
  return lines;
}
