import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/test-store.js';
import { setQuiet } from '../log.js';
import { sqliteJobQueue } from './sqlite-queue.js';
import type { JobQueue } from './queue.js';

setQuiet(true);
let t: TestStore;
let queue: JobQueue | undefined;
afterEach(async () => {
  await queue?.stop();
  queue = undefined;
  await t?.cleanup();
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sqliteJobQueue', () => {
  it('runs jobs with their payload and removes them when done', async () => {
    t = await openTestStore();
    queue = sqliteJobQueue(t.store);
    const seen: number[] = [];
    await queue.add('count', { n: 1 });
    await queue.add('count', { n: 2 });
    expect(await queue.stats()).toEqual({ pending: 2, running: 0, failed: 0 });
    queue.start({ count: async (p: { n: number }) => void seen.push(p.n) }, { concurrency: 2, pollMs: 10 });
    await queue.drain();
    expect(seen.sort()).toEqual([1, 2]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, failed: 0 });
  });

  it('retries with exponential backoff, then keeps the job as failed with its error', async () => {
    t = await openTestStore();
    queue = sqliteJobQueue(t.store, { retryBaseMs: 40 });
    const times: number[] = [];
    await queue.add('flaky', null, { maxAttempts: 3 });
    queue.start({ flaky: async () => { times.push(Date.now()); throw new Error('publisher down'); } }, { concurrency: 1, pollMs: 5 });
    await waitFor(async () => (await queue!.stats()).failed === 1);
    expect(times).toHaveLength(3);
    const [a = 0, b = 0, c = 0] = times;
    expect(b - a).toBeGreaterThanOrEqual(40);
    expect(c - b).toBeGreaterThanOrEqual(80);
    const row = await t.store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, last_error: 'publisher down', locked_by: null });
    await sleep(100);
    expect(times).toHaveLength(3);
  });

  it('keeps at most one pending job per key', async () => {
    t = await openTestStore();
    queue = sqliteJobQueue(t.store);
    await queue.add('poll', { id: 1 }, { key: 'poll:1' });
    await queue.add('poll', { id: 1 }, { key: 'poll:1' });
    await queue.add('poll', { id: 2 }, { key: 'poll:2' });
    expect((await queue.stats()).pending).toBe(2);
    let runs = 0;
    queue.start({ poll: async () => void runs++ }, { concurrency: 1, pollMs: 10 });
    await queue.drain();
    expect(runs).toBe(2);
    await queue.add('poll', { id: 1 }, { key: 'poll:1' });
    await queue.drain();
    expect(runs).toBe(3);
  });

  it('runs the jobs of one queue one at a time, and different queues side by side', async () => {
    t = await openTestStore();
    queue = sqliteJobQueue(t.store);
    const inFlight = new Map<string, number>();
    const most = new Map<string, number>();
    let overall = 0;
    let mostOverall = 0;
    const work = async ({ q }: { q: string }) => {
      inFlight.set(q, (inFlight.get(q) ?? 0) + 1);
      overall++;
      most.set(q, Math.max(most.get(q) ?? 0, inFlight.get(q) ?? 0));
      mostOverall = Math.max(mostOverall, overall);
      await sleep(20);
      inFlight.set(q, (inFlight.get(q) ?? 1) - 1);
      overall--;
    };
    for (let i = 0; i < 4; i++) {
      await queue.add('fetch', { q: 'a' }, { queue: 'host:a.example' });
      await queue.add('fetch', { q: 'b' }, { queue: 'host:b.example' });
    }
    queue.start({ fetch: work }, { concurrency: 4, pollMs: 5 });
    await queue.drain();
    expect(most.get('a')).toBe(1);
    expect(most.get('b')).toBe(1);
    expect(mostOverall).toBe(2);
    expect((await queue.stats()).pending).toBe(0);
  });

  it('takes back a job whose worker crashed and runs it', async () => {
    t = await openTestStore();
    const longAgo = new Date(Date.now() - 60_000).toISOString();
    await t.store.db
      .insertInto('jobs')
      .values({ name: 'index', payload: '{"id":7}', key: 'index:7', queue: null, status: 'running', attempts: 1, max_attempts: 3, run_at: longAgo, locked_at: longAgo, locked_by: 'crashed-worker', created_at: longAgo })
      .execute();
    queue = sqliteJobQueue(t.store, { lockTimeoutMs: 1000 });
    const ran: number[] = [];
    queue.start({ index: async ({ id }: { id: number }) => void ran.push(id) }, { concurrency: 1, pollMs: 10 });
    await queue.drain();
    expect(ran).toEqual([7]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, failed: 0 });
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

  it('gives up a stale job whose attempts are used up', async () => {
    t = await openTestStore();
    const longAgo = new Date(Date.now() - 60_000).toISOString();
    await t.store.db
      .insertInto('jobs')
      .values({ name: 'index', payload: 'null', key: null, queue: null, status: 'running', attempts: 2, max_attempts: 2, run_at: longAgo, locked_at: longAgo, locked_by: 'crashed-worker', created_at: longAgo })
      .execute();
    queue = sqliteJobQueue(t.store, { lockTimeoutMs: 1000 });
    queue.start({ index: async () => undefined }, { concurrency: 1, pollMs: 10 });
    await queue.drain();
    const row = await t.store.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', last_error: 'lock expired: its worker stopped' });
  });

  it('leaves jobs without a handler alone and waits for running jobs on stop', async () => {
    t = await openTestStore();
    queue = sqliteJobQueue(t.store);
    await queue.add('translate', null);
    await queue.add('slow', null);
    let finished = false;
    queue.start({ slow: async () => { await sleep(50); finished = true; } }, { concurrency: 1, pollMs: 5 });
    await waitFor(async () => (await queue!.stats()).running === 1);
    await queue.stop();
    expect(finished).toBe(true);
    expect(await queue.stats()).toEqual({ pending: 1, running: 0, failed: 0 });
  });
});
