/**
 * The two extraction benchmark sets, shared by bench/extract.ts and the quality gate
 * (eval/extract.gate.integration.test.ts); their metrics are in eval/metrics/extract-text.ts. Both sets
 * are read at run time from <repo>/../shared/data (never copied into the project); see shared/data/README.md.
 *   aeb  — Scrapinghub's Article Extraction Benchmark, 181 pages.
 *   wcxb — WCXB dev articles, 711 pages, with title / author / date in the truth.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const DATA = new URL('../../../shared/data/', import.meta.url);

export interface Page {
  set: 'aeb' | 'wcxb';
  id: string;
  url: string;
  html: string;
  truth: string;
  title?: string | null;
  author?: string | null;
  date?: string | null;
}

function gunzipText(url: URL): string {
  return new TextDecoder('utf-8').decode(gunzipSync(readFileSync(url)));
}

function gzFiles(dir: URL, limit: number): string[] {
  if (!existsSync(dir)) throw new Error(`benchmark data missing: ${dir.pathname}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .slice(0, limit);
}

export function loadAeb(limit = Infinity): Page[] {
  const base = new URL('aeb/', DATA);
  const truth = JSON.parse(readFileSync(new URL('ground-truth.json', base), 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  return gzFiles(new URL('html/', base), limit).map((file) => {
    const id = file.replace(/\.html\.gz$/, '');
    const html = gunzipText(new URL(`html/${file}`, base));
    return {
      set: 'aeb',
      id,
      url: truth[id]?.url ?? `https://example.com/${id}`,
      html,
      truth: truth[id]?.articleBody ?? '',
    };
  });
}

interface WcxbTruth {
  url: string;
  title: string | null;
  author: string | null;
  publish_date: string | null;
  main_content: string;
}

export function loadWcxb(limit = Infinity): Page[] {
  const base = new URL('wcxb-dev-articles/', DATA);
  return gzFiles(new URL('html/', base), limit).map((file) => {
    const id = file.replace(/\.html\.gz$/, '');
    const truth = JSON.parse(readFileSync(new URL(`ground-truth/${id}.json`, base), 'utf8')) as WcxbTruth;
    return {
      set: 'wcxb',
      id,
      url: truth.url,
      html: gunzipText(new URL(`html/${file}`, base)),
      truth: truth.main_content ?? '',
      title: truth.title,
      author: truth.author,
      date: truth.publish_date,
    };
  });
}
