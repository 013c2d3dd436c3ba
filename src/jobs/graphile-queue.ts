/**
 * The job queue on graphile-worker (PostgreSQL), for deployments with several worker processes.
 * graphile-worker gives the parts that are hard to get right across machines: SKIP LOCKED claims,
 * LISTEN/NOTIFY wake-ups, named queues (one job at a time per `host:…`) and job keys (one pending
 * job per key). Two things it does differently are adapted here:
 * - backoff: its delay is fixed (e^attempts s); ours is retryBaseMs·2^(n-1), so a failed try is
 *   completed and re-added with `runAt` (carrying its try number), and only the last try throws,
 *   which graphile keeps as a permanently failed job;
 * - crashed workers: graphile frees their locks after 4 hours; we renew the locks of running jobs
 *   and free the others after `lockTimeoutMs` (as the SQLite queue does).
 */
import { EventEmitter } from 'node:events';
import { Logger, run, makeWorkerUtils, type Runner, type Task, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';
import { HappeningsError, errorLine } from '../errors.js';
import { log } from '../log.js';
import { queueOperation, type JobHandler, type JobOptions, type JobQueue, type JobStats } from './queue.js';

export interface GraphileQueueOptions {
  databaseUrl: string;
  /** graphile-worker's schema (default graphile_worker); tests use a fresh one each. */
  schema?: string;
  /** First retry delay; the n-th retry waits retryBaseMs·2^(n-1) (30 s as on SQLite). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A running job whose lock was not renewed for this long belongs to a crashed worker. */
  lockTimeoutMs?: number;
  defaultMaxAttempts?: number;
  /** graphile-worker crontab lines (its cron fires each item once across all workers). */
  crontab?: string;
}

const defaults = {
  crontab: '',
  schema: 'graphile_worker',
  retryBaseMs: 30_000,
  retryMaxMs: 6 * 3600_000,
  lockTimeoutMs: 10 * 60_000,
  defaultMaxAttempts: 5,
};

/** What travels in graphile's payload: ours, and which try this is of how many. */
interface Envelope {
  p: unknown;
  try: number;
  of: number;
  key: string | null;
  queue: string | null;
}

/** A JobQueue that also owns a connection pool, released by close() after stop(). */
export interface GraphileJobQueue extends JobQueue {
  close(): Promise<void>;
}

export async function graphileJobQueue(options: GraphileQueueOptions): Promise<GraphileJobQueue> {
  const settings = { ...defaults, ...options };
  const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 10 });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const utils = await makeWorkerUtils({ pgPool: pool, schema: settings.schema, logger: quietLogger });
  await utils.migrate();
  return new GraphileQueue(pool, utils, settings);
}

/** graphile logs every failed try at error level; ours are logged once here, with the job. */
const quietLogger = new Logger(() => (level: string, message: string) => {
  if (level === 'error') log.warn(`jobs: graphile-worker: ${message}`);
});

