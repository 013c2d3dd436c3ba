/**
 * The search index walk alone, by query shape: what a page of bench:web's new queries costs in
 * FTS5 on a store it filled, without HTTP, rendering or the reader thread. Per shape (two or three
 * words, pages 1-3 newest first, the relevance window of SEARCH_WINDOW matches): ms per query
 * and matches returned. The peer, in the same run: the same queries without their common word
 * (what the walk costs when it need not check that word's match list).
 *
 * --bitmaps also times the check the search reader threads make, with their own code
 * (src/store/common-words.ts, built here at once for the bench's common words): a bitmap over article
 * ids tested by a SQL function instead of the word's match list; every 50th query's ids are compared
 * with the walk's.
 *
 *   npm run bench:web -- --articles 1000000 --store /work/bench-store-1m.sqlite   (fills it once)
 *   npm run bench:walk -- --store /work/bench-store-1m.sqlite [--queries 4000] [--bitmaps]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SEARCH_WINDOW } from '../src/store/dialect.js';
import { commonWordsReader, defaultCommonWordsSettings } from '../src/store/common-words.js';
import { commonWordsSettings, ftsQuery, ROWID_ID_SPAN, sqlitePragmas } from '../src/store/sqlite-dialect.js';
import { searchWords, WORDS } from './search-mix.js';

const { values } = parseArgs({
  options: {
    store: { type: 'string' },
    queries: { type: 'string', default: '4000' },
    bitmaps: { type: 'boolean', default: false },
  },
});
if (!values.store || !existsSync(values.store)) {
  console.error('bench:walk: --store PATH names a store bench:web filled (npm run bench:web -- --store PATH)');
  process.exit(2);
}
const QUERIES = Number(values.queries);
/** Queries of the mix no bench:web row asks (its rows start at 0, 40,000, …; the popular ones at 5,000,000). */
const FIRST_QUERY = 9_000_000;

const db = new Database(values.store, { readonly: true, fileMustExist: true });
db.pragma(`mmap_size = ${sqlitePragmas.mmapBytes}`);
db.pragma(`cache_size = ${-sqlitePragmas.cacheKib}`);
const id = `((-rowid) % ${ROWID_ID_SPAN})`;
const page = db.prepare(
  `select ${id} as id from articles_fts where articles_fts match ? order by rowid limit ? offset ?`,
);
const articles = (db.prepare('select count(*) as n from articles').get() as { n: number }).n;
console.log(`store: ${values.store}, ${articles} articles; ${QUERIES} queries of bench:web's mix, each walked once`);

/** One query's walk: a page of 21 newest first, or the relevance window. */
interface Walk {
  shape: string;
  match: string;
  common: string;
  rest: string;
  limit: number;
  offset: number;
}
const walks: Walk[] = [];
for (let k = FIRST_QUERY; k < FIRST_QUERY + QUERIES; k += 1) {
  const { words, page: n } = searchWords(k);
  const [common, ...rest] = words;
  const base = { match: ftsQuery(words.join(' '))!, common: common!, rest: ftsQuery(rest.join(' '))! };
  walks.push({ ...base, shape: `${words.length} words, page ${n}`, limit: 21, offset: (n - 1) * 20 });
  walks.push({ ...base, shape: `${words.length} words, relevance window`, limit: SEARCH_WINDOW, offset: 0 });
}

type Run = (w: Walk) => number[];
function timeByShape(run: Run): Map<string, { ms: number; rows: number; n: number }> {
  const by = new Map<string, { ms: number; rows: number; n: number }>();
  for (const w of walks) {
    const t = performance.now();
    const rows = run(w).length;
    const ms = performance.now() - t;
    const s = by.get(w.shape) ?? { ms: 0, rows: 0, n: 0 };
    by.set(w.shape, { ms: s.ms + ms, rows: s.rows + rows, n: s.n + 1 });
  }
  return by;
}

const ids = (rows: unknown[]) => (rows as { id: number }[]).map((r) => r.id);
const walk: Run = (w) => ids(page.all(w.match, w.limit, w.offset));
const withoutCommon: Run = (w) => ids(page.all(w.rest, w.limit, w.offset));
timeByShape(walk); // the pages these queries touch, read once before timing
const runs: [string, Map<string, { ms: number; rows: number; n: number }>][] = [
  ['walk', timeByShape(walk)],
  ['peer: without the common word', timeByShape(withoutCommon)],
];

if (values.bitmaps) {
  // The search reader threads' own code (store/common-words.ts), here on this connection.
  const started = performance.now();
  const common = commonWordsReader(db, commonWordsSettings());
  common.hint(WORDS);
  while (common.step().more);
  const ready = new Set(common.ready());
  console.log(
    `bitmaps: ${ready.size} of the ${WORDS.length} common words found in more than ${defaultCommonWordsSettings.share * 100} % of the newest articles, built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  db.function('has_common', { deterministic: true }, (a: unknown, word: unknown) =>
    common.has(Number(a), String(word)) ? 1 : 0,
  );
  const checked = db.prepare(
    `select ${id} as id from articles_fts where articles_fts match ? and has_common(${id}, ?) order by rowid limit ? offset ?`,
  );
  const viaBitmap: Run = (w) => (ready.has(w.common) ? ids(checked.all(w.rest, w.common, w.limit, w.offset)) : walk(w));
  let compared = 0;
  let differing = 0;
  walks.forEach((w, i) => {
    if (i % 50 !== 0) return;
    compared += 1;
    if (viaBitmap(w).join() !== walk(w).join()) differing += 1;
  });
  console.log(`bitmaps: ${compared} queries compared with the walk, ${differing} with other ids`);
  runs.push(['common word by bitmap', timeByShape(viaBitmap)]);
}

const shapes = [...runs[0]![1].keys()].sort();
console.log(`\nshape | queries | matches | ${runs.map(([name]) => `${name} ms`).join(' | ')} | walk / peer`);
for (const shape of shapes) {
  const [first, peer] = [runs[0]![1].get(shape)!, runs[1]![1].get(shape)!];
  const cells = runs.map(([, by]) => (by.get(shape)!.ms / by.get(shape)!.n).toFixed(3));
  console.log(
    `${shape} | ${first.n} | ${(first.rows / first.n).toFixed(1)} | ${cells.join(' | ')} | ${(first.ms / peer.ms).toFixed(2)}`,
  );
}
