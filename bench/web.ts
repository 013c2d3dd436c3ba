/**
 * Web speed: a synthetic store (100,000 articles in 20,000 stories by default, --articles N; 6 languages, 7
 * sections, 40 sources, an English translation of each Spanish one), the real app on loopback, and a closed-loop load
 * of C concurrent connections per page for D seconds. Prints, per page and concurrency, requests/s
 * and latency p50/p99, the ratio of its requests/s to a peer measured in the same run (a constant
 * "ok" route on the same server stack: the ceiling of Hono + node:http on this machine), and the
 * server's CPU milliseconds per request (what a request costs, however busy the shared cores are).
 * The server runs in a child process; the load comes from this one.
 *
 *   npm run bench:web [-- --articles N] [-- --seconds D] [-- --concurrency 50,200] [-- --loader wrk|undici] [-- --processes N] [-- --readers N]
 *                     [-- --common-words 0 (the search readers without bitmaps of common words)]
 *                     [-- --store PATH (kept and reused)] [-- --only TEXT (rows whose name holds it, and the peer)]
 *                     [-- --cold (search rows on a server just started: see warmSearches)]
 *
 * The load comes from wrk (apt-get install wrk; one thread), or from undici in this process.
 * Search rows: a new query on every request (nothing cached answers it), newest first and with
 * sort=relevance, and 500 popular queries repeated with Zipf weights (the caches answer most).
 * --processes N serves from N processes on one port, as `serve --web-processes N` does (web/handoff.ts);
 * CPU is then read from /proc. --readers N: SQLite reader threads per server process (default: as `serve`).
 *
 * Targets (issue 6): p99 ≤ 50 ms at 200 connections for cached pages, ≤ 150 ms for search; the
 * same at a million articles (issue 19):
 *
 *   npm run bench:web -- --articles 1000000 --store /work/bench-store-1m.sqlite
 *
 * fills the store once (transactions of 10,000 articles, a progress line each on stderr; ~25 min and
 * 3.9 GiB on the shared 2-core machine, December 2026), prints its size, and reuses it on every
 * later run with the same --store. `npm run bench:plans -- --store PATH` shows what each page asks
 * SQLite of that store and how (docs/search.md, "At a million articles").
 */
