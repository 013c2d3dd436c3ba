import { afterEach, describe, expect, it, vi } from 'vitest';
import { remembered } from './store-data-reuse.js';

afterEach(() => vi.restoreAllMocks());

describe('remembered', () => {
  it('gives the last answer while the next loads past its time, then the new one; one load at a time', async () => {
    let now = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    let loads = 0;
    let release: (() => void) | null = null;
    const list = remembered(1000, async () => {
      loads += 1;
      if (loads > 1) await new Promise<void>((resolve) => (release = resolve));
      return `answer ${loads}`;
    });
    expect(await list()).toBe('answer 1');
    now = 999;
    expect([await list(), loads]).toEqual(['answer 1', 1]);
    now = 1000; // stale: the next load starts, the last answer is given meanwhile
    expect(await list()).toBe('answer 1');
    expect(await list()).toBe('answer 1');
    expect(loads).toBe(2);
    release!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await list()).toBe('answer 2');
  });

  it('keeps the last answer when a reload fails, and tries again on the next ask', async () => {
    let now = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    let loads = 0;
    const list = remembered(1000, async () => {
      loads += 1;
      if (loads === 2) throw new Error('store busy');
      return `answer ${loads}`;
    });
    expect(await list()).toBe('answer 1');
    now = 2000;
    expect(await list()).toBe('answer 1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await list()).toBe('answer 1'); // the failed reload left it; this ask starts another
    await new Promise((resolve) => setImmediate(resolve));
    expect([await list(), loads]).toEqual(['answer 3', 3]);
  });
});
