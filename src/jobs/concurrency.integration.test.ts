import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { storeDb } from '../store/db.testkit.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'happenings-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('several processes on one SQLite file', () => {
  it('save the same articles and share one job table without losing or doubling anything', async () => {
    const dbPath = join(dir, 'shared.db');
    const worker = fileURLToPath(new URL('./concurrent-worker.testkit.ts', import.meta.url));
    const processes = 4;
    const perProcess = 100;
    const outputs = await Promise.all(
      Array.from({ length: processes }, (_, n) =>
        run(process.execPath, ['--import', 'tsx', worker, dbPath, String(n), String(perProcess)]),
      ),
    );
    const ranEverywhere = outputs.flatMap(({ stdout }) => (JSON.parse(stdout.trim()) as { ran: string[] }).ran);
    // Every job ran exactly once, whichever process claimed it.
    expect(ranEverywhere).toHaveLength((processes * perProcess) / 2);
    expect(new Set(ranEverywhere).size).toBe(ranEverywhere.length);

    const store = await openStore({ dbPath });
    try {
      expect(await store.articleCount()).toBe(perProcess);
      const carriers = await storeDb(store)
        .selectFrom('article_sources')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(carriers.n)).toBe(processes * perProcess);
      const firsts = await storeDb(store)
        .selectFrom('article_sources')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .where('is_first', '=', 1)
        .executeTakeFirstOrThrow();
      expect(Number(firsts.n)).toBe(perProcess);
      expect((await store.sourceList()).map((s) => s.articleCount)).toEqual(Array(processes).fill(perProcess));
      expect(await store.search('story', { limit: 500 })).toHaveLength(perProcess);
      expect(await storeDb(store).selectFrom('jobs').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
