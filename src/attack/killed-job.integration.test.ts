/**
 * Issue 15, Low: a job whose worker was killed mid-run stayed `running` for the whole lock timeout
 * (10 min). With real processes: a worker takes a job and is killed with SIGKILL; a worker started
 * next on the same SQLite file runs that job within seconds, not minutes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sqliteJobQueue } from '../jobs/sqlite-queue.js';
import { openStore } from '../store/index.js';

const WORKER = fileURLToPath(new URL('./testdata/hanging-worker.ts', import.meta.url));

describe('attack: kill -9 mid-job', () => {
  it('the next worker takes the killed worker’s job at once, not after the 10 min lock', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'killed-job-')), 'test.db');
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dbPath], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('running') && resolve());
      child.on('exit', () => reject(new Error('the worker exited before running its job')));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const store = await openStore({ dbPath });
    const queue = sqliteJobQueue(store, { lockTimeoutMs: 600_000, retryBaseMs: 10 });
    const ran: number[] = [];
    const started = performance.now();
    queue.start({ work: async ({ n }: { n: number }) => void ran.push(n) }, { concurrency: 1, pollMs: 10 });
    while (ran.length === 0 && performance.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
    await queue.stop();
    await store.close();
    expect(ran).toEqual([1]);
    console.log(`killed job taken back after ${Math.round(performance.now() - started)} ms`);
  });
});
