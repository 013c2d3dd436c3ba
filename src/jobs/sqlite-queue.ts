/**
 * The in-process job queue over the store's `jobs` table. A worker loop claims ready jobs (one
 * statement each, so several processes can share the table), runs up to `concurrency` at once,
 * retries failures with exponential backoff, renews its locks while jobs run, and takes back jobs
 * whose worker stopped renewing (a crashed process).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { HappeningsError, errorLine } from '../errors.js';
import { log } from '../log.js';
import type { JobRow, Store } from '../store/index.js';
import {
  queueOperation,
  type JobHandler,
  type JobOptions,
  type JobQueue,
  type JobStats,
  type StartOptions,
} from './queue.js';

export interface SqliteJobQueueOptions {
  /** First retry delay; the n-th retry waits retryBaseMs·2^(n-1). 30 s: a flaky host gets a breather. */
  retryBaseMs?: number;
  /** Longest retry delay (6 h: a site down for a day is still retried a few times). */
  retryMaxMs?: number;
  /** A running job whose lock is older than this belongs to a crashed worker (locks are renewed every third of it). */
  lockTimeoutMs?: number;
  defaultMaxAttempts?: number;
}

const defaults = { retryBaseMs: 30_000, retryMaxMs: 6 * 3600_000, lockTimeoutMs: 10 * 60_000, defaultMaxAttempts: 5 };

export function sqliteJobQueue(store: Store, options: SqliteJobQueueOptions = {}): JobQueue {
  return new SqliteJobQueue(store, { ...defaults, ...options });
}

class SqliteJobQueue implements JobQueue {
  // Host and pid first: a job whose worker process on this host is gone is taken back at once.
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID()}`;
  private handlers: Record<string, JobHandler> = {};
  private first: string[] = [];
  private concurrency = 1;
  private pollMs = 1000;
  private started = false;
  private stopping = false;
  private readonly running = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private tickAgain = false;
  private drainWaiters: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly options: Required<SqliteJobQueueOptions>,
  ) {}

  async add(name: string, payload: unknown, options: JobOptions = {}): Promise<void> {
    const job = {
      name,
      payload,
      key: options.key ?? null,
      queue: options.queue ?? null,
      runAt: options.runAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? this.options.defaultMaxAttempts,
    };
    await queueOperation(() => this.store.jobs.insertJob(job, new Date()));
    if (this.started) this.wake();
  }

  start(handlers: Record<string, JobHandler>, options: StartOptions): void {
    if (this.started) throw new HappeningsError('jobs', 'usage', 'the queue is already started');
    this.handlers = handlers;
    this.first = (options.first ?? []).filter((name) => name in handlers);
    this.concurrency = Math.max(1, options.concurrency);
    this.pollMs = options.pollMs ?? this.pollMs;
    this.started = true;
    this.stopping = false;
    this.renewTimer = setInterval(() => void this.renewLocks(), this.options.lockTimeoutMs / 3);
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    clearInterval(this.renewTimer);
    await this.ticking;
    await Promise.allSettled(this.running.values());
    this.started = false;
    this.resolveDrainWaiters();
  }

  drain(): Promise<void> {
    if (!this.started) return Promise.reject(new HappeningsError('jobs', 'usage', 'drain() needs a started queue'));
    const drained = new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    this.wake();
    return drained;
  }

  stats(): Promise<JobStats> {
    return queueOperation(() => this.store.jobs.jobStats());
  }

  /** Runs a tick now, or right after the current one. */
  private wake(): void {
    if (this.stopping) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.ticking = this.tick()
      .catch((error: unknown) => log.error(error, 'jobs'))
      .finally(() => {
        this.ticking = undefined;
        if (this.stopping) return;
        if (this.tickAgain) {
          this.tickAgain = false;
          this.wake();
        } else this.timer = setTimeout(() => this.wake(), this.pollMs);
      });
  }

  /** One round: take back stale jobs, fill free slots with ready jobs, answer drain() if idle. */
  private async tick(): Promise<void> {
    await this.reclaimStaleJobs();
    const names = Object.keys(this.handlers);
    while (!this.stopping && this.running.size < this.concurrency) {
      const job = await this.claimNext(names);
      if (!job) break;
      this.run(job);
    }
    if (
      this.drainWaiters.length > 0 &&
      this.running.size === 0 &&
      (await this.store.jobs.readyCount(names, new Date())) === 0
    ) {
      this.resolveDrainWaiters();
    }
  }

  /** The next ready job, those named in `first` before the rest (each claim is one statement). */
  private async claimNext(names: string[]): Promise<JobRow | undefined> {
    const now = new Date();
    const urgent = this.first.length ? await this.store.jobs.claimJob(this.first, this.workerId, now) : undefined;
    return urgent ?? (await this.store.jobs.claimJob(names, this.workerId, now));
  }

  private run(job: JobRow): void {
    const done = this.execute(job)
      .catch((error: unknown) => log.error(error, `jobs: ${job.name} #${job.id}`))
      .finally(() => {
        this.running.delete(job.id);
        this.wake();
      });
    this.running.set(job.id, done);
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.handlers[job.name];
    try {
      if (!handler) throw new Error(`no handler for ${job.name}`);
      await handler(JSON.parse(job.payload));
    } catch (error) {
      const outcome = await this.store.jobs.releaseJob(job, errorLine(error), this.retryAt(job.attempts));
      log.warn(
        `jobs: ${job.name} #${job.id} attempt ${job.attempts}/${job.max_attempts} failed (${outcome}): ${errorLine(error)}`,
      );
      return;
    }
    await this.store.jobs.completeJob(job, this.workerId);
  }

  /** Exponential backoff after the n-th attempt: base·2^(n-1), capped. */
  private retryAt(attempts: number): Date {
    const delayMs = Math.min(this.options.retryBaseMs * 2 ** Math.max(0, attempts - 1), this.options.retryMaxMs);
    return new Date(Date.now() + delayMs);
  }

  /**
   * Jobs whose lock expired, and jobs held by a worker process of this host that no longer runs
   * (killed mid-job: it stayed `running` for the whole lock timeout, 10 min; issue 15).
   */
  private async reclaimStaleJobs(): Promise<void> {
    const cutoff = new Date(Date.now() - this.options.lockTimeoutMs);
    // Every running job is read (a far cutoff), then those whose lock expired or whose worker here died are taken back.
    const everyRunning = await this.store.jobs.staleJobs(new Date('9999-12-31T00:00:00Z'));
    for (const job of everyRunning) {
      if (this.running.has(job.id)) continue;
      if (Date.parse(job.locked_at ?? '') >= cutoff.getTime() && !deadHere(job.locked_by)) continue;
      const outcome = await this.store.jobs.releaseJob(job, 'lock expired: its worker stopped', new Date());
      log.warn(`jobs: took back ${job.name} #${job.id} from a stopped worker (${outcome})`);
    }
  }

  private async renewLocks(): Promise<void> {
    await this.store.jobs
      .renewLocks([...this.running.keys()], this.workerId, new Date())
      .catch((error: unknown) => log.error(error, 'jobs'));
  }

  private resolveDrainWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** True when `workerId` names a process of this host that is gone (host:pid:uuid; older ids never). */
function deadHere(workerId: string | null): boolean {
  const [host, pid] = (workerId ?? '').split(':');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
