import { afterEach, describe, expect, it } from 'vitest';
import { setQuiet } from '../log.js';
import { openTestStore, type TestStore } from '../store/store.testkit.js';
import { describeQueueContract, sleep, waitFor } from './queue.contract.js';
import type { JobQueue } from './queue.js';
import { sqliteJobQueue } from './sqlite-queue.js';
import { storeDb } from '../store/db.testkit.js';

setQuiet(true);

describe('sqliteJobQueue: the queue contract', () => {
  describeQueueContract(async ({ retryBaseMs }) => {
    const t = await openTestStore();
    return { queue: sqliteJobQueue(t.store, { retryBaseMs }), cleanup: t.cleanup };
  });
});

describe('sqliteJobQueue: rows and locks', () => {
  let t: TestStore;
  let queue: JobQueue | undefined;
  afterEach(async () => {
    await queue?.stop();
    queue = undefined;
    await t?.cleanup();
  });

  const crashedJob = async (attempts: number, maxAttempts: number) => {
    const longAgo = new Date(Date.now() - 60_000).toISOString();
    await storeDb(t.store)
      .insertInto('jobs')
      .values({
        name: 'index',
        payload: '{"id":7}',
        key: 'index:7',
        queue: null,
        status: 'running',
        attempts,
        max_attempts: maxAttempts,
        run_at: longAgo,
        locked_at: longAgo,
        locked_by: 'crashed-worker',
        created_at: longAgo,
      })
      .execute();
  };

  it('keeps a failed job with its last error and attempts', async () => {
    t = await openTestStore();
    queue = sqliteJobQueue(t.store, { retryBaseMs: 5 });
    await queue.add('flaky', null, { maxAttempts: 2 });
    queue.start({ flaky: async () => Promise.reject(new Error('publisher down')) }, { concurrency: 1, pollMs: 5 });
    await waitFor(async () => (await queue!.stats()).failed === 1);
    const row = await storeDb(t.store).selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 2, last_error: 'publisher down', locked_by: null });
  });

  it('takes back a job whose worker crashed and runs it', async () => {
    t = await openTestStore();
    await crashedJob(1, 3);
    queue = sqliteJobQueue(t.store, { lockTimeoutMs: 1000 });
    const ran: number[] = [];
    queue.start({ index: async ({ id }: { id: number }) => void ran.push(id) }, { concurrency: 1, pollMs: 10 });
    await queue.drain();
    expect(ran).toEqual([7]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, failed: 0 });
  });

  it('gives up a stale job whose attempts are used up', async () => {
    t = await openTestStore();
    await crashedJob(2, 2);
    queue = sqliteJobQueue(t.store, { lockTimeoutMs: 1000 });
    queue.start({ index: async () => undefined }, { concurrency: 1, pollMs: 10 });
    await queue.drain();
    const row = await storeDb(t.store).selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', last_error: 'lock expired: its worker stopped' });
  });

  it('drops a crashed job when a fresh one with its key already waits', async () => {
    t = await openTestStore();
    await crashedJob(1, 3);
    queue = sqliteJobQueue(t.store, { lockTimeoutMs: 1000 });
    await queue.add('index', { id: 7 }, { key: 'index:7' });
    const ran: number[] = [];
    queue.start({ index: async ({ id }: { id: number }) => void ran.push(id) }, { concurrency: 1, pollMs: 10 });
    await queue.drain();
    expect(ran).toEqual([7]);
    expect(await storeDb(t.store).selectFrom('jobs').selectAll().execute()).toEqual([]);
  });

  it('does not take back a live job from another worker: its lock is renewed', async () => {
    t = await openTestStore();
    // The job outlives the lock timeout 3 times over; renewals every 100 ms keep it held.
    queue = sqliteJobQueue(t.store, { lockTimeoutMs: 300 });
    const other = sqliteJobQueue(t.store, { lockTimeoutMs: 300 });
    let runs = 0;
    const slow = async () => {
      runs++;
      await sleep(900);
    };
    await queue.add('slow', null);
    queue.start({ slow }, { concurrency: 1, pollMs: 5 });
    await waitFor(async () => runs === 1);
    other.start({ slow }, { concurrency: 1, pollMs: 5 });
    await queue.drain();
    await other.stop();
    expect(runs).toBe(1);
  });

  it('refuses to drain a queue that was not started', async () => {
    t = await openTestStore();
    queue = sqliteJobQueue(t.store);
    await expect(queue.drain()).rejects.toThrow(/started/);
  });
});

describe('sqliteJobQueue: jobs named first', () => {
  let t: TestStore;
  let queue: JobQueue | undefined;
  afterEach(async () => {
    await queue?.stop();
    queue = undefined;
    await t?.cleanup();
  });

  it('takes ready jobs named in `first` before older ones (a poll before a backlog of pages)', async () => {
    t = await openTestStore();
    queue = sqliteJobQueue(t.store);
    for (let i = 0; i < 5; i++) await queue.add('page', { i });
    await queue.add('poll', { i: 5 });
    const order: string[] = [];
    const record = (name: string) => async (payload: { i: number }) => void order.push(`${name}${payload.i}`);
    queue.start({ page: record('page'), poll: record('poll') }, { concurrency: 1, first: ['poll'] });
    await queue.drain();
    expect(order).toEqual(['poll5', 'page0', 'page1', 'page2', 'page3', 'page4']);
  });
});
