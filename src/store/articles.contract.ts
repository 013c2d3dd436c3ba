/**
 * What every store adapter must do with articles, carriers, item errors and views (translations and
 * search: search.contract.ts). Run by each adapter's test file against a fresh store (SQLite and PostgreSQL).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleArticle, type TestStore } from './store.testkit.js';

export function describeArticleContract(open: () => Promise<TestStore>): void {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  const seenAt = '2024-05-06T09:00:00.000Z';

  async function twoSources(store: TestStore['store']) {
    const a = await store.createSource({ name: 'Wire A', url: 'https://a.example/', feedUrl: 'https://a.example/rss' });
    const b = await store.createSource({ name: 'Wire B', url: 'https://b.example/', feedUrl: 'https://b.example/rss' });
    return { a, b };
  }

  describe('saveArticle', () => {
    it('saves an article once however often it is seen', async () => {
      t = await open();
      const { a } = await twoSources(t.store);
      const input = { ...sampleArticle(), sourceId: a.source.id, feedId: a.feed.id, seenAt };
      const first = await t.store.saveArticle(input);
      const second = await t.store.saveArticle({ ...input, seenAt: '2024-05-06T10:00:00Z' });
      expect(first.created).toBe(true);
      expect(second).toMatchObject({ articleId: first.articleId, created: false, updated: false });
      expect(await t.store.articleCount()).toBe(1);
      expect(await t.store.carriersOf(first.articleId)).toHaveLength(1);
      const stored = await t.store.articleById(first.articleId);
      expect(stored).toMatchObject({
        title: 'Harbour reopens after storm',
        tags: ['harbour', 'weather'],
        isTeaser: false,
        language: 'en',
        firstSeenAt: seenAt,
      });
      expect(stored?.paragraphs).toEqual(sampleArticle().paragraphs);
      expect(await t.store.articleByCanonicalUrl(sampleArticle().canonicalUrl)).toEqual(stored);
    });

    it('records every outlet that carried it, the first one first', async () => {
      t = await open();
      const { a, b } = await twoSources(t.store);
      const article = sampleArticle();
      const { articleId } = await t.store.saveArticle({ ...article, sourceId: a.source.id, feedId: a.feed.id, seenAt });
      await t.store.saveArticle({
        ...article,
        url: 'https://b.example/syndicated/harbour',
        sourceId: b.source.id,
        feedId: b.feed.id,
        seenAt: '2024-05-06T11:00:00Z',
      });
      const carriers = await t.store.carriersOf(articleId);
      expect(carriers.map((c) => [c.sourceName, c.isFirst])).toEqual([
        ['Wire A', true],
        ['Wire B', false],
      ]);
      expect(carriers[1]?.url).toBe('https://b.example/syndicated/harbour');
      const list = await t.store.sourceList();
      expect(list.map((s) => s.articleCount)).toEqual([1, 1]);
      expect((await t.store.latestArticles({ limit: 5, sourceId: b.source.id })).map((x) => x.id)).toEqual([articleId]);
    });

    it('keeps one carrier row for a page saved without a source', async () => {
      t = await open();
      const { articleId } = await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      expect(await t.store.carriersOf(articleId)).toHaveLength(1);
    });

    it('never blanks stored fields with a worse extraction', async () => {
      t = await open();
      const { articleId } = await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      const worse = sampleArticle({
        title: '  ',
        subtitle: null,
        byline: '',
        image: null,
        publishedAt: null,
        paragraphs: ['Subscribe'],
        html: '<p>Subscribe</p>',
        related: [],
        tags: [],
        isTeaser: true,
        language: null,
        fingerprint: 'fp-menu',
      });
      const result = await t.store.saveArticle({
        ...worse,
        sourceId: null,
        feedId: null,
        seenAt: '2024-05-07T00:00:00Z',
      });
      expect(result.updated).toBe(false);
      const stored = await t.store.articleById(articleId);
      expect(stored).toMatchObject({
        title: 'Harbour reopens after storm',
        subtitle: 'Ferries run again from Monday',
        byline: 'Ana Pérez',
        image: 'https://news.example/img/harbour.jpg',
        publishedAt: '2024-05-06T08:30:00.000Z',
        tags: ['harbour', 'weather'],
        isTeaser: false,
        language: 'en',
        fingerprint: 'fp-harbour',
        updatedAt: seenAt,
      });
      expect(stored?.paragraphs).toHaveLength(2);
    });

    it('takes a full body over a stored teaser, and a corrected title', async () => {
      t = await open();
      const teaser = sampleArticle({
        paragraphs: ['The harbour reopened on Monday.'],
        html: '<p>The harbour reopened on Monday.</p>',
        isTeaser: true,
        byline: null,
      });
      const { articleId } = await t.store.saveArticle({ ...teaser, sourceId: null, feedId: null, seenAt });
      const full = sampleArticle({ title: 'Harbour reopens after the storm', byline: 'Ana Pérez and Li Wei' });
      const result = await t.store.saveArticle({
        ...full,
        sourceId: null,
        feedId: null,
        seenAt: '2024-05-06T12:00:00Z',
      });
      expect(result.updated).toBe(true);
      expect(await t.store.articleById(articleId)).toMatchObject({
        title: 'Harbour reopens after the storm',
        byline: 'Ana Pérez and Li Wei',
        isTeaser: false,
        paragraphs: full.paragraphs,
        updatedAt: '2024-05-06T12:00:00.000Z',
      });
    });

    it('knows a page by its URL, canonical URL or any carrier URL', async () => {
      t = await open();
      const article = sampleArticle({
        url: 'https://news.example/p?id=7',
        canonicalUrl: 'https://news.example/harbour',
      });
      await t.store.saveArticle({ ...article, sourceId: null, feedId: null, seenAt });
      await t.store.saveArticle({
        ...article,
        url: 'https://mirror.example/harbour',
        sourceId: null,
        feedId: null,
        seenAt,
      });
      expect(await t.store.hasArticleUrl('https://news.example/p?id=7')).toBe(true);
      expect(await t.store.hasArticleUrl('https://news.example/harbour')).toBe(true);
      expect(await t.store.hasArticleUrl('https://mirror.example/harbour')).toBe(true);
      expect(await t.store.hasArticleUrl('https://news.example/other')).toBe(false);
    });
  });

  describe('latestArticles', () => {
    it('orders by publication date, else first sighting, and filters by language', async () => {
      t = await open();
      const { store } = t;
      const save = (slug: string, publishedAt: string | null, language: string) =>
        store.saveArticle({
          ...sampleArticle({ url: `https://n.example/${slug}`, publishedAt, language }),
          sourceId: null,
          feedId: null,
          seenAt: '2024-05-03T00:00:00Z',
        });
      const old = await save('old', '2024-05-01T00:00:00Z', 'en');
      const undated = await save('undated', null, 'es');
      const recent = await save('recent', '2024-05-05T10:00:00+02:00', 'en');
      const ids = (await t.store.latestArticles({ limit: 10 })).map((a) => a.id);
      expect(ids).toEqual([recent.articleId, undated.articleId, old.articleId]);
      expect((await t.store.latestArticles({ limit: 10, language: 'es' })).map((a) => a.id)).toEqual([
        undated.articleId,
      ]);
      expect((await t.store.latestArticles({ limit: 1, offset: 1 })).map((a) => a.id)).toEqual([undated.articleId]);
    });
  });

  describe('item errors', () => {
    it('records a failing page, counts attempts, and clears it when the page saves', async () => {
      t = await open();
      const { a } = await twoSources(t.store);
      const url = sampleArticle().url;
      const failure = {
        url,
        feedId: a.feed.id,
        sourceId: a.source.id,
        stage: 'fetch',
        code: 'timeout',
        message: 'fetch: timed out',
        at: '2024-05-06T08:00:00Z',
      };
      await t.store.recordItemError(failure);
      await t.store.recordItemError({
        ...failure,
        stage: 'extract',
        code: 'no-article',
        message: 'extract: no article body found',
        at: '2024-05-06T08:30:00Z',
      });
      expect(await t.store.itemErrorByUrl(url)).toMatchObject({
        stage: 'extract',
        code: 'no-article',
        attempts: 2,
        firstAt: '2024-05-06T08:00:00.000Z',
        lastAt: '2024-05-06T08:30:00.000Z',
        sourceId: a.source.id,
      });
      expect(await t.store.itemErrors({ limit: 10, sourceId: a.source.id })).toHaveLength(1);
      expect(await t.store.itemErrors({ limit: 10, sourceId: a.source.id + 1 })).toHaveLength(0);
      await t.store.saveArticle({ ...sampleArticle(), sourceId: a.source.id, feedId: a.feed.id, seenAt });
      expect(await t.store.itemErrorByUrl(url)).toBeNull();
      expect(await t.store.itemErrors({ limit: 10 })).toEqual([]);
    });

    it('keeps counting a translation that fails again as the article saves, in the same transaction', async () => {
      t = await open();
      const { a } = await twoSources(t.store);
      const url = sampleArticle().url;
      const input = { ...sampleArticle(), sourceId: a.source.id, feedId: a.feed.id, seenAt };
      const failure = (at: string) => ({
        url,
        feedId: a.feed.id,
        sourceId: a.source.id,
        stage: 'translate',
        code: 'translator',
        message: 'translate: the engine timed out',
        at,
      });
      await t.store.recordItemError({ ...failure('2024-05-06T07:00:00Z'), stage: 'fetch', code: 'timeout' });
      await t.store.saveArticle(input, [], failure('2024-05-06T08:00:00Z'));
      // The fetch failure is forgotten (the page saved); the translation failure starts counting.
      expect(await t.store.itemErrorByUrl(url)).toMatchObject({ stage: 'translate', code: 'translator', attempts: 1 });
      await t.store.saveArticle(input, [], failure('2024-05-06T09:00:00Z'));
      await t.store.saveArticle(input, [], failure('2024-05-06T10:00:00Z'));
      expect(await t.store.itemErrorByUrl(url)).toMatchObject({
        stage: 'translate',
        attempts: 3,
        firstAt: '2024-05-06T08:00:00.000Z',
        lastAt: '2024-05-06T10:00:00.000Z',
      });
      await t.store.saveArticle(input);
      expect(await t.store.itemErrorByUrl(url)).toBeNull();
    });
  });

  describe('views', () => {
    it('counts views per day and ranks articles over recent days', async () => {
      t = await open();
      const a = await t.store.saveArticle({
        ...sampleArticle({ url: 'https://n.example/a' }),
        sourceId: null,
        feedId: null,
        seenAt,
      });
      const b = await t.store.saveArticle({
        ...sampleArticle({ url: 'https://n.example/b' }),
        sourceId: null,
        feedId: null,
        seenAt,
      });
      const today = new Date('2024-05-10T12:00:00Z');
      const weekAgo = new Date('2024-05-03T12:00:00Z');
      for (let i = 0; i < 5; i++) await t.store.recordView(a.articleId, weekAgo);
      for (let i = 0; i < 2; i++) await t.store.recordView(b.articleId, today);
      await t.store.recordView(a.articleId, today);
      const recent = await t.store.popularArticles({ days: 2, limit: 5, now: today });
      expect(recent.map((x) => [x.id, x.views])).toEqual([
        [b.articleId, 2],
        [a.articleId, 1],
      ]);
      const week = await t.store.popularArticles({ days: 8, limit: 5, now: today });
      expect(week.map((x) => [x.id, x.views])).toEqual([
        [a.articleId, 6],
        [b.articleId, 2],
      ]);
      expect(week[0]?.title).toBe('Harbour reopens after storm');
    });
  });

  describe('deleteSource', () => {
    it('removes the source, its feeds and carrier rows, and keeps the article', async () => {
      t = await open();
      const { a, b } = await twoSources(t.store);
      const { articleId } = await t.store.saveArticle({
        ...sampleArticle(),
        sourceId: a.source.id,
        feedId: a.feed.id,
        seenAt,
      });
      await t.store.saveArticle({
        ...sampleArticle({ url: 'https://b.example/copy' }),
        canonicalUrl: sampleArticle().canonicalUrl,
        sourceId: b.source.id,
        feedId: b.feed.id,
        seenAt,
      });
      expect(await t.store.deleteSource(a.source.id)).toBe(true);
      expect(await t.store.deleteSource(a.source.id)).toBe(false);
      expect(await t.store.feedById(a.feed.id)).toBeNull();
      expect((await t.store.carriersOf(articleId)).map((c) => c.sourceName)).toEqual(['Wire B']);
      expect(await t.store.articleCount()).toBe(1);
    });
  });
}
