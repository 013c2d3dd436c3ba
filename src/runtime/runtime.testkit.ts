/** A runtime over a throwaway SQLite file that may fetch from loopback, for integration tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { openRuntime, type Runtime } from './open.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      dbPath: join(mkdtempSync(join(tmpdir(), 'happenings-')), 'test.db'),
      allowPrivateHosts: ['127.0.0.1/8'],
      fetchDelayMs: 5,
      fetchTimeoutMs: 1_500,
      defaultSources: false,
      workers: 2,
      ...overrides,
    },
  );
}

export function openTestRuntime(overrides: Partial<Config> = {}): Promise<Runtime> {
  return openRuntime(testConfig(overrides));
}
