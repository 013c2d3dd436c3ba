/**
 * What every store adapter must do for `happenings retranslate`: the ids of stored articles by
 * language, date and source, in id order a page at a time, leaving out sources with translation off.
 * Run by each adapter's test file against a fresh store (SQLite and PostgreSQL).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleArticle, type TestStore } from './store.testkit.js';

export function describeRetranslationContract(open: () => Promise<TestStore>): void {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  describe('articles to re-translate', () => {
    it('by language, date and source, in id order, without sources that have translation off', async () => {
      t = await open();
      const store = t.store;
      const save = async (
        slug: string,
        language: string | null,
        sourceId: number | null,
        publishedAt: string | null,
      ) => {
        const url = `https://news.example/${slug}`;
        const article = { ...sampleArticle({ url, canonicalUrl: url }), publishedAt };
        const input = { ...article, language, sourceId, feedId: null, seenAt: '2026-11-20T00:00:00Z' };
        return (await store.saveArticle(input)).articleId;
      };
      const one = (await store.createSource({ name: 'One', url: 'https://one.example/feed' })).source.id;
      const two = (await store.createSource({ name: 'Two', url: 'https://two.example/feed' })).source.id;
      const quiet = (await store.createSource({ name: 'Quiet', url: 'https://quiet.example/feed' })).source.id;
      await store.updateSource(quiet, { translate: false });
      const recentEs = await save('recent-es', 'es', one, '2026-11-15T00:00:00Z');
      const oldEs = await save('old-es', 'es', one, '2026-10-01T00:00:00Z');
      const recentDe = await save('recent-de', 'de', two, '2026-11-15T00:00:00Z');
      await save('quiet-de', 'de', quiet, '2026-11-15T00:00:00Z');
      const undatedDe = await save('undated-de', 'de', null, null); // first seen 2026-11-20
      await save('unknown-language', null, one, '2026-11-15T00:00:00Z');
      const ids = (filter: {
        language?: string;
        since?: string;
        sourceId?: number;
        afterId?: number;
        limit?: number;
      }) => store.articleIdsToRetranslate({ afterId: 0, limit: 10, ...filter });

      expect(await ids({})).toEqual([recentEs, oldEs, recentDe, undatedDe]);
      expect(await ids({ language: 'de' })).toEqual([recentDe, undatedDe]);
      expect(await ids({ since: '2026-11-01T00:00:00Z' })).toEqual([recentEs, recentDe, undatedDe]);
      expect(await ids({ since: '2026-11-16T00:00:00Z' })).toEqual([undatedDe]);
      expect(await ids({ sourceId: one })).toEqual([recentEs, oldEs]);
      expect(await ids({ afterId: recentEs, limit: 1 })).toEqual([oldEs]);
    });
  });
}
