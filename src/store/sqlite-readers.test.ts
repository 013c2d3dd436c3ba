import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log } from '../log.js';
import type { StoreContext } from './dialect.js';
import { articleLanguages } from './articles.js';
import { searchIds } from './search.js';
import { sourceList } from './sources.js';
import { sqliteDialect, sqlitePragmas } from './sqlite-dialect.js';
import { openSqliteReaders } from './sqlite-readers.js';
import { openTestStore, sampleArticle, type TestStore } from './store.testkit.js';
import { storeDb } from './db.testkit.js';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});
const seenAt = '2024-05-06T09:00:00.000Z';

describe('SQLite reader threads', () => {
  it('run the search reads on their own connection and see each commit of the main one', async () => {
    t = await openTestStore({ readers: 2, listReader: true });
    const { store } = t;
    const first = (await store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt })).articleId;
    expect(await store.searchIds('harbour', { limit: 5, order: 'newest' })).toEqual([first]);
    const second = (
      await store.saveArticle({
        ...sampleArticle({ url: 'https://news.example/2', title: 'Harbour fees rise' }),
        sourceId: null,
        feedId: null,
        seenAt,
      })
    ).articleId;
    // Several at once spread over both threads; each answer is its own query's.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => store.searchIds(i % 2 ? 'fees' : 'harbour', { limit: 5, order: 'newest' })),
    );
    answers.forEach((ids, i) => expect(ids).toEqual(i % 2 ? [second] : [second, first]));
    expect((await store.searchLines([second, first], 'en')).map((l) => l.title)).toEqual([
      'Harbour fees rise',
      'Harbour reopens after storm',
    ]);
    // The slow lists, on the list thread, see the commits too.
    expect(await store.articleLanguages()).toEqual([{ language: 'en', count: 2 }]);
  });

  it("keep the site's slow lists on their own thread: a search never waits behind one", async () => {
    t = await openTestStore();
    const first = (await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt })).articleId;
    const ctx: StoreContext = {
      db: storeDb(t.store),
      dialect: sqliteDialect,
      readDb: openSqliteReaders(t.dbPath, 1, sqlitePragmas),
      listDb: openSqliteReaders(t.dbPath, 1, sqlitePragmas),
    };
    try {
      // The list thread busy with a long read, as with the sources' counts at a million articles.
      const done: string[] = [];
      const busy = sql`with recursive c(x) as (select 1 union all select x + 1 from c where x < 3000000)
        select count(*) as n from c`
        .execute(ctx.listDb!)
        .then(() => done.push('long list'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const lists = Promise.all([sourceList(ctx), articleLanguages(ctx)]).then(() => done.push('lists'));
      const search = searchIds(ctx, 'harbour', { limit: 5, order: 'newest' }).then((ids) => {
        done.push('search');
        return ids;
      });
      expect(await search).toEqual([first]);
      await Promise.all([busy, lists]);
      // The search answered while the list thread was busy; the lists queued behind the long read.
      expect(done).toEqual(['search', 'long list', 'lists']);
    } finally {
      await Promise.all([ctx.readDb!.destroy(), ctx.listDb!.destroy()]);
    }
  });

  it('refuse writes and transactions', async () => {
    t = await openTestStore();
    const readers = openSqliteReaders(t.dbPath, 1, sqlitePragmas);
    try {
      await expect(
        sql`insert into sources (name, url) values ('x', 'https://x.example/')`.execute(readers),
      ).rejects.toThrow(/readonly|only read/i);
      await expect(readers.transaction().execute(async () => undefined)).rejects.toThrow('only read');
      expect((await sql<{ n: number }>`select count(*) as n from sources`.execute(readers)).rows[0]!.n).toBe(0);
    } finally {
      await readers.destroy();
    }
  });

  it('hand their reads to the main connection when they stop, with one warning', async () => {
    t = await openTestStore();
    await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
    const dir = mkdtempSync(join(tmpdir(), 'happenings-readers-'));
    const warnings: string[] = [];
    const warn = vi.spyOn(log, 'warn').mockImplementation((message: string) => void warnings.push(message));
    // The thread cannot open its file: every read goes to the store's own connection.
    const readers = openSqliteReaders(join(dir, 'missing.db'), 1, sqlitePragmas, storeDb(t.store));
    try {
      for (let i = 0; i < 3; i += 1)
        expect((await sql<{ n: number }>`select count(*) as n from articles`.execute(readers)).rows[0]!.n).toBe(1);
      expect(warnings).toEqual([
        expect.stringMatching(/a SQLite reader cannot open .*missing\.db.*; its reads go to the main connection/),
      ]);
    } finally {
      warn.mockRestore();
      await readers.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fail a query with a clear error when the file cannot be opened and nothing can stand in, instead of hanging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'happenings-readers-'));
    const readers = openSqliteReaders(join(dir, 'missing.db'), 1, sqlitePragmas);
    try {
      await expect(sql`select 1`.execute(readers)).rejects.toThrow(/a SQLite reader cannot open .*missing\.db/);
      await expect(sql`select 1`.execute(readers)).rejects.toThrow();
    } finally {
      await readers.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
