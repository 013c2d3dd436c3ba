/**
 * What the pages ask SQLite, and how it answers, on a filled store (bench:web's, kept with --store):
 * every distinct statement the site's pages run, with SQLite's query plan (EXPLAIN QUERY PLAN, with
 * the parameters the page bound) and the time of one run. A plan that reads a whole table (SCAN
 * without an index) is flagged: at a million articles it costs seconds, where a page must cost
 * milliseconds; a statement slower than 5 ms is shown too (a long index walk, a large sort).
 *
 *   npm run bench:web -- --articles 1000000 --store /work/bench-store-1m.sqlite   (fills it once)
 *   npm run bench:plans -- --store /work/bench-store-1m.sqlite [--all]
 *
 * Statements are caught at better-sqlite3's Statement (all/get/run/iterate), so this sees exactly
 * what Kysely sends; the store is opened without reader threads so every query runs here. --all
 * prints every statement; by default only the flagged ones and those slower than 5 ms.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { openStore } from '../src/store/index.js';
import { createWebApp } from '../src/web/app.js';
import { storeSiteData } from '../src/web/store-data.js';

const { values } = parseArgs({
  options: { store: { type: 'string' }, all: { type: 'boolean', default: false } },
});
if (!values.store) throw new Error('bench:plans: --store PATH (a store bench:web filled) is required');

/** The pages a reader meets, and their filters; the article is found on the store (the 500th newest). */
const PAGES = [
  '/',
  '/?page=3',
  '/?section=Sport',
  '/?lang=fr',
  '/?lang=zz', // a language no article is in: how far does the list walk?
  '/section/sport',
  '/story/42',
  '/source/3',
  '/sources',
  '/search?q=harbour+storm',
  '/search?q=harbour+storm&sort=relevance',
  '/search?q=harbour&source=3',
  '/search?q=harbour&lang=fr',
  '/search?q=harbour&lang=zz',
  '/search?q=harbour&from=2026-01-01&to=2026-02-01',
  '/feed.rss',
  '/api/v1/articles',
  '/api/v1/stories',
];

/** A statement the pages ran: its SQL, the parameters of its first run, the page that ran it first. */
interface Seen {
  sql: string;
  parameters: unknown[];
  page: string;
}
const seen = new Map<string, Seen>();
let currentPage = '(before the pages: opening the store, the site data)';

/** Wraps the Statement methods that run SQL, to note each distinct statement once. */
function watchStatements(): void {
  const probe = new SqliteDatabase(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
  probe.close();
  for (const method of ['all', 'get', 'run', 'iterate']) {
    const original = prototype[method] as (...args: unknown[]) => unknown;
    prototype[method] = function (this: { source: string }, ...args: unknown[]) {
      if (currentPage && !seen.has(this.source))
        seen.set(this.source, { sql: this.source, parameters: args, page: currentPage });
      return original.apply(this, args);
    };
  }
}

/** The plan's lines, indented by depth, and whether one reads a table whole or sorts. */
function planOf(db: SqliteDatabase.Database, s: Seen): { lines: string[]; flagged: boolean } {
  const rows = db.prepare(`explain query plan ${s.sql}`).all(...s.parameters) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, 0]]);
  const lines = rows.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
  // A SCAN of a table itself (not through an index, not FTS5's own index, not a subquery's few
  // rows): every row read. A sort (TEMP B-TREE) is shown but not flagged: over a page's rows it is
  // nothing; over many it shows in the time.
  // (A CTE's rows, named by a CO-ROUTINE or MATERIALIZE line, are a subquery's too.)
  const views = new Set(rows.flatMap((r) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)$/.exec(r.detail)?.[1] ?? []));
  const flagged = rows.some((r) => {
    const scanned = /^SCAN (\S+)$/.exec(r.detail)?.[1];
    return scanned !== undefined && !views.has(scanned) && !scanned.startsWith('(');
  });
  return { lines, flagged };
}

async function main(): Promise<void> {
  watchStatements();
  const store = await openStore({ dbPath: values.store!, readers: 0 });
  const data = storeSiteData({ store, language: 'en', translationNote: async () => null });
  const app = createWebApp({ data, siteName: 'Plans', language: 'en', pageCacheMs: 0 });
  const article = (await data.latestArticles({ limit: 1, offset: 500 }))[0]?.pagePath;
  for (const page of [...PAGES, ...(article ? [article] : [])]) {
    currentPage = page;
    const t = performance.now();
    const res = await app.request(page);
    await res.arrayBuffer();
    console.log(`${page} | ${res.status} | ${(performance.now() - t).toFixed(1)} ms (first render, caches cold)`);
  }
  currentPage = '';
  await store.close();
  const db = new SqliteDatabase(values.store!, { readonly: true });
  let shown = 0;
  for (const s of seen.values()) {
    // The view counts' writes, a migration's DDL: not what a page reads (and some cannot be prepared again).
    let statement: SqliteDatabase.Statement;
    try {
      statement = db.prepare(s.sql);
    } catch {
      continue;
    }
    if (!statement.reader) continue;
    const { lines, flagged } = planOf(db, s);
    const t = performance.now();
    statement.all(...s.parameters);
    const ms = performance.now() - t;
    // A small table (sources, feeds) read whole is nothing; flagged only when it costs.
    if (!values.all && !(flagged && ms >= 1) && ms < 5) continue;
    shown += 1;
    console.log(`\n${flagged ? 'FLAGGED ' : ''}${ms.toFixed(2)} ms, first from ${s.page}\n  ${s.sql}`);
    console.log(`  parameters: ${JSON.stringify(s.parameters).slice(0, 200)}`);
    for (const line of lines) console.log(line);
  }
  console.log(
    `\n${seen.size} distinct statements, ${shown} shown${values.all ? '' : ' (flagged or ≥ 5 ms; --all for every one)'}`,
  );
  db.close();
}

await main();
