import { describe, it, expect } from 'vitest';
import { HappeningsError } from '../../errors.js';
import { backoffMs, parseRetryAfter, withRetries } from './retry.js';

const policy = { maxRetries: 2, retryBaseMs: 10, maxRetryAfterMs: 5_000 };
const answers = (...statuses: [number, string | null][]) => {
  let i = 0;
  const calls: number[] = [];
  const attempt = async () => {
    calls.push(Date.now());
    const [status, retryAfter] = statuses[Math.min(i++, statuses.length - 1)]!;
    return { status, retryAfter };
  };
  return { attempt, calls };
};

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:29:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('backoffMs', () => {
  it('doubles per retry, with at most 25 % jitter', () => {
    expect(backoffMs(0, 100, () => 0)).toBe(100);
    expect(backoffMs(3, 100, () => 0)).toBe(800);
    expect(backoffMs(3, 100, () => 0.999)).toBeLessThanOrEqual(1000);
  });
});

describe('withRetries', () => {
  it('retries 503 then returns the success', async () => {
    const { attempt, calls } = answers([503, null], [200, null]);
    await expect(withRetries('http://x.test/', policy, attempt)).resolves.toMatchObject({ status: 200 });
    expect(calls).toHaveLength(2);
  });

  it('gives up after maxRetries with http-status', async () => {
    const { attempt, calls } = answers([500, null]);
    const error = await withRetries('http://x.test/', policy, attempt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HappeningsError);
    expect((error as HappeningsError).code).toBe('http-status');
    expect((error as Error).message).toBe('fetch: HTTP 500 after 3 attempts (http://x.test/)');
    expect(calls).toHaveLength(3);
  });

  it('waits as long as Retry-After says', async () => {
    const { attempt, calls } = answers([429, '1'], [200, null]);
    await withRetries('http://x.test/', policy, attempt);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(990);
  });

  it('stops when Retry-After is longer than maxRetryAfterMs', async () => {
    const { attempt, calls } = answers([429, '3600']);
    await expect(withRetries('http://x.test/', policy, attempt)).rejects.toThrow('retry after 3600 s');
    expect(calls).toHaveLength(1);
  });

  it('returns other statuses untouched for the caller to judge', async () => {
    const { attempt, calls } = answers([404, null]);
    await expect(withRetries('http://x.test/', policy, attempt)).resolves.toMatchObject({ status: 404 });
    expect(calls).toHaveLength(1);
  });
});
