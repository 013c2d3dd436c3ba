/**
 * Retries of 429 and 5xx answers: exponential backoff (retryBaseMs · 2^n, plus up to 25 % jitter so
 * many workers do not return in step), or the server's Retry-After when it names a time. A server
 * asking for longer than maxRetryAfterMs is not waited on: the request fails now and the feed's
 * schedule tries again later. Other 4xx fail at once.
 */
import { HappeningsError } from '../../errors.js';
import { sleep } from './politeness.js';

export interface RetryPolicy {
  maxRetries: number;
  retryBaseMs: number;
  maxRetryAfterMs: number;
}

/** What one attempt answered: enough to decide whether to try again. */
export interface Attempt {
  status: number;
  retryAfter: string | null;
}

export const isRetryable = (status: number) => status === 429 || status >= 500;

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function backoffMs(retry: number, baseMs: number, random = Math.random): number {
  const delay = baseMs * 2 ** retry;
  return Math.round(delay + delay * 0.25 * random());
}

/**
 * Runs `attempt` until it answers something other than 429/5xx, or retries run out.
 * Returns the last answer when it is not retryable; throws 'http-status' otherwise.
 */
export async function withRetries<T extends Attempt>(
  url: string,
  policy: RetryPolicy,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    const answer = await attempt();
    if (!isRetryable(answer.status)) return answer;
    const requested = parseRetryAfter(answer.retryAfter);
    if (requested !== null && requested > policy.maxRetryAfterMs) {
      const seconds = Math.ceil(requested / 1000);
      throw new HappeningsError('fetch', 'http-status', `HTTP ${answer.status}, retry after ${seconds} s (${url})`);
    }
    if (retry >= policy.maxRetries) {
      throw new HappeningsError('fetch', 'http-status', `HTTP ${answer.status} after ${retry + 1} attempts (${url})`);
    }
    await sleep(requested ?? backoffMs(retry, policy.retryBaseMs));
  }
}
