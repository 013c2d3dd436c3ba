/**
 * Read-only SQLite connections on worker threads, for the reads a busy site makes most: a new
 * search's index walk and its result lines. better-sqlite3 answers synchronously, so on the main
 * thread a search's SQL (~0.3 ms at 100,000 articles) holds the event loop while nothing else
 * moves; on a reader thread it runs on another core beside the main thread's HTTP and rendering.
 * Each reader opens the same file (WAL: readers see every commit, and never block the writer).
 *
 * The queries come as Kysely compiles them (SQL text and parameters), so the store's functions are
 * the same whichever connection runs them (`StoreContext.readDb`). Rows cross the thread boundary
 * by structured clone: a page of 20 result lines is ~10 KB.
 *
 * The thread's code is a string evaluated by the Worker, not a module file: it then runs the same
 * under tsx, vitest and the compiled dist/ (a .ts worker file would need a loader in every one).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { StoreContext } from './dialect.js';
import type { Database } from './schema.js';
import { log } from '../log.js';
import { commonWordsReader, NOT_READY, type CommonWordsSettings } from './common-words.js';

/** Runs in each reader thread: one read-only connection, statements kept by SQL text. */
const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// Names tsx and vitest's transforms give functions (esbuild keepNames) in the injected code below.
var __name = (target) => target;
const NOT_READY = ${JSON.stringify(NOT_READY)};
${commonWordsReader.toString()}
let db;
let common = null;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('mmap_size = ' + workerData.mmapBytes);
  db.pragma('cache_size = ' + -workerData.cacheKib);
  if (workerData.common) {
    common = commonWordsReader(db, workerData.common);
    db.function('has_common', { deterministic: true }, (id, word) => (common.has(Number(id), String(word)) ? 1 : 0));
  }
} catch (error) {
  parentPort.postMessage({ fatal: String(error && error.message || error) });
  process.exit(1);
}
// The common words' background work, one step at a time between queries.
let working = false;
// Whether background work is left, as last told to the main thread (it reports it: settled()).
let busy = false;
function tell(now) {
  if (now === busy) return;
  busy = now;
  parentPort.postMessage({ background: now });
}
function schedule() {
  if (working) return;
  working = true;
  tell(true);
  setImmediate(work);
}
// After sync: tell the main thread when the bitmaps were dropped (to be built again).
function synced(dropped) {
  if (!dropped) return;
  parentPort.postMessage({ common: common.ready() });
  schedule();
}
function work() {
  working = false;
  let done;
  try {
    db.exec('begin');
    try {
      synced(common.sync());
      done = common.step();
    } finally {
      db.exec('commit');
    }
  } catch (error) {
    parentPort.postMessage({ warning: 'common words: ' + String(error && error.message || error) });
    tell(false);
    return;
  }
  if (done.completed.length > 0) parentPort.postMessage({ common: common.ready() });
  if (done.more) schedule();
  else tell(false);
}
const statements = new Map();
parentPort.on('message', (message) => {
  if (message.hint) {
    if (!common) return;
    common.hint(message.hint);
    schedule();
    return;
  }
  const { id, sql, parameters } = message;
  try {
    let prepared = statements.get(sql);
    if (!prepared) {
      const statement = db.prepare(sql);
      if (!statement.reader) throw new Error('a reader thread only reads: ' + sql.slice(0, 60));
      if (statements.size >= 500) statements.delete(statements.keys().next().value);
      prepared = { statement, testsBits: sql.includes('has_common(') };
      statements.set(sql, prepared);
    }
    const { statement } = prepared;
    let rows;
    if (common && prepared.testsBits) {
      // The bitmaps brought up to date in the snapshot the query reads.
      db.exec('begin');
      try {
        try {
          synced(common.sync());
        } catch (error) {
          // Bits not brought up to date must not answer: the search walks plainly instead.
          throw new Error(NOT_READY + ': ' + String(error && error.message || error));
        }
        rows = statement.all(parameters);
      } finally {
        db.exec('commit');
      }
    } else rows = statement.all(parameters);
    parentPort.postMessage({ id, rows });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error), code: error && error.code });
  }
});
`;

/**
 * SQLite reader threads in a process that serves the site: one moves a new search's SQL off the
 * event loop onto another core (bench:web, one process, new searches at 200 connections: 1,100-1,200
 * answers/s without, 1,850-2,050 with; see docs/search.md). A web process of `serve
 * --web-processes N` takes none: the N processes already keep the cores busy, and a thread each
 * made new searches slower (two processes: 2,230-2,330/s without, 1,900-2,000 with).
 */
export function searchReaders(webProcesses: number): number {
  return webProcesses > 1 ? 0 : 1;
}

interface Waiter {
  query: CompiledQuery;
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

interface Reader {
  worker: Worker;
  waiting: Map<number, Waiter>;
  /** The words this thread has a complete bitmap of (common-words.ts). */
  common: Set<string>;
  /** Whether the thread has background work left (words to sample, bitmaps to build). */
  background: boolean;
  /** Why the thread stopped, once it has. */
  stopped?: Error;
}

/**
 * A Kysely over `threads` reader threads on `dbPath` (a file; ':memory:' cannot be shared). Reads
 * only: a write or a transaction is refused. Each query goes to the reader with the fewest waiting.
 * When a thread stops (it could not open the file, it crashed), its queries and every later one go
 * to the next live thread, else to `fallback` (the store's main connection), with one warning: a
 * search is slower then, never failed.
 */
export function openSqliteReaders(
  dbPath: string,
  threads: number,
  pragmas: { mmapBytes: number; cacheKib: number },
  fallback?: Kysely<Database>,
  common?: CommonWordsSettings,
): Kysely<Database> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let nextId = 0;
  let closing = false;
  const stop = (reader: Reader, error: Error) => {
    if (reader.stopped) return;
    reader.stopped = error;
    if (!closing)
      log.warn(
        `store: ${error.message}; its reads go ${readers.some((r) => !r.stopped) ? 'to another reader thread' : 'to the main connection'}`,
      );
    const orphans = [...reader.waiting.values()];
    reader.waiting.clear();
    for (const waiter of orphans) {
      if (closing) waiter.reject(error);
      else run(waiter.query).then((result) => waiter.resolve(result.rows), waiter.reject);
    }
  };
  const readers: Reader[] = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = new Worker(READER_SOURCE, { eval: true, workerData: { path: dbPath, driver, ...pragmas, common } });
    const reader: Reader = { worker, waiting: new Map(), common: new Set(), background: false };
    worker.on('message', (message: ReaderMessage) => {
      if (message.fatal !== undefined)
        return stop(reader, new Error(`a SQLite reader cannot open ${dbPath}: ${message.fatal}`));
      if (message.common !== undefined) return void (reader.common = new Set(message.common));
      if (message.background !== undefined) return void (reader.background = message.background);
      if (message.warning !== undefined) return log.warn(`store: ${message.warning}`);
      const waiter = reader.waiting.get(message.id);
      reader.waiting.delete(message.id);
      if (reader.waiting.size === 0) worker.unref();
      if (!waiter) return;
      if (message.error === undefined) waiter.resolve(message.rows ?? []);
      else waiter.reject(Object.assign(new Error(message.error), message.code ? { code: message.code } : {}));
    });
    worker.on('error', (error) => stop(reader, new Error(`a SQLite reader thread failed (${error.message})`)));
    worker.on('exit', () => stop(reader, new Error('a SQLite reader thread stopped')));
    worker.unref();
    return reader;
  });

  function run<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    let reader: Reader | undefined;
    for (const r of readers) if (!r.stopped && (!reader || r.waiting.size < reader.waiting.size)) reader = r;
    if (!reader) return fallback && !closing ? fallback.executeQuery<R>(query) : Promise.reject(readers[0]!.stopped!);
    const id = (nextId += 1);
    const chosen = reader;
    return new Promise((resolve, reject) => {
      // A thread keeps the process alive only while it owes an answer.
      if (chosen.waiting.size === 0) chosen.worker.ref();
      chosen.waiting.set(id, { query, resolve: (rows) => resolve({ rows: rows as R[] }), reject });
      chosen.worker.postMessage({ id, sql: query.sql, parameters: query.parameters });
    });
  }

  const connection: DatabaseConnection = {
    executeQuery: run,
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error('SQLite reader threads do not stream');
    },
  };
  const refuse = async () => {
    throw new Error('SQLite reader threads only read');
  };
  const readOnly: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: refuse,
    commitTransaction: refuse,
    rollbackTransaction: refuse,
    releaseConnection: async () => undefined,
    destroy: async () => {
      closing = true;
      await Promise.all(readers.map((r) => r.worker.terminate()));
    },
  };
  const kysely = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => readOnly,
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (db) => new SqliteIntrospector(db),
    },
  });
  if (common) {
    const hinted = new Set<string>();
    let hintedSince = Date.now();
    commonWords.set(kysely, {
      usable(words) {
        const fresh = words.filter((w) => !hinted.has(w));
        if (fresh.length > 0) {
          // Sent again after a while: the threads sample a word again then (resampleMs).
          if (hinted.size + fresh.length > MAX_HINTED || Date.now() - hintedSince > common.resampleMs) {
            hinted.clear();
            hintedSince = Date.now();
          }
          for (const w of fresh) hinted.add(w);
          for (const r of readers) if (!r.stopped) r.worker.postMessage({ hint: fresh });
        }
        // A word is tested by bitmap only where every thread a query may go to has it.
        if (readers.some((r) => r.stopped)) return [];
        return words.filter((w) => readers.every((r) => r.common.has(w)));
      },
      settled: () => readers.every((r) => r.stopped || !r.background),
    });
  }
  return kysely;
}

interface ReaderMessage {
  id: number;
  rows?: unknown[];
  error?: string;
  code?: string;
  fatal?: string;
  /** The words the thread now has a complete bitmap of. */
  common?: string[];
  /** The thread has background work left (true) or none (false). */
  background?: boolean;
  warning?: string;
}

/** Words a query may test by bitmap on these reader threads (common-words.ts). */
export interface CommonWords {
  /** Of `words` (folded), those every reader thread can test by bitmap; the others are sampled in the background. */
  usable(words: string[]): string[];
  /**
   * True when no thread has background work left: every word asked for so far is sampled and every
   * common one's bitmap built (a server is then in its steady state; bench:web waits for it).
   */
  settled(): boolean;
}

const commonWords = new WeakMap<Kysely<Database>, CommonWords>();
/** Words told to the threads already: each is sent once (until this many). */
const MAX_HINTED = 100_000;

/** The common words of reader threads opened with them; undefined for any other connection. */
export function commonWordsOf(db: Kysely<Database>): CommonWords | undefined {
  return commonWords.get(db);
}

/**
 * Whether the search reader threads have finished their background work (common-word bitmaps:
 * common-words.ts): true at once where there are none. Until then a search walks more of the index;
 * bench:web waits for it so that a row measures a server in its steady state, not one just started.
 */
export async function searchSettled({ readDb }: StoreContext): Promise<boolean> {
  return !readDb || (commonWordsOf(readDb)?.settled() ?? true);
}
