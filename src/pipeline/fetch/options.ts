/** Fetch options from the configuration table (src/config.ts). */
import type { Config } from '../../config.js';
import type { FetchOptions } from './types.js';

export function fetchOptionsFromConfig(config: Config): FetchOptions {
  return {
    userAgent: `Happenings/0.1 (+${config.contactUrl})`,
    timeoutMs: config.fetchTimeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    maxRedirects: config.maxRedirects,
    minDelayMs: config.fetchDelayMs,
    allowPrivate: config.allowPrivateHosts,
    maxRetries: 2,
    retryBaseMs: 1000,
    // Longer waits than a minute are left to the feed schedule rather than holding a worker.
    maxRetryAfterMs: 60_000,
    respectRobots: true,
  };
}
