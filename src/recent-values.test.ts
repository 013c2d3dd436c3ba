import { describe, expect, it } from 'vitest';
import { recentValues } from './recent-values.js';

describe('recentValues', () => {
  it('answers a value until it is ttlMs old', () => {
    const kept = recentValues<string, number>(1000, 10);
    kept.set('a', 1, 0);
    expect(kept.get('a', 999)).toBe(1);
    expect(kept.get('a', 1000)).toBeUndefined();
    expect(kept.get('b', 0)).toBeUndefined();
  });

  it('gives the latest value however old, with when it was written', () => {
    const kept = recentValues<string, number>(1000, 10);
    kept.set('a', 1, 0);
    kept.set('a', 2, 500);
    expect(kept.get('a', 5000)).toBeUndefined();
    expect(kept.latest('a')).toEqual({ at: 500, value: 2 });
    expect(kept.latest('b')).toBeUndefined();
  });

  it('keeps at most max, dropping the oldest written first', () => {
    const kept = recentValues<number, number>(60_000, 10);
    for (let i = 0; i < 100; i += 1) kept.set(i, i, 0);
    expect(kept.size).toBeLessThanOrEqual(10);
    expect(kept.get(99, 0)).toBe(99);
    expect(kept.get(95, 0)).toBe(95);
    expect(kept.get(89, 0)).toBeUndefined();
  });

  it('a value written again is young again and is not counted twice', () => {
    const kept = recentValues<string, number>(60_000, 4);
    kept.set('a', 1, 0);
    kept.set('b', 2, 0);
    kept.set('c', 3, 0); // a and b are now the old generation
    kept.set('a', 4, 5);
    expect(kept.size).toBe(3);
    kept.set('d', 5, 0);
    kept.set('e', 6, 0); // the young generation (c, a, d) was full: b goes
    expect(kept.get('b', 0)).toBeUndefined();
    expect(kept.get('a', 5)).toBe(4);
    expect(kept.get('e', 0)).toBe(6);
  });

  it('forgets a deleted value', () => {
    const kept = recentValues<string, number>(60_000, 4);
    kept.set('a', 1, 0);
    kept.set('b', 2, 0);
    kept.set('c', 3, 0);
    kept.delete('a');
    kept.delete('c');
    expect(kept.get('a', 0)).toBeUndefined();
    expect(kept.get('c', 0)).toBeUndefined();
    expect(kept.size).toBe(1);
  });
});
