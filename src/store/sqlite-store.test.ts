import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './index.js';
import { migrations } from './migrations.js';
import { describeArticleContract } from './articles.contract.js';
import { describeSearchContract } from './search.contract.js';
import { describeRetranslationContract } from './retranslation.contract.js';
import { describeSourceContract } from './sources.contract.js';
import { describeSiteContract } from './site.contract.js';
import { describeStoryContract } from './stories.contract.js';
import { openTestStore, sampleArticle, type TestStore } from './store.testkit.js';
import { storeDb } from './db.testkit.js';
import { indexArticleRange } from './sqlite-dialect.js';

let t: TestStore;
afterEach(async () => t?.cleanup());

describe('openStore', () => {
  it('creates the folder, runs every migration once, and opens again without rerunning', async () => {
    t = await openTestStore();
    expect(existsSync(t.dbPath)).toBe(true);
    await t.store.createSource({ name: 'Kept', url: 'https://kept.example/' });
    await t.store.close();

    const again = await openStore({ dbPath: t.dbPath });
    const ran = await storeDb(again).selectFrom('migrations').select('name').execute();
    expect(ran.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
    expect((await again.sourceList()).map((s) => s.name)).toEqual(['Kept']);
    t = { ...t, store: again };
  });

  it('uses WAL, foreign keys and a busy timeout', async () => {
    t = await openTestStore();
    const { sql } = await import('kysely');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(storeDb(t.store));
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(storeDb(t.store));
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(storeDb(t.store));
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    expect(busy.rows[0]?.timeout).toBeGreaterThan(0);
    // The search index writes ~1 KB leaf pages (sqlite-dialect.ts, createSearchIndex).
    const pgsz = await sql<{ v: number }>`select v from articles_fts_config where k = 'pgsz'`.execute(storeDb(t.store));
    expect(pgsz.rows[0]?.v).toBe(1000);
  });
});

describe('the search index rebuilt from stored text (migration 0013)', () => {
  it('finds the same articles, newest first, for original and translated words, and similar articles too', async () => {
    t = await openTestStore();
    const store = t.store;
    const ids: number[] = [];
    const topics = [
      'Harbour storm damage',
      'Council budget vote',
      'Harbour ferry strike',
      'Zürich museum opens',
      'Storm closes the harbour',
    ];
    for (const [i, title] of topics.entries()) {
      const saved = await store.saveArticle({
        ...sampleArticle({ url: `https://news.example/a/${i}`, fingerprint: `fp-${i}` }),
        sourceId: null,
        feedId: null,
        seenAt: '2024-06-01T00:00:00Z',
        title,
        subtitle: i === 1 ? 'Mayor speaks' : null,
        paragraphs: [`${title} paragraph ${i}.`, `Second line about kelp${i}.`],
      });
      ids.push(saved.articleId);
    }
    await store.saveTranslation(ids[1]!, {
      language: 'en',
      sourceLanguage: 'es',
      engine: 'test',
      engineVersion: '1',
      title: 'Presupuesto traducido',
      subtitle: 'Alcaldesa',
      paragraphs: ['Texto con algas.'],
      html: '<p>Texto con algas.</p>',
      protectedNames: [],
      translatedAt: '2024-06-01T00:00:00Z',
    });
    const queries = [
      'harbour',
      'storm harbour',
      'zurich',
      'mayor',
      'kelp3',
      'presupuesto',
      'alcaldesa algas',
      'paragraph',
    ];
    const find = async () => Promise.all(queries.map((q) => store.dialect.searchArticleIds(storeDb(store), q, 10, 0)));
    const before = await find();
    expect(before[0]).toEqual([ids[4], ids[2], ids[0]]); // newest first
    expect(before[5]).toEqual([ids[1]]);
    const similar = await store.similarArticleIds(ids[0]!, 3);
    expect(similar.length).toBeGreaterThan(0);
    await store.dialect.rebuildSearchIndex(storeDb(store));
    expect(await find()).toEqual(before);
    expect(await store.similarArticleIds(ids[0]!, 3)).toEqual(similar);
    expect(await store.dialect.searchArticleIds(storeDb(store), 'harbour', 10, 0, { language: 'en' })).toEqual([
      ids[4],
      ids[2],
      ids[0],
    ]);

    // A bulk load of a range of articles (bench:web's fill) writes the same index and headline words.
    const db = storeDb(store);
    const headlines = () =>
      sql`select article_id, words, fts_rowid from search_headlines order by article_id`
        .execute(db)
        .then((r) => r.rows);
    const wordsBefore = await headlines();
    expect(wordsBefore).toHaveLength(topics.length);
    await sql`drop table articles_fts`.execute(db);
    await store.dialect.createSearchIndex(db);
    await sql`delete from search_headlines`.execute(db);
    expect(await find()).toEqual(queries.map(() => []));
    await indexArticleRange(db, ids[0]!, ids.at(-1)!);
    expect(await find()).toEqual(before);
    expect(await headlines()).toEqual(wordsBefore);
    // Numbered as one write, after every earlier one (reader threads' common words: common-words.ts).
    const numbers = await sql<{ n: number }>`select distinct indexed_seq as n from search_headlines`.execute(db);
    expect(numbers.rows).toEqual([{ n: 1 }]);
  });
});

describe('a date filter as a range of index rowids', () => {
  it('finds exactly the articles of the days asked for, at the edges of a day and with an offset stored', async () => {
    t = await openTestStore();
    const times = [
      '2024-05-02T23:59:59Z',
      '2024-05-03T00:00:00Z',
      '2024-05-03T01:00:00+03:00', // the 2nd in UTC, the 3rd as written (the store keeps UTC)
      '2024-05-03T23:59:59Z',
      '2024-05-03T22:30:00-05:00', // the 4th in UTC, the 3rd as written
      '2024-05-04T00:00:00Z',
      '2023-05-03T12:00:00Z',
    ];
    const ids: number[] = [];
    for (const [i, publishedAt] of times.entries()) {
      const saved = await t.store.saveArticle({
        ...sampleArticle({ url: `https://news.example/d/${i}`, fingerprint: `d-${i}` }),
        sourceId: null,
        feedId: null,
        seenAt: '2024-06-01T00:00:00Z',
        publishedAt,
        title: `Harbour day ${i}`,
      });
      ids.push(saved.articleId);
    }
    const stored = await storeDb(t.store).selectFrom('articles').select(['id', 'published_at']).execute();
    const onDays = (from: string, to: string) =>
      stored
        .filter((r) => r.published_at!.slice(0, 10) >= from && r.published_at!.slice(0, 10) <= to)
        .map((r) => r.id)
        .sort((a, b) => a - b);
    for (const [from, to] of [
      ['2024-05-03', '2024-05-03'],
      ['2024-05-02', '2024-05-03'],
      ['2024-05-04', '2024-06-01'],
      ['2023-01-01', '2023-12-31'],
      ['2025-01-01', '2025-01-02'],
    ] as const) {
      const found = await t.store.dialect.searchArticleIds(storeDb(t.store), 'harbour', 50, 0, { from, to });
      expect(
        found.sort((a, b) => a - b),
        `${from}..${to}`,
      ).toEqual(onDays(from, to));
    }
    expect(onDays('2024-05-03', '2024-05-03')).toEqual([ids[1], ids[3]]);
  });
});

describe('relevance ranked by SQLite (search_headlines, migration 0014)', () => {
  it('orders every page as the ranking from stored titles does, before and after a backfill', async () => {
    t = await openTestStore();
    const store = t.store;
    // 'stormy' and 'harbourside' hold query words but are other words: they must not count.
    const words = [
      'harbour',
      'storm',
      'Zürich',
      'ferry',
      'council',
      'budget',
      'árbol',
      'river',
      'stormy',
      'harbourside',
    ];
    const pick = (i: number, n: number) =>
      Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
    for (let i = 0; i < 160; i += 1) {
      const { articleId } = await store.saveArticle({
        ...sampleArticle({
          url: `https://news.example/r/${i}`,
          fingerprint: `fp-r-${i}`,
          title: `${pick(i, i % 4)} item ${i}`,
          paragraphs: [`${words.join(' ')} zurich arbol text ${i}.`],
        }),
        sourceId: null,
        feedId: null,
        seenAt: '2024-06-01T00:00:00Z',
      });
      if (i % 5 === 0) {
        await store.saveTranslation(articleId, {
          language: 'es',
          sourceLanguage: 'en',
          engine: 'test',
          engineVersion: '1',
          title: `${pick(i + 3, 2)} traducido`,
          subtitle: null,
          paragraphs: ['Texto.'],
          html: '<p>Texto.</p>',
          protectedNames: [],
          translatedAt: '2024-06-01T00:00:00Z',
        });
      }
    }
    const { searchPage } = await import('./search-window.js');
    const fromTitles = { ...store.dialect, rankedWindowIds: undefined };
    const queries = [
      'harbour storm',
      'zurich ferry council',
      'ARBOL river',
      'storm',
      'budget harbour árbol',
      'traducido storm',
    ];
    const pages = (dialect: typeof store.dialect) =>
      Promise.all(
        queries.flatMap((q) =>
          [0, 20, 40, 90, 100].map((offset) => searchPage(storeDb(store), dialect, q, 20, offset, {}, 'relevance')),
        ),
      );
    const expected = await pages(fromTitles);
    expect(expected.flat().length).toBeGreaterThan(300);
    expect(await pages(store.dialect)).toEqual(expected);
    expect(await searchPage(storeDb(store), store.dialect, 'storm', 20, 0, { language: 'en' }, 'relevance')).toEqual(
      await searchPage(storeDb(store), fromTitles, 'storm', 20, 0, { language: 'en' }, 'relevance'),
    );
    // A store migrated with articles in it fills the table from their titles and translations.
    const { sql } = await import('kysely');
    await sql`drop table search_headlines`.execute(storeDb(store));
    await store.dialect.createHeadlineWords!(storeDb(store));
    expect(await pages(store.dialect)).toEqual(expected);
  });
});

describe('sqlite store: the store contract', () => {
  describeSourceContract(openTestStore);
  describeArticleContract(openTestStore);
  describeSearchContract(openTestStore);
  describeRetranslationContract(openTestStore);
  describeSiteContract(openTestStore);
  describeStoryContract(openTestStore);
});

// A serving process reads searches and result lines on a reader thread (sqlite-readers.ts): the
// same contracts hold, with every write on the main connection and every such read on the thread.
describe('sqlite store with a reader thread: the article and site contracts', () => {
  const withReader = () => openTestStore({ readers: 1 });
  describeArticleContract(withReader);
  describeSearchContract(withReader);
  describeSiteContract(withReader);
});
