/**
 * The `jobs` table of the in-process queue (src/jobs/sqlite-queue.ts): add, claim, finish, retry,
 * reclaim. Each step is one statement (atomic in SQLite).
 */
import type { Selectable } from 'kysely';
import type { StoreContext } from './dialect.js';
import type { JobsTable } from './schema.js';

export type JobRow = Selectable<JobsTable>;

/** Jobs in the table by state (the queue's stats). */
export interface JobCounts {
  pending: number;
  running: number;
  failed: number;
}

export interface NewJob {
  name: string;
  payload: unknown;
  key: string | null;
  queue: string | null;
  runAt: Date;
  maxAttempts: number;
}

/** Inserts a pending job; returns false when a pending job with the same key already waits. */
export async function insertJob({ db }: StoreContext, job: NewJob, now: Date): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values({
      name: job.name,
      payload: JSON.stringify(job.payload ?? null),
      key: job.key,
      queue: job.queue,
      status: 'pending',
      attempts: 0,
      max_attempts: job.maxAttempts,
      run_at: job.runAt.toISOString(),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Takes the oldest ready job with one of `names` whose queue has nothing running, and marks it
 * running for `workerId`, in one statement so two workers never take the same job.
 */
export async function claimJob(
  { db }: StoreContext,
  names: string[],
  workerId: string,
  now: Date,
): Promise<JobRow | undefined> {
  const at = now.toISOString();
  return (
    db
      .updateTable('jobs')
      .set((eb) => ({ status: 'running', locked_at: at, locked_by: workerId, attempts: eb('attempts', '+', 1) }))
      // Checked again on the row itself: a database that runs the subquery before locking the row
      // (PostgreSQL under read committed) must not hand one job to two workers.
      .where('status', '=', 'pending')
      .where('id', '=', (eb) =>
        eb
          .selectFrom('jobs as j')
          .select('j.id')
          .where('j.status', '=', 'pending')
          .where('j.run_at', '<=', at)
          .where('j.name', 'in', names)
          .where((w) =>
            w.or([
              w('j.queue', 'is', null),
              w.not(
                w.exists(
                  w
                    .selectFrom('jobs as r')
                    .select('r.id')
                    .whereRef('r.queue', '=', 'j.queue')
                    .where('r.status', '=', 'running'),
                ),
              ),
            ]),
          )
          .orderBy('j.run_at')
          .orderBy('j.id')
          .limit(1),
      )
      .returningAll()
      .executeTakeFirst()
  );
}

/** A finished job leaves the table (only if this worker still holds it). */
export async function completeJob({ db }: StoreContext, job: JobRow, workerId: string): Promise<void> {
  await db
    .deleteFrom('jobs')
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .execute();
}

/**
 * A try that failed (or whose worker vanished): back to pending at `retryAt`, or 'failed' for good
 * once its attempts are used up. A retry that would be a second pending job with its key is
 * dropped, since the pending one does the same work.
 */
export async function releaseJob(
  { db, dialect }: StoreContext,
  job: JobRow,
  error: string,
  retryAt: Date,
): Promise<'retry' | 'failed' | 'dropped'> {
  const unlocked = { locked_at: null, locked_by: null, last_error: error };
  const held = db.updateTable('jobs').where('id', '=', job.id).where('status', '=', 'running');
  if (job.attempts >= job.max_attempts) {
    await held.set({ ...unlocked, status: 'failed' }).execute();
    return 'failed';
  }
  try {
    await held.set({ ...unlocked, status: 'pending', run_at: retryAt.toISOString() }).execute();
    return 'retry';
  } catch (e) {
    if (!dialect.isUniqueViolation(e)) throw e;
    await db.deleteFrom('jobs').where('id', '=', job.id).execute();
    return 'dropped';
  }
}

/** Running jobs whose lock was not renewed since `cutoff`: their worker crashed or hung. */
export async function staleJobs({ db }: StoreContext, cutoff: Date): Promise<JobRow[]> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('status', '=', 'running')
    .where('locked_at', '<', cutoff.toISOString())
    .execute();
}

/** Renews the locks this worker holds, so live long jobs are not taken for crashed ones. */
export async function renewLocks({ db }: StoreContext, ids: number[], workerId: string, now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ locked_at: now.toISOString() })
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .execute();
}

export async function readyCount({ db }: StoreContext, names: string[], now: Date): Promise<number> {
  if (names.length === 0) return 0;
  const row = await db
    .selectFrom('jobs')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .where('run_at', '<=', now.toISOString())
    .where('name', 'in', names)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function jobStats({ db }: StoreContext): Promise<JobCounts> {
  const rows = await db
    .selectFrom('jobs')
    .select(({ fn }) => ['status', fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { pending: count('pending'), running: count('running'), failed: count('failed') };
}
