/** The store contract on PostgreSQL (needs the server; fails, never skips, when it is away). */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { describeArticleContract } from './articles.contract.js';
import { describeSearchContract } from './search.contract.js';
import { describeRetranslationContract } from './retranslation.contract.js';
import { openStore } from './index.js';
import { migrations } from './migrations.js';
import { openPgTestStore } from './pg-store.testkit.js';
import { describeSourceContract } from './sources.contract.js';
import { describeSiteContract } from './site.contract.js';
import { describeStoryContract } from './stories.contract.js';
import type { TestStore } from './store.testkit.js';
import { sampleArticle } from './store.testkit.js';
import { storeDb } from './db.testkit.js';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('openStore({ databaseUrl })', () => {
  it('runs every migration once, even when several processes open it at the same time', async () => {
    t = await openPgTestStore();
    const schema = t.dbPath;
    const url = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
    const again = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: url, schema })));
    const ran = await storeDb(t.store).selectFrom('migrations').select('name').execute();
    expect(ran.map((r) => r.name).sort()).toEqual(migrations.map((m) => m.name).sort());
    await Promise.all(again.map((s) => s.close()));
    expect(t.store.dialect.name).toBe('postgres');
  });

  it('keeps the search index in a tsvector table and finds words without their accents', async () => {
    t = await openPgTestStore();
    await t.store.saveArticle({
      ...sampleArticle({ title: 'Zürich harbour reopens' }),
      sourceId: null,
      feedId: null,
      seenAt: new Date().toISOString(),
    });
    const kind = await sql<{ t: string }>`select pg_typeof(document)::text as t from articles_search`.execute(
      storeDb(t.store),
    );
    expect(kind.rows[0]?.t).toBe('tsvector');
    expect((await t.store.search('zurich', { limit: 5 })).map((a) => a.title)).toEqual(['Zürich harbour reopens']);
    expect(await t.store.search('" & | ! :*', { limit: 5 })).toEqual([]);
  });

  it('saves one article once when many workers save it at the same moment', async () => {
    t = await openPgTestStore();
    const store = t.store;
    const input = { ...sampleArticle(), sourceId: null, feedId: null, seenAt: new Date().toISOString() };
    const results = await Promise.all(Array.from({ length: 8 }, () => store.saveArticle(input)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.articleId)).size).toBe(1);
    expect(await store.articleCount()).toBe(1);
    expect(await store.carriersOf(results[0]!.articleId)).toHaveLength(1);
  });
});

describe('postgres store: the store contract', () => {
  describeSourceContract(openPgTestStore);
  describeArticleContract(openPgTestStore);
  describeSearchContract(openPgTestStore);
  describeRetranslationContract(openPgTestStore);
  describeSiteContract(openPgTestStore);
  describeStoryContract(openPgTestStore);
});