import cluster from 'node:cluster';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { ArticlesTable, Database } from '../src/store/schema.js';
import { indexArticleRange } from '../src/store/sqlite-dialect.js';
import { Pool } from 'undici';
import { openStore, type Store } from '../src/store/index.js';
import { createWebApp } from '../src/web/app.js';
import { handOutConnections } from '../src/web/handoff.js';
import { serveHandedConnections, startWebServer } from '../src/web/server.js';
import { storeSiteData } from '../src/web/store-data.js';
import { searchReaders } from '../src/store/sqlite-readers.js';
import { storeDb } from '../src/store/db.testkit.js';
import { searchWords, VOCAB } from './search-mix.js';
import { wrk } from './wrk.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    // Server processes on one port (node:cluster); 1 (default) is one process, as `serve` runs.
    processes: { type: 'string', default: '1' },
    // SQLite reader threads per server process for searches; default as `serve` (searchReaders).
    readers: { type: 'string' },
    // A reader thread per server process for the slow lists, as `serve` opens (StoreContext.listDb); 0: none.
    'list-reader': { type: 'string', default: '1' },
    // The search readers' bitmaps of common words (store/common-words.ts), as `serve` opens them; 0: none.
    'common-words': { type: 'string', default: '1' },
    worker: { type: 'boolean', default: false },
    articles: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '50,200' },
    serve: { type: 'boolean', default: false },
    // wrk (Debian's `wrk`, C + epoll) costs the shared cores far less than a load generator in Node;
    // undici is the fallback when wrk is not installed.
    loader: { type: 'string', default: 'wrk' },
    // Keep the filled store at this path and reuse it on the next run (filling 100,000 articles takes a minute).
    store: { type: 'string' },
    // Only the rows whose name holds this text ("search", "front").
    only: { type: 'string' },
    // Measure search rows on a server just started: no waiting for the reader threads' background work.
    cold: { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(values.articles);
const STORIES = Math.max(1, Math.floor(ARTICLES / 5));
const SECONDS = Number(values.seconds);
const LEVELS = values.concurrency.split(',').map(Number);
const PROCESSES = Math.max(1, Number(values.processes));
const READERS = values.readers === undefined ? searchReaders(PROCESSES) : Math.max(0, Number(values.readers));
const LIST_READER = values['list-reader'] !== '0';
const COMMON_WORDS = values['common-words'] !== '0';
/** How each server process opens the store, and the flags that tell a child process so. */
const STORE_OPTIONS = {
  readers: READERS,
  listReader: LIST_READER,
  ...(COMMON_WORDS ? {} : { commonWords: false as const }),
};
const storeFlags = () => [
  '--readers',
  String(READERS),
  '--list-reader',
  LIST_READER ? '1' : '0',
  '--common-words',
  COMMON_WORDS ? '1' : '0',
];
const LANGUAGES = ['es', 'ca', 'fr', 'de', 'pt', 'en'];
const SECTIONS = ['Politics', 'Sport', 'Economy', 'Culture', 'Local', 'World', 'Science'];
/** Articles per fill transaction (one progress line each) and per multi-row insert (20 columns: 20,000 parameters, under SQLite's 32,766). */
const CHUNK = 10_000;
const ROWS = 1000;
/** Stories per insert (9 columns; their 5 links each at 5 columns: 12,500 parameters). */
const STORY_ROWS = 500;

/** Deterministic pseudo-random in [0, 1) from two integers. */
function rand(a: number, b: number): number {
  const x = Math.sin(a * 12.9898 + b * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

/** n words, skewed to the front of VOCAB (r³: a few words very common, most rare, roughly Zipf-like). */
function words(seed: number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 1)
    out += `${VOCAB[Math.floor(VOCAB.length * rand(seed, i) ** 3)]}${i % 5 === 4 ? '. ' : ' '}`;
  return out.trim();
}

/**
 * Fills the store in transactions of CHUNK articles, each written in a few multi-row inserts (ROWS at
 * a time) and indexed for search by three statements for the whole chunk (indexArticleRange), not
 * three per article: memory stays flat and time grows with the number of articles. A progress line
 * per chunk goes to stderr. At a million articles: see the README's benchmark list for the time and size.
 */
async function fill(store: Store): Promise<void> {
  const now = new Date();
  const db = storeDb(store);
  const { dialect } = store;
  const started = performance.now();
  for (let s = 1; s <= 40; s += 1)
    await store.createSource({
      name: `Outlet ${s}`,
      url: `https://outlet${s}.example/`,
      feedUrl: `https://outlet${s}.example/rss`,
    });
  for (let start = 0; start < ARTICLES; start += CHUNK) {
    await dialect.writeTransaction(db, async (trx) => {
      const end = Math.min(ARTICLES, start + CHUNK);
      let first = Infinity;
      let last = 0;
      for (let from = start; from < end; from += ROWS) {
        const ids = await insertArticles(trx, now, from, Math.min(end, from + ROWS));
        first = Math.min(first, ids[0]!);
        last = Math.max(last, ids.at(-1)!);
      }
      await indexArticleRange(trx, first, last);
    });
    progress(`${Math.min(ARTICLES, start + CHUNK)} / ${ARTICLES} articles`, started);
  }
  const stamp = now.toISOString();
  for (let start = 0; start < STORIES; start += STORY_ROWS) {
    await dialect.writeTransaction(db, async (trx) => {
      const n = Math.min(STORIES, start + STORY_ROWS) - start;
      const stories = await trx
        .insertInto('stories')
        .values(
          Array.from({ length: n }, (_, k) => ({
            title: `Story ${start + k}`,
            language: 'es',
            signature: '{}',
            article_count: 5,
            source_count: 3,
            first_published_at: stamp,
            last_published_at: stamp,
            created_at: stamp,
            updated_at: stamp,
          })),
        )
        .returning('id')
        .execute();
      const links = stories.flatMap(({ id }, k) =>
        Array.from({ length: 5 }, (_, j) => ({
          story_id: id,
          article_id: (start + k) * 5 + j + 1,
          similarity: 0.8,
          duplicate_of: null,
          added_at: stamp,
        })),
      );
      await trx
        .insertInto('story_articles')
        .values(links.filter((l) => l.article_id <= ARTICLES))
        .execute();
    });
    if ((start / STORY_ROWS) % 100 === 99 || start + STORY_ROWS >= STORIES)
      progress(`${Math.min(STORIES, start + STORY_ROWS)} / ${STORIES} stories`, started);
  }
  // As the scheduler's daily search-index pass leaves a store (src/jobs/search-upkeep.ts): the
  // chunks' index segments merged into one, ~4 MB a step.
  for (let steps = 1; await store.tidySearchIndex('full'); steps += 1)
    if (steps % 100 === 0) progress(`search index: ${steps} merge steps`, started);
  progress('search index merged; analyze', started);
  await sql`analyze`.execute(db);
}

/** Articles [from, to) in one insert each for articles, carriers and translations; their ids in order. */
async function insertArticles(trx: Kysely<Database>, now: Date, from: number, to: number): Promise<number[]> {
  const rows: Insertable<ArticlesTable>[] = [];
  for (let i = from; i < to; i += 1) {
    const at = new Date(now.getTime() - i * 60_000).toISOString();
    const paragraphs = [words(i, 30), words(i + 1, 40), words(i + 2, 35)];
    rows.push({
      canonical_url: `https://outlet${(i % 40) + 1}.example/a/${i}`,
      url: `https://outlet${(i % 40) + 1}.example/a/${i}`,
      site: `Outlet ${(i % 40) + 1}`,
      title: `${words(i, 8)} ${i}`,
      subtitle: null,
      byline: null,
      published_at: at,
      language: LANGUAGES[i % LANGUAGES.length]!,
      language_confidence: 0.9,
      image: null,
      image_caption: null,
      paragraphs: JSON.stringify(paragraphs),
      html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
      related: '[]',
      tags: '[]',
      is_teaser: 0,
      fingerprint: null,
      first_seen_at: at,
      updated_at: at,
      section: SECTIONS[i % SECTIONS.length]!,
    });
  }
  const ids = (await trx.insertInto('articles').values(rows).returning('id').execute()).map((r) => r.id);
  await trx
    .insertInto('article_sources')
    .values(
      ids.map((id, k) => ({
        article_id: id,
        source_id: ((from + k) % 40) + 1,
        feed_id: ((from + k) % 40) + 1,
        url: rows[k]!.url,
        seen_at: rows[k]!.first_seen_at,
        is_first: 1,
      })),
    )
    .execute();
  // Spanish originals (every sixth) have an English translation: other words, so search finds them by it.
  const translated = ids
    .filter((_, k) => rows[k]!.language === 'es')
    .map((id) => {
      const paragraphs = [words(id + 7, 30), words(id + 8, 40)];
      return {
        article_id: id,
        language: 'en',
        source_language: 'es',
        engine: 'apertium',
        engine_version: '3.8',
        title: `${words(id + 9, 8)} ${id}`,
        subtitle: null,
        paragraphs: JSON.stringify(paragraphs),
        html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
        protected_names: '[]',
        translated_at: rows[0]!.first_seen_at,
      };
    });
  if (translated.length) await trx.insertInto('translations').values(translated).execute();
  return ids;
}

/**
 * One line on stderr: what is done, the time so far, the JS heap (flat while filling). The process's
 * RSS grows with the store, but that is the file's pages read through SQLite's memory map (mmap_size), not heap.
 */
function progress(what: string, started: number): void {
  const seconds = (performance.now() - started) / 1000;
  console.error(
    `fill: ${what}, ${seconds.toFixed(0)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  count: number;
}

/** Milliseconds of CPU the server process has used (user + system). */
async function serverCpu(origin: string): Promise<number> {
  // A cookie keeps the page cache out of it: this answer must be read fresh each time.
  const res = await fetch(`${origin}/bench-cpu`, { headers: { cookie: 'bench=1' } });
  const { user, system } = (await res.json()) as { user: number; system: number };
  return (user + system) / 1000;
}

/** Seconds of searches before a search row is measured, at least; --cold: exactly. */
const SEARCH_WARMUP_S = 2;
/** At most this long waiting for the reader threads to settle. */
const SETTLE_LIMIT_S = 180;

/**
 * Warms a search row up with searches of its own, then (unless --cold) goes on until the server's
 * reader threads have no background work left: a server that has answered searches for a minute or
 * two has sampled the words asked and built the common ones' bitmaps, and a row measured before
 * that measures a server just started (1,000,000 articles, newest first at 200 connections: 2 s of
 * warm-up gave 908-1,135 answers/s, p99 315-335 ms; settled, a median of 1,706/s, p99 210 ms over 15
 * runs: docs/search.md, "A sixth look"). Returns the seconds it took.
 */
async function warmSearches(
  origin: string,
  connections: number,
  run: (round: number, seconds: number) => Promise<Result>,
): Promise<number> {
  const t0 = performance.now();
  if (!values.cold) await askEveryWord(origin, connections);
  let round = 0;
  await run(round++, SEARCH_WARMUP_S);
  while (!values.cold && !(await searchSettled(origin))) {
    if ((performance.now() - t0) / 1000 > SETTLE_LIMIT_S) {
      console.error(`bench:web: the reader threads did not settle in ${SETTLE_LIMIT_S} s; measuring anyway`);
      break;
    }
    await run(round++, SEARCH_WARMUP_S);
  }
  return (performance.now() - t0) / 1000;
}

let everyWordAsked = false;

/**
 * Each word of the mix's vocabulary (search-mix.ts) asked once as a one-word search, before the
 * first search row of a run: a server that has answered its readers for a while has been asked the
 * words they use, sampled each and built the bitmaps of the common ones (common-words.ts), so a
 * row's new queries are new combinations of words asked before. Without it a 10 s row met words
 * no warm-up had asked: twelve of the middling words (ranks 20-38) are found in over 20 % of the
 * articles, and their bitmaps (180,000-260,000 matches each at a million articles) were built
 * during the row, bursts of 0.3-0.6 s in which the reader thread's background work took most of
 * its time and the answers per 100 ms fell by half; those bursts set the row's p99 (docs/search.md,
 * "A seventh look"). The words are asked in turn, in rounds until each was.
 */
async function askEveryWord(origin: string, connections: number): Promise<void> {
  if (everyWordAsked) return;
  everyWordAsked = true;
  let left = VOCAB.map((w) => `/search?q=${w}`);
  while (left.length > 0) {
    const { count } = await loadPaths(origin, connections, left, 2);
    if (count === 0) throw new Error('bench:web: the server answered none of the one-word searches');
    // The last `connections` requests may have been cut off when the round ended: asked again.
    left = count >= left.length ? [] : left.slice(Math.max(1, count - connections));
  }
}

async function searchSettled(origin: string): Promise<boolean> {
  const res = await fetch(`${origin}/bench-settled`, { headers: { cookie: 'bench=1' } });
  return ((await res.json()) as { settled: boolean }).settled;
}

async function load(origin: string, path: string, connections: number, seconds = SECONDS): Promise<Result> {
  if (values.loader === 'wrk') return wrk(origin, connections, seconds, [path]);
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const res = await pool.request({ path, method: 'GET', headers: { 'user-agent': 'bench' } });
      await res.body.arrayBuffer();
      if (res.statusCode !== 200) errors += 1;
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { rps: latencies.length / elapsed, p50: q(0.5), p99: q(0.99), errors, count: latencies.length };
}

/** The server side, in its own process so the load generator does not share its CPU. */
async function serveMode(): Promise<void> {
  const dir = values.store ? null : mkdtempSync(join(tmpdir(), 'happenings-bench-web-'));
  const dbPath = values.store ?? join(dir!, 'bench.db');
  const reuse = values.store !== undefined && existsSync(values.store);
  // The store is ~300 MB at 100,000 articles: removed when the parent stops this process, unless --store keeps it.
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
  const store = await openStore({ dbPath, ...STORE_OPTIONS });
  const t0 = performance.now();
  if (!reuse) await fill(store);
  const fillSeconds = (performance.now() - t0) / 1000;
  const storeBytes = fileBytes(dbPath) + fileBytes(`${dbPath}-wal`);
  const { pagePath } = (await benchApp(store).data.latestArticles({ limit: 1, offset: 500 }))[0]!;
  if (PROCESSES === 1) {
    const server = await startWebServer(benchApp(store).app, { port: 0, host: '127.0.0.1' });
    console.log(
      JSON.stringify({
        url: server.url,
        article: pagePath,
        fillSeconds,
        reused: reuse,
        storeBytes,
        pids: [process.pid],
      }),
    );
    return;
  }
  // Several processes on one port, as `serve --web-processes N` runs them: this process accepts and
  // hands each connection to the one holding the fewest (web/handoff.ts); each opens the SQLite file
  // itself, as `serve` processes sharing one store would.
  await store.close();
  const handoff = await handOutConnections({ port: 0, host: '127.0.0.1' });
  cluster.setupPrimary({
    exec: fileURLToPath(import.meta.url),
    args: ['--worker', dbPath, ...storeFlags()],
    execArgv: process.execArgv,
  });
  await Promise.all(
    Array.from(
      { length: PROCESSES },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = cluster.fork();
          worker.once('message', () => {
            handoff.add(worker.process);
            resolve();
          });
          worker.once('exit', (code) => reject(new Error(`bench server process exited (${code})`)));
        }),
    ),
  );
  console.log(
    JSON.stringify({
      url: handoff.url,
      article: pagePath,
      fillSeconds,
      reused: reuse,
      storeBytes,
      pids: Object.values(cluster.workers ?? {}).map((w) => w!.process.pid),
    }),
  );
}

/** One of several server processes (`--processes N`): opens the filled store and serves the connections handed to it. */
async function workerMode(dbPath: string): Promise<void> {
  process.once('disconnect', () => process.exit(0));
  const store = await openStore({ dbPath, ...STORE_OPTIONS });
  serveHandedConnections(benchApp(store).app);
  process.send!('ready');
}

function benchApp(store: Store) {
  const data = storeSiteData({ store, language: 'en', translationNote: async () => null });
  const app = createWebApp({ data, siteName: 'Bench', language: 'en' });
  app.get('/bench-peer', (c) => c.text('ok'));
  // The server's own CPU time, so a row can say what one request costs whatever else runs on the machine.
  app.get('/bench-cpu', (c) => c.json(process.cpuUsage()));
  app.get('/bench-settled', async (c) => c.json({ settled: await store.searchSettled() }));
  return { app, data };
}

async function startServer(): Promise<{
  url: string;
  article: string;
  fillSeconds: number;
  reused: boolean;
  storeBytes: number;
  cpuMs(): Promise<number>;
  stop(): void;
}> {
  // The server runs with the young generation `npm start` gives `serve` (package.json).
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      '--max-semi-space-size=64',
      fileURLToPath(import.meta.url),
      '--serve',
      '--articles',
      String(ARTICLES),
      '--processes',
      String(PROCESSES),
      ...storeFlags(),
      ...(values.store ? ['--store', values.store] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { url, article, fillSeconds, reused, storeBytes, pids } = JSON.parse(line) as {
        url: string;
        article: string;
        fillSeconds: number;
        reused: boolean;
        storeBytes: number;
        pids: number[];
      };
      // One process answers its own CPU time (µs); several are read from /proc (Linux, 10 ms ticks).
      const cpuMs =
        pids.length === 1 ? () => serverCpu(url) : async () => pids.reduce((sum, pid) => sum + procCpuMs(pid), 0);
      resolve({ url, article, fillSeconds, reused, storeBytes, cpuMs, stop: () => child.kill('SIGTERM') });
    });
  });
}

/** A file's size in bytes, 0 when there is none. */
function fileBytes(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** user + system CPU ms of a process, from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms). */
function procCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main(): Promise<void> {
  const server = await startServer();
  console.log(
    `store: ${ARTICLES} articles, ${STORIES} stories, ${(server.storeBytes / 2 ** 20).toFixed(0)} MiB, ${server.reused ? `reused from ${values.store}` : `filled in ${server.fillSeconds.toFixed(1)} s`} (server in a child process)`,
  );
  // Search rows: `new query` rows never repeat a query within the run (no cache answers them: the
  // full cost of a search); the `popular` row repeats 500 queries with Zipf weights, as readers
  // and shared links do, so the page and search caches answer most of it. Say which row you quote.
  const pages: [string, string | ((connections: number, run: number, seconds?: number) => Promise<Result>)][] = [
    ['peer (constant route)', '/bench-peer'],
    ['front page', '/'],
    ['front page, one section', '/?section=Sport'],
    ['story page', '/story/42'],
    ['article page', server.article],
    [
      'search, new query each request, newest first (default)',
      (c, run, seconds) => loadPaths(server.url, c, newQueries(run, ''), seconds),
    ],
    [
      'search, new query each request, sort=relevance',
      (c, run, seconds) => loadPaths(server.url, c, newQueries(run, '&sort=relevance'), seconds),
    ],
    [
      'search, 500 popular queries repeated (Zipf), newest first',
      (c, _run, seconds) => loadPaths(server.url, c, popularQueries(), seconds),
    ],
  ];
  console.log(
    `load: ${values.loader}, ${SECONDS} s per row, closed loop, keep-alive; p50/p99 in ms; server: ${PROCESSES} process(es), ${READERS} SQLite reader thread(s) each; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${cpus().length} cores)`,
  );
  console.log(
    "server CPU ms/req: the server processes' CPU time per answered request (the cost of one request, whatever else shares the cores)",
  );
  console.log(
    'page | connections | req/s | p50 | p99 | errors | req/s vs peer | server CPU ms/req | load average (1 min) after the row',
  );
  let searchRun = 0;
  const warmed: number[] = [];
  for (const connections of LEVELS) {
    let peer = 0;
    for (const [name, target] of pages) {
      if (values.only && !name.startsWith('peer') && !name.includes(values.only)) continue;
      // Warm up (JIT, connections, SQLite page cache; for searches, queries of their own, and the
      // popular row's queries, which a live site's caches would hold) before measuring.
      if (typeof target === 'string') await load(server.url, target, connections, 0.5);
      else
        warmed.push(
          await warmSearches(server.url, connections, (round, seconds) =>
            target(connections, 1000 + 100 * searchRun + round, seconds),
          ),
        );
      const before = await server.cpuMs();
      const r =
        typeof target === 'string'
          ? await load(server.url, target, connections)
          : await target(connections, searchRun++);
      const cpuMs = (await server.cpuMs()) - before;
      if (name.startsWith('peer')) peer = r.rps;
      console.log(
        `${name} | ${connections} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${(r.rps / peer).toFixed(3)} | ${(cpuMs / Math.max(1, r.count)).toFixed(2)} | ${loadavg()[0]!.toFixed(2)}`,
      );
    }
  }
  if (warmed.length > 0)
    console.log(
      values.cold
        ? `search rows: measured after ${SEARCH_WARMUP_S} s of searches, on a server just started (--cold)`
        : `search rows: warmed up with searches of their own until the reader threads' background work was done (common-word bitmaps): ${warmed.map((w) => w.toFixed(0)).join(', ')} s`,
    );
  console.log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  server.stop();
}

/** Search paths never asked before in this run (each row's run number starts its own range). */
function newQueries(run: number, extra: string): string[] {
  return Array.from({ length: 40_000 }, (_, i) => `${searchPath(run * 40_000 + i)}${extra}`);
}

/** 40,000 requests over 500 distinct queries, the j-th asked with weight 1/(j+1) (Zipf), interleaved deterministically. */
function popularQueries(): string[] {
  const weights = Array.from({ length: 500 }, (_, j) => 1 / (j + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((acc, w, j) => (cumulative[j] = acc + w / total), 0);
  return Array.from({ length: 40_000 }, (_, i) => {
    const u = rand(i, 7);
    const j = cumulative.findIndex((c) => c >= u);
    return searchPath(5_000_000 + (j < 0 ? 499 : j));
  });
}

/** A closed loop over `paths` in turn (wrk walks them with a Lua script; undici in this process otherwise). */
async function loadPaths(origin: string, connections: number, paths: string[], seconds = SECONDS): Promise<Result> {
  if (values.loader === 'wrk') return wrk(origin, connections, seconds, paths);
  let n = 0;
  const pool = new Pool(origin, { connections });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await pool.request({ path: paths[n++ % paths.length]!, method: 'GET' });
        await res.body.arrayBuffer();
        if (res.statusCode !== 200) errors += 1;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { rps: latencies.length / elapsed, p50: q(0.5), p99: q(0.99), errors, count: latencies.length };
}

/** The site's address of query k of the mix (search-mix.ts). */
function searchPath(k: number): string {
  const { words, page } = searchWords(k);
  return `/search?q=${words.join('+')}&page=${page}`;
}

if (values.worker) await workerMode(positionals[0]!);
else if (values.serve) await serveMode();
else await main();
