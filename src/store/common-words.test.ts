import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commonWordsReader, NOT_READY } from './common-words.js';
import { storeDb } from './db.testkit.js';
import { commonWordsSettings, sqliteDialect, sqlitePragmas } from './sqlite-dialect.js';
import { commonWordsOf, openSqliteReaders } from './sqlite-readers.js';
import { openTestStore, sampleArticle, type TestStore } from './store.testkit.js';
import type { Store } from './index.js';
import type { Kysely } from 'kysely';
import type { Database as Schema } from './schema.js';

let t: TestStore | undefined;
let readers: Kysely<Schema> | undefined;
afterEach(async () => {
  await readers?.destroy();
  readers = undefined;
  await t?.cleanup();
  t = undefined;
});

/** Small settings so a few dozen articles exercise every path: sampled, built in several steps. */
const small = commonWordsSettings({ minArticles: 0, sample: 20, share: 0.5, stepRows: 7 });

/** Article i: "harbour" in all but every fifth, "crane" in every third, "tide" in every seventh. */
async function fill(store: Store, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const words = [i % 5 ? 'harbour' : 'quay', i % 3 ? 'ferry' : 'crane', i % 7 ? 'gull' : 'tide'];
    const url = `https://news.example/a/${i}`;
    const saved = await store.saveArticle({
      ...sampleArticle({ url, canonicalUrl: url, fingerprint: `fp-${i}` }),
      title: `${words.join(' ')} ${i}`,
      subtitle: null,
      paragraphs: [`Report number ${i} on ${words[1]}.`],
      html: `<p>Report number ${i}.</p>`,
      publishedAt: new Date(Date.UTC(2024, 4, 1) + i * 3_600_000).toISOString(),
      sourceId: null,
      feedId: null,
      seenAt: '2024-06-01T00:00:00Z',
    });
    ids.push(saved.articleId);
  }
  return ids;
}

function translation(title: string) {
  return {
    language: 'en',
    sourceLanguage: 'es',
    engine: 'test',
    engineVersion: '1',
    title,
    subtitle: null,
    paragraphs: [],
    html: '',
    protectedNames: [],
    translatedAt: '2024-06-01T00:00:00Z',
  };
}

