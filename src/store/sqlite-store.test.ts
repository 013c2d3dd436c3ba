import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './index.js';
import { migrations } from './migrations.js';
import { describeArticleContract } from './articles.contract.js';
import { describeSourceContract } from './sources.contract.js';
import { describeSiteContract } from './site.contract.js';
import { describeStoryContract } from './stories.contract.js';
import { openTestStore, type TestStore } from './test-store.js';

let t: TestStore;
afterEach(async () => t?.cleanup());

describe('openStore', () => {
  it('creates the folder, runs every migration once, and opens again without rerunning', async () => {
    t = await openTestStore();
    expect(existsSync(t.dbPath)).toBe(true);
    await t.store.createSource({ name: 'Kept', url: 'https://kept.example/' });
    await t.store.close();

    const again = await openStore({ dbPath: t.dbPath });
    const ran = await again.db.selectFrom('migrations').select('name').execute();
    expect(ran.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
    expect((await again.sourceList()).map((s) => s.name)).toEqual(['Kept']);
    t = { ...t, store: again };
  });

  it('uses WAL, foreign keys and a busy timeout', async () => {
    t = await openTestStore();
    const { sql } = await import('kysely');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(t.store.db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(t.store.db);
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(t.store.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    expect(busy.rows[0]?.timeout).toBeGreaterThan(0);
  });
});

describe('sqlite store: the store contract', () => {
  describeSourceContract(openTestStore);
  describeArticleContract(openTestStore);
  describeSiteContract(openTestStore);
  describeStoryContract(openTestStore);
});
