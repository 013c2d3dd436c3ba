import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleArticle, type TestStore } from './test-store.js';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(async () => t.cleanup());

async function article(url: string, language: string, sourceId: number) {
  const saved = await t.store.saveArticle({ ...sampleArticle({ url, canonicalUrl: url, language }), sourceId, feedId: null, seenAt: '2024-05-06T09:00:00Z' } as never);
  return saved.articleId;
}

describe('stories and entities in the store', () => {
  it('keeps story counts, languages and the first outlet; a merge leaves a redirect', async () => {
    const a = await t.store.createSource({ name: 'Wire A', url: 'https://a.example/', feedUrl: 'https://a.example/rss' });
    const b = await t.store.createSource({ name: 'Wire B', url: 'https://b.example/', feedUrl: 'https://b.example/rss' });
    const es = await article('https://a.example/1', 'es', a.source.id);
    const en = await article('https://b.example/2', 'en', b.source.id);
    const s1 = await t.store.createStory({ articleId: es, title: 'Reabre el puerto', language: 'es', sourceId: a.source.id, publishedAt: '2024-05-06T08:00:00Z', similarity: null, duplicateOf: null });
    const s2 = await t.store.createStory({ articleId: en, title: 'Harbour reopens', language: 'en', sourceId: b.source.id, publishedAt: '2024-05-06T09:00:00Z', similarity: null, duplicateOf: null });
    await t.store.mergeStories(s2, s1);
    const story = await t.store.storyById(s1);
    expect(story).toMatchObject({ articleCount: 2, sourceCount: 2, languages: ['en', 'es'], firstSourceId: a.source.id, mergedInto: null });
    expect((await t.store.storyById(s2))?.mergedInto).toBe(s1);
    expect((await t.store.storyArticles(s1)).map((m) => m.articleId).sort()).toEqual([es, en].sort());
    expect((await t.store.storiesLatest({ limit: 10 })).map((s) => s.id)).toEqual([s1]);
  });

  it('links one entity across articles with a count', async () => {
    const a = await t.store.createSource({ name: 'Wire A', url: 'https://a.example/', feedUrl: 'https://a.example/rss' });
    const x = await article('https://a.example/x', 'es', a.source.id);
    const y = await article('https://a.example/y', 'de', a.source.id);
    const pyongyang = { kind: 'place', name: 'Pyongyang', normalizedName: 'pyongyang', mentions: 2 };
    await t.store.saveArticleEntities(x, [pyongyang]);
    await t.store.saveArticleEntities(y, [{ ...pyongyang, mentions: 1 }]);
    const ids = await t.store.entityArticles(1, { limit: 10 });
    expect(ids.sort()).toEqual([x, y].sort());
    expect(await t.store.entityById(1)).toMatchObject({ name: 'Pyongyang', articleCount: 2 });
  });
});
