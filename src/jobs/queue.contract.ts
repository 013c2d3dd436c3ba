/**
 * What every job-queue adapter must do (SQLite now, graphile-worker later): run each job with its
 * payload, retry with growing delays then fail, keep one pending job per key, serialise a queue,
 * and wait for running jobs on stop. Each adapter's test file runs this against a fresh queue.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JobQueue } from './queue.js';

export interface QueueUnderTest {
  queue: JobQueue;
  cleanup(): Promise<void>;
}

export type OpenQueue = (options: { retryBaseMs: number }) => Promise<QueueUnderTest>;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(5);
  }
}

export function describeQueueContract(open: OpenQueue): void {
  let current: QueueUnderTest | undefined;
  const start = async (retryBaseMs = 30_000) => (current = await open({ retryBaseMs })).queue;
  afterEach(async () => {
    await current?.queue.stop();
    await current?.cleanup();
    current = undefined;
  });

  it('runs jobs with their payload and forgets them when done', async () => {
    const queue = await start();
    const seen: number[] = [];
    await queue.add('count', { n: 1 });
    await queue.add('count', { n: 2 });
    expect(await queue.stats()).toEqual({ pending: 2, running: 0, failed: 0 });
    queue.start({ count: async (p: { n: number }) => void seen.push(p.n) }, { concurrency: 2, pollMs: 10 });
    await queue.drain();
    expect(seen.sort()).toEqual([1, 2]);
    expect(await queue.stats()).toEqual({ pending: 0, running: 0, failed: 0 });
  });

  it('retries with exponential backoff, then keeps the job as failed', async () => {
    const queue = await start(40);
    const times: number[] = [];
    await queue.add('flaky', null, { maxAttempts: 3 });
    const flaky = async () => {
      times.push(Date.now());
      throw new Error('publisher down');
    };
    queue.start({ flaky }, { concurrency: 1, pollMs: 5 });
    await waitFor(async () => (await queue.stats()).failed === 1);
    const [a = 0, b = 0, c = 0] = times;
    expect(times).toHaveLength(3);
    expect(b - a).toBeGreaterThanOrEqual(40);
    expect(c - b).toBeGreaterThanOrEqual(80);
    await sleep(100);
    expect(times).toHaveLength(3);
  });

  it('keeps at most one pending job per key', async () => {
    const queue = await start();
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
    const queue = await start();
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

  it('waits for running jobs on stop and leaves jobs it has no handler for', async () => {
    const queue = await start();
    await queue.add('translate', null);
    await queue.add('slow', null);
    let finished = false;
    const slow = async () => {
      await sleep(50);
      finished = true;
    };
    queue.start({ slow }, { concurrency: 1, pollMs: 5 });
    await waitFor(async () => (await queue.stats()).running === 1);
    await queue.stop();
    expect(finished).toBe(true);
    expect(await queue.stats()).toEqual({ pending: 1, running: 0, failed: 0 });
  });

  it('runs a job added later without waiting for a poll', async () => {
    const queue = await start();
    let ran = false;
    queue.start({ now: async () => void (ran = true) }, { concurrency: 1, pollMs: 60_000 });
    await queue.add('now', null);
    await waitFor(async () => ran, 1000);
    expect(ran).toBe(true);
  });
}
