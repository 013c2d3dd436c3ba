import { describe, it, expect } from 'vitest';
import { createHostQueue, sleep } from './politeness.js';

function recorder() {
  const spans: { name: string; start: number; end: number }[] = [];
  const task = (name: string, ms: number) => async () => {
    const start = Date.now();
    await sleep(ms);
    spans.push({ name, start, end: Date.now() });
    return name;
  };
  return { spans, task };
}

describe('createHostQueue', () => {
  it('serializes one host and spaces its requests by minDelayMs', async () => {
    const queue = createHostQueue(100);
    const { spans, task } = recorder();
    await Promise.all([queue.run('a.test', task('first', 30)), queue.run('a.test', task('second', 30))]);
    const [first, second] = spans;
    expect(second!.start - first!.end).toBeGreaterThanOrEqual(95);
  });

  it('runs different hosts in parallel', async () => {
    const queue = createHostQueue(1000);
    const { spans, task } = recorder();
    const started = Date.now();
    await Promise.all([queue.run('a.test', task('a', 50)), queue.run('b.test', task('b', 50))]);
    expect(Date.now() - started).toBeLessThan(500);
    expect(Math.abs(spans[0]!.start - spans[1]!.start)).toBeLessThan(40);
  });

  it('keeps the chain going after a failed task', async () => {
    const queue = createHostQueue(0);
    await expect(queue.run('a.test', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('a.test', async () => 'ok')).resolves.toBe('ok');
  });
});
