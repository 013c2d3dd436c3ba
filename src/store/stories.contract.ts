/**
 * What every store adapter must do for stories and entities: counts, languages, countries, the
 * first outlet, merge redirects, why each article joined, syndicated copies. Run by each adapter's test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleArticle, type TestStore } from './store.testkit.js';
import { storeDb } from './db.testkit.js';

export function describeStoryContract(open: () => Promise<TestStore>): void {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  async function article(store: TestStore['store'], url: string, language: string, sourceId: number) {
    const saved = await store.saveArticle({
      ...sampleArticle({ url, canonicalUrl: url, language }),
      sourceId,
      feedId: null,
      seenAt: '2024-05-06T09:00:00Z',
    } as never);
    return saved.articleId;
  }

  async function twoSources(store: TestStore['store']) {
    const a = await store.createSource({ name: 'Wire A', url: 'https://a.example/', feedUrl: 'https://a.example/rss' });
    const b = await store.createSource({ name: 'Wire B', url: 'https://b.example/', feedUrl: 'https://b.example/rss' });
    return [a.source.id, b.source.id] as const;
  }

  const member = { similarity: null, duplicateOf: null };

  describe('stories and entities', () => {
    it("titles a story in the site's language once an article has it, whatever that language is", async () => {
      t = await open();
      const [a, b] = await twoSources(t.store);
      const ids = await Promise.all(
        ['es', 'fr', 'en'].map((lang, i) => article(t!.store, `https://a.example/t${i}`, lang, i ? b : a)),
      );
      const at = { ...member, sourceId: a, publishedAt: '2024-05-06T08:00:00Z' };
      const story = await t.store.createStory({ ...at, articleId: ids[0]!, title: 'Reabre el puerto', language: 'es' });
      await t.store.addStoryArticle(
        story,
        { ...at, articleId: ids[1]!, title: 'Le port rouvre', language: 'fr' },
        'fr',
      );
      await t.store.addStoryArticle(
        story,
        { ...at, articleId: ids[2]!, title: 'Harbour reopens', language: 'en' },
        'fr',
      );
      expect(await t.store.storyById(story)).toMatchObject({ title: 'Le port rouvre', language: 'fr' });
    });

    it('keeps story counts, languages and the first outlet; a merge leaves a redirect', async () => {
      t = await open();
      const [a, b] = await twoSources(t.store);
      const es = await article(t.store, 'https://a.example/1', 'es', a);
      const en = await article(t.store, 'https://b.example/2', 'en', b);
      const s1 = await t.store.createStory({
        ...member,
        articleId: es,
        title: 'Reabre el puerto',
        language: 'es',
        sourceId: a,
        publishedAt: '2024-05-06T08:00:00Z',
      });
      const s2 = await t.store.createStory({
        ...member,
        articleId: en,
        title: 'Harbour reopens',
        language: 'en',
        sourceId: b,
        publishedAt: '2024-05-06T09:00:00Z',
      });
      await t.store.mergeStories(s2, s1);
      const story = await t.store.storyById(s1);
      expect(story).toMatchObject({
        articleCount: 2,
        sourceCount: 2,
        languages: ['en', 'es'],
        firstSourceId: a,
        mergedInto: null,
      });
      expect((await t.store.storyById(s2))?.mergedInto).toBe(s1);
      expect((await t.store.storyArticles(s1)).map((m) => m.articleId).sort()).toEqual([es, en].sort());
      expect((await t.store.storiesLatest({ limit: 10 })).map((s) => s.id)).toEqual([s1]);
    });

    it('records why each article joined, its syndicated original, and the story countries (kept across a merge)', async () => {
      t = await open();
      const [a, b] = await twoSources(t.store);
      const first = await article(t.store, 'https://a.example/quake', 'es', a);
      const copy = await article(t.store, 'https://b.example/quake-copy', 'es', b);
      const other = await article(t.store, 'https://b.example/quake-en', 'en', b);
      const why = { created: true, similarity: 0, sharedTerms: [], merged: [], oddities: ['future-date'] };
      const s1 = await t.store.createStory({
        ...member,
        articleId: first,
        title: 'Terremoto',
        language: 'es',
        sourceId: a,
        publishedAt: '2024-05-06T08:00:00Z',
        why,
        countries: ['JP'],
      });
      await t.store.addStoryArticle(
        s1,
        {
          ...member,
          articleId: copy,
          title: 'Terremoto',
          language: 'es',
          sourceId: b,
          publishedAt: '2024-05-06T08:30:00Z',
          duplicateOf: first,
          similarity: 1,
          countries: ['JP'],
        },
        'en',
      );
      const s2 = await t.store.createStory({
        ...member,
        articleId: other,
        title: 'Quake',
        language: 'en',
        sourceId: b,
        publishedAt: '2024-05-06T09:00:00Z',
        why: { created: false, similarity: 0.71, sharedTerms: ['e:japan', '#71'], merged: [], oddities: [] },
        countries: ['US', 'JP'],
      });
      expect((await t.store.storyById(s1))?.countries).toEqual(['JP']);
      await t.store.mergeStories(s2, s1);
      expect((await t.store.storyById(s1))?.countries).toEqual(['JP', 'US']);
      const links = new Map((await t.store.storyArticles(s1)).map((l) => [l.articleId, l]));
      expect(links.get(first)).toMatchObject({ duplicateOf: null, why: { created: true, oddities: ['future-date'] } });
      expect(links.get(copy)).toMatchObject({ duplicateOf: first, similarity: 1, why: null });
      expect(links.get(other)?.why).toMatchObject({ similarity: 0.71, sharedTerms: ['e:japan', '#71'] });
    });

    it('numbers story links in write order: the members linked after a link, a re-link numbered again', async () => {
      t = await open();
      const [a, b] = await twoSources(t.store);
      const x = await article(t.store, 'https://a.example/x', 'en', a);
      const y = await article(t.store, 'https://b.example/y', 'en', b);
      const z = await article(t.store, 'https://b.example/z', 'en', b);
      const at = { ...member, title: 'Harbour', language: 'en', publishedAt: '2024-05-06T08:00:00Z' };
      const s1 = await t.store.createStory({ ...at, articleId: x, sourceId: a });
      await t.store.addStoryArticle(s1, { ...at, articleId: y, sourceId: b }, 'en');
      const since = '2024-01-01T00:00:00Z';
      const first = await t.store.recentStoryMembers(since);
      expect(first.map((m) => [m.articleId, m.storyId])).toEqual([
        [x, s1],
        [y, s1],
      ]);
      const [lx, ly] = first.map((m) => m.linkId) as [number, number];
      expect(ly).toBeGreaterThan(lx);
      expect(await t.store.recentStoryMembers(since, ly)).toEqual([]);
      const s2 = await t.store.createStory({ ...at, articleId: z, sourceId: b });
      const afterY = await t.store.recentStoryMembers(since, ly);
      expect(afterY.map((m) => [m.articleId, m.storyId])).toEqual([[z, s2]]);
      await t.store.addStoryArticle(s2, { ...at, articleId: x, sourceId: a }, 'en');
      const moved = await t.store.recentStoryMembers(since, afterY[0]!.linkId);
      expect(moved.map((m) => [m.articleId, m.storyId])).toEqual([[x, s2]]);
      expect(moved[0]!.linkId).toBeGreaterThan(afterY[0]!.linkId);
      expect(await t.store.recentStoryMembers('2100-01-01T00:00:00Z')).toEqual([]);
    });

    it('hands a link on with the copy it is and the stories merged when it was made (what another worker replays)', async () => {
      t = await open();
      const [a, b] = await twoSources(t.store);
      const [x, copy, y, z] = await Promise.all(
        ['https://a.example/x', 'https://b.example/copy', 'https://a.example/y', 'https://b.example/z'].map((url, i) =>
          article(t!.store, url, 'en', i % 2 ? b : a),
        ),
      );
      const at = { ...member, title: 'Harbour', language: 'en', publishedAt: '2024-05-06T08:00:00Z' };
      const s1 = await t.store.createStory({ ...at, articleId: x!, sourceId: a });
      await t.store.addStoryArticle(s1, { ...at, articleId: copy!, sourceId: b, duplicateOf: x!, similarity: 1 }, 'en');
      const s2 = await t.store.createStory({ ...at, articleId: y!, sourceId: a });
      const why = { created: false, similarity: 0.7, sharedTerms: [], merged: [7], mergedStories: [s2], oddities: [] };
      await t.store.addStoryArticle(s1, { ...at, articleId: z!, sourceId: b, similarity: 0.7, why }, 'en');
      await t.store.mergeStories(s2, s1);
      const links = await t.store.recentStoryMembers('2024-01-01T00:00:00Z');
      expect(links.map((l) => [l.articleId, l.storyId, l.duplicateOf, l.mergedStories])).toEqual([
        [x, s1, null, []],
        [copy, s1, x, []],
        [y, s1, null, []],
        [z, s1, null, [s2]],
      ]);
    });

    it('runs work under the stories lock, handing it a store that reads and writes', async () => {
      t = await open();
      const [a] = await twoSources(t.store);
      const x = await article(t.store, 'https://a.example/x', 'en', a);
      const storyId = await t.store.withStoriesLocked((store) =>
        store.createStory({
          ...member,
          articleId: x,
          title: 'Harbour',
          language: 'en',
          sourceId: a,
          publishedAt: '2024-05-06T08:00:00Z',
        }),
      );
      expect(await t.store.storyById(storyId)).toMatchObject({ articleCount: 1 });
      await expect(t.store.withStoriesLocked(async () => Promise.reject(new Error('turn failed')))).rejects.toThrow(
        'turn failed',
      );
    });

    it('links one entity across articles with a count', async () => {
      t = await open();
      const [a] = await twoSources(t.store);
      const x = await article(t.store, 'https://a.example/x', 'es', a);
      const y = await article(t.store, 'https://a.example/y', 'de', a);
      const pyongyang = { kind: 'place', name: 'Pyongyang', normalizedName: 'pyongyang', mentions: 2 };
      await t.store.saveArticleEntities(x, [pyongyang]);
      await t.store.saveArticleEntities(y, [{ ...pyongyang, mentions: 1 }]);
      const entity = (await storeDb(t.store).selectFrom('entities').select('id').executeTakeFirstOrThrow()).id;
      expect((await t.store.entityArticles(entity, { limit: 10 })).sort()).toEqual([x, y].sort());
      expect(await t.store.entityById(entity)).toMatchObject({ name: 'Pyongyang', articleCount: 2 });
    });
  });
}