describe('common words checked in bitmaps on the search reader threads', () => {
  // rangeFactor 0: every write read back by one lookup per word, not by a walk over the written range.
  it.each([50, 0])(
    'find what the index finds, and follow new and rewritten text (rangeFactor %i)',
    async (rangeFactor) => {
      t = await openTestStore();
      const { store } = t;
      const ids = await fill(store, 60);
      readers = openSqliteReaders(t.dbPath, 1, sqlitePragmas, undefined, { ...small, rangeFactor });
      const common = commonWordsOf(readers)!;
      const viaReaders = (q: string, limit = 100, offset = 0) =>
        sqliteDialect.searchArticleIds(readers!, q, limit, offset);
      const plain = (q: string, limit = 100, offset = 0) =>
        sqliteDialect.searchArticleIds(storeDb(store), q, limit, offset);

      // Asked once, the words are sampled in the background: "harbour" (in 80 %) and "ferry" (67 %) get
      // a bitmap, "crane" (33 %) and "tide" (14 %) not.
      expect(common.settled()).toBe(true); // nothing asked yet: nothing to do
      await viaReaders('harbour crane ferry tide');
      // The thread said it had work before it answered the query (its messages come in order).
      expect(common.settled()).toBe(false);
      await vi.waitFor(() =>
        expect(common.usable(['harbour', 'crane', 'ferry', 'tide'])).toEqual(['harbour', 'ferry']),
      );
      // The thread says when its background work is done (bench:web waits for it before measuring).
      await vi.waitFor(() => expect(common.settled()).toBe(true));

      const queries = ['harbour crane', 'harbour tide', 'crane harbour tide', 'Harbour Ferry', 'harbour', 'quay crane'];
      for (const q of queries) expect(await viaReaders(q), q).toEqual(await plain(q));
      expect(await viaReaders('harbour crane', 3, 2)).toEqual(await plain('harbour crane', 3, 2));
      expect(await viaReaders('harbour crane')).not.toEqual([]);

      // A new article, and a translation that gives an old one the common word: found at once.
      const late = (await fill(store, 62))[61]!; // "harbour ferry gull 61"
      const quay = ids[35]!; // "quay ferry tide 35": no harbour
      expect(await viaReaders('harbour tide')).not.toContain(quay);
      await store.saveTranslation(quay, translation('Harbour news'));
      expect(await viaReaders('harbour tide')).toContain(quay);
      // The translation rewritten without it: no longer found.
      await store.saveTranslation(quay, translation('Quay news'));
      expect(await viaReaders('harbour tide')).not.toContain(quay);
      for (const q of queries) expect(await viaReaders(q), q).toEqual(await plain(q));
      expect(await viaReaders('harbour ferry')).toContain(late);
    },
  );

  // More writes than maxChanges; or more than maxLookups, each read back by lookups (rangeFactor 0).
  it.each([{ maxChanges: 3 }, { maxLookups: 3, rangeFactor: 0 }])(
    'build the bitmaps again after many articles are indexed at once, answering right meanwhile (%o)',
    async (limits) => {
      t = await openTestStore();
      const { store } = t;
      const ids = await fill(store, 40);
      readers = openSqliteReaders(t.dbPath, 1, sqlitePragmas, undefined, { ...small, ...limits });
      const common = commonWordsOf(readers)!;
      const viaReaders = (q: string) => sqliteDialect.searchArticleIds(readers!, q, 100, 0);
      const plain = (q: string) => sqliteDialect.searchArticleIds(storeDb(store), q, 100, 0);
      await viaReaders('harbour crane');
      await vi.waitFor(() => expect(common.usable(['harbour'])).toEqual(['harbour']));
      // Five articles indexed again: "harbour" now in article 0 too.
      for (const i of [0, 1, 2, 3, 4]) await store.saveTranslation(ids[i]!, translation(`Harbour crane ${i}`));
      expect(await viaReaders('harbour crane')).toEqual(await plain('harbour crane'));
      expect(await viaReaders('harbour crane')).toContain(ids[0]);
      await vi.waitFor(() => expect(common.usable(['harbour'])).toEqual(['harbour']));
      expect(await viaReaders('harbour crane')).toEqual(await plain('harbour crane'));
    },
  );

  it('leave a word out of the bitmaps when few articles hold it, and keep none in a small store', async () => {
    t = await openTestStore();
    await fill(t.store, 30);
    readers = openSqliteReaders(t.dbPath, 1, sqlitePragmas, undefined, commonWordsSettings({ minArticles: 1000 }));
    const common = commonWordsOf(readers)!;
    expect(common.usable(['harbour'])).toEqual([]);
    await sqliteDialect.searchArticleIds(readers, 'harbour crane', 10, 0);
    // Sampled (the hint goes out with the first ask) and refused: the store is below minArticles.
    await new Promise((r) => setTimeout(r, 200));
    expect(common.usable(['harbour', 'crane'])).toEqual([]);
    expect(commonWordsOf(storeDb(t.store))).toBeUndefined();
  });
});

describe('commonWordsReader, in one thread', () => {
  it('builds in steps, answers only when complete, and says NOT_READY before', async () => {
    t = await openTestStore();
    const ids = await fill(t.store, 40);
    const db = new Database(t.dbPath, { readonly: true });
    try {
      const reader = commonWordsReader(db, small);
      reader.hint(['harbour', 'tide']);
      expect(() => reader.has(ids[1]!, 'harbour')).toThrow(NOT_READY);
      let steps = 0;
      while (reader.step().more) steps += 1;
      // 32 of 40 hold "harbour": several steps of 7 rows, and one sample each.
      expect(steps).toBeGreaterThan(4);
      expect(reader.ready()).toEqual(['harbour']);
      ids.forEach((id, i) => expect(reader.has(id, 'harbour')).toBe(i % 5 !== 0));
      expect(() => reader.has(ids[0]!, 'tide')).toThrow(NOT_READY);
    } finally {
      db.close();
    }
  });
});
