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
import type { Database } from './schema.js';
import { log } from '../log.js';

/** Runs in each reader thread: one read-only connection, statements kept by SQL text. */
const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('mmap_size = ' + workerData.mmapBytes);
  db.pragma('cache_size = ' + -workerData.cacheKib);
} catch (error) {
  parentPort.postMessage({ fatal: String(error && error.message || error) });
  process.exit(1);
}
const statements = new Map();
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (!statement.reader) throw new Error('a reader thread only reads: ' + sql.slice(0, 60));
      if (statements.size >= 500) statements.delete(statements.keys().next().value);
      statements.set(sql, statement);
    }
    parentPort.postMessage({ id, rows: statement.all(parameters) });
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
    const worker = new Worker(READER_SOURCE, { eval: true, workerData: { path: dbPath, driver, ...pragmas } });
    const reader: Reader = { worker, waiting: new Map() };
    worker.on('message', (message: { id: number; rows?: unknown[]; error?: string; code?: string; fatal?: string }) => {
      if (message.fatal !== undefined)
        return stop(reader, new Error(`a SQLite reader cannot open ${dbPath}: ${message.fatal}`));
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
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => readOnly,
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (db) => new SqliteIntrospector(db),
    },
  });
}