class GraphileQueue implements GraphileJobQueue {
  private runner: Runner | undefined;
  private readonly running = new Set<string>();
  /** graphile's ids of the workers that ran jobs here, to see their last completions land on stop. */
  private readonly workerIds = new Set<string>();
  private names: string[] = [];
  private renewTimer: NodeJS.Timeout | undefined;
  private readonly schema: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly utils: WorkerUtils,
    private readonly options: Required<GraphileQueueOptions>,
  ) {
    this.schema = `"${options.schema.replaceAll('"', '""')}"`;
  }

  async add(name: string, payload: unknown, options: JobOptions = {}): Promise<void> {
    const of = options.maxAttempts ?? this.options.defaultMaxAttempts;
    await this.enqueue(
      name,
      { p: payload ?? null, try: 1, of, key: options.key ?? null, queue: options.queue ?? null },
      options.runAt,
    );
  }

  private async enqueue(name: string, envelope: Envelope, runAt?: Date): Promise<void> {
    await queueOperation(() =>
      this.utils.addJob(name, envelope as never, {
        ...(envelope.queue && { queueName: envelope.queue }),
        ...(envelope.key && { jobKey: envelope.key, jobKeyMode: 'preserve_run_at' as const }),
        ...(runAt && { runAt }),
        // Crash retries are graphile's own (it counts a try when it takes the job); failures are ours.
        maxAttempts: envelope.of - envelope.try + 1,
      }),
    );
  }

  start(handlers: Record<string, JobHandler>, options: { concurrency: number; pollMs?: number }): void {
    if (this.runner || this.names.length > 0)
      throw new HappeningsError('jobs', 'usage', 'the queue is already started');
    this.names = Object.keys(handlers);
    const taskList: Record<string, Task> = {};
    for (const [name, handler] of Object.entries(handlers))
      taskList[name] = (payload, helpers) => {
        if (helpers.job.locked_by) this.workerIds.add(helpers.job.locked_by);
        return this.execute(name, handler, payload as Envelope, String(helpers.job.id));
      };
    const starting = run({
      pgPool: this.pool,
      schema: this.options.schema,
      concurrency: Math.max(1, options.concurrency),
      pollInterval: options.pollMs ?? 1000,
      taskList,
      ...(this.options.crontab && { crontab: this.options.crontab }),
      noHandleSignals: true,
      logger: quietLogger,
      events: new EventEmitter() as never,
    });
    this.runner = undefined;
    this.started = starting.then((runner) => (this.runner = runner));
    this.started.catch((error: unknown) => log.error(error, 'jobs'));
    this.renewTimer = setInterval(
      () => void this.renewAndReclaim().catch((e: unknown) => log.error(e, 'jobs')),
      this.options.lockTimeoutMs / 3,
    );
  }

  private started: Promise<Runner> | undefined;

  private async execute(name: string, handler: JobHandler, payload: Envelope, jobId: string): Promise<void> {
    // A cron job's payload is graphile's own ({ _cron }), not an envelope: one try, no retry.
    const envelope: Envelope =
      typeof payload?.try === 'number' ? payload : { p: payload, try: 1, of: 1, key: null, queue: null };
    this.running.add(jobId);
    try {
      await handler(envelope.p);
    } catch (error) {
      if (envelope.try >= envelope.of) throw error;
      const delayMs = Math.min(this.options.retryBaseMs * 2 ** (envelope.try - 1), this.options.retryMaxMs);
      log.warn(`jobs: ${name} #${jobId} attempt ${envelope.try}/${envelope.of} failed (retry): ${errorLine(error)}`);
      await this.enqueue(name, { ...envelope, try: envelope.try + 1 }, new Date(Date.now() + delayMs));
    } finally {
      this.running.delete(jobId);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.renewTimer);
    const runner = await this.started?.catch(() => undefined);
    await runner?.stop();
    // stop() resolves when the workers are told to stop; `promise` when their last completions are written.
    await runner?.promise.catch(() => undefined);
    await this.untilUnlocked();
    this.runner = undefined;
    this.started = undefined;
    this.names = [];
  }

  /** graphile writes a finished job's completion a moment after its worker stops: wait for it (5 s at most). */
  private async untilUnlocked(): Promise<void> {
    const until = Date.now() + 5000;
    while (this.workerIds.size > 0 && Date.now() < until) {
      const held = await this.pool.query(`select 1 from ${this.schema}.jobs where locked_by = any($1) limit 1`, [
        [...this.workerIds],
      ]);
      if (held.rowCount === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    await this.stop();
    await this.utils.release();
    await this.pool.end();
  }

  /** Polls until nothing this queue handles is ready and nothing runs here. */
  async drain(): Promise<void> {
    if (!this.started) throw new HappeningsError('jobs', 'usage', 'drain() needs a started queue');
    await this.started;
    for (;;) {
      if (this.running.size === 0 && (await this.readyCount()) === 0 && this.running.size === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async readyCount(): Promise<number> {
    const result = await this.pool.query<{ n: string }>(
      `select count(*) as n from ${this.schema}.jobs
       where task_identifier = any($1) and (locked_at is not null or (run_at <= now() and attempts < max_attempts))`,
      [this.names],
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  stats(): Promise<JobStats> {
    return queueOperation(async () => {
      const result = await this.pool.query<{ pending: string; running: string; failed: string }>(
        `select count(*) filter (where locked_at is null and attempts < max_attempts) as pending,
                count(*) filter (where locked_at is not null) as running,
                count(*) filter (where locked_at is null and attempts >= max_attempts) as failed
         from ${this.schema}.jobs`,
      );
      const row = result.rows[0];
      return {
        pending: Number(row?.pending ?? 0),
        running: Number(row?.running ?? 0),
        failed: Number(row?.failed ?? 0),
      };
    });
  }

  /** Keeps our running jobs' locks fresh and frees locks nobody renewed (their worker died). */
  private async renewAndReclaim(): Promise<void> {
    const ids = [...this.running];
    const s = this.schema;
    if (ids.length > 0) {
      await this.pool.query(`update ${s}._private_jobs set locked_at = now() where id = any($1::bigint[])`, [ids]);
      await this.pool.query(
        `update ${s}._private_job_queues set locked_at = now() where id in (select job_queue_id from ${s}._private_jobs where id = any($1::bigint[]))`,
        [ids],
      );
    }
    await reclaimStale(this.pool, this.options.schema, this.options.lockTimeoutMs);
  }
}

/** Frees jobs and queues locked longer than `lockTimeoutMs` ago (graphile's own sweep waits 4 hours). */
export async function reclaimStale(pool: pg.Pool, schema: string, lockTimeoutMs: number): Promise<number> {
  const s = `"${schema.replaceAll('"', '""')}"`;
  const cutoff = `now() - make_interval(secs => $1::double precision / 1000)`;
  const jobs = await pool.query(
    `update ${s}._private_jobs set locked_at = null, locked_by = null, run_at = greatest(run_at, now()) where locked_at < ${cutoff}`,
    [lockTimeoutMs],
  );
  await pool.query(
    `update ${s}._private_job_queues set locked_at = null, locked_by = null where locked_at < ${cutoff}`,
    [lockTimeoutMs],
  );
  return jobs.rowCount ?? 0;
}
