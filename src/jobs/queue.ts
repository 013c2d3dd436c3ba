/**
 * The one job-queue interface. Adapters: in-process over the store's `jobs` table (sqlite-queue.ts,
 * the default) and graphile-worker over PostgreSQL (graphile-queue.ts). Handlers must be idempotent: after a crash a job may run
 * twice, and a rerun must duplicate nothing.
 */
import { HappeningsError, errorLine } from '../errors.js';

export interface JobOptions {
  /** At most one pending job per key: adding a second one while the first waits does nothing. */
  key?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Tries before the job is kept as 'failed' with its last error. */
  maxAttempts?: number;
  /** Jobs in one queue run one at a time (e.g. `host:example.com`, for politeness). */
  queue?: string;
}

export type JobHandler = (payload: any) => Promise<void>;

export interface StartOptions {
  concurrency: number;
  pollMs?: number;
  first?: string[];
}

export interface JobStats {
  pending: number;
  running: number;
  failed: number;
}

export interface JobQueue {
  add(name: string, payload: unknown, options?: JobOptions): Promise<void>;
  /**
   * Starts working on jobs whose names have handlers, `concurrency` at a time. Ready jobs named in
   * `first` are taken before the others (the SQLite queue: feed polls before a backlog of pages).
   */
  start(handlers: Record<string, JobHandler>, options: StartOptions): void;
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
  /** Resolves when no job is ready to run and none is running here (for ingest and tests). */
  drain(): Promise<void>;
  stats(): Promise<JobStats>;
}

/** Runs a queue operation; a failure of the database under it becomes one `jobs/store` error line. */
export async function queueOperation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof HappeningsError
      ? error
      : new HappeningsError('jobs', 'store', errorLine(error), { cause: error });
  }
}
