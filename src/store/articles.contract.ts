/**
 * What every store adapter must do with articles, carriers, translations, search, item errors and
 * views. Run by each adapter's test file against a fresh store (SQLite and PostgreSQL).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleArticle, type TestStore } from './store.testkit.js';
import type { Translation } from './types.js';

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

  const spanish: Translation = {
    language: 'es',
    sourceLanguage: 'en',
    engine: 'apertium',
    engineVersion: '3.9',
    title: 'El puerto reabre tras la tormenta',
    subtitle: null,
    imageCaption: 'El puerto, el lunes.',
    paragraphs: ['El puerto reabrió el lunes tras una semana de reparaciones.'],
    html: '<p>El puerto reabrió el lunes tras una semana de reparaciones.</p>',
    protectedNames: ['Ana Pérez'],
    translatedAt: '2024-05-06T09:05:00Z',
  };

  describe('translations and search', () => {
    it('stores one translation per language, replacing an older one', async () => {
      t = await open();
      const { articleId } = await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      await t.store.saveTranslation(articleId, { ...spanish, title: 'Borrador' });
      await t.store.saveTranslation(articleId, spanish);
      expect(await t.store.translationsOf(articleId)).toEqual([
        { ...spanish, translatedAt: '2024-05-06T09:05:00.000Z' },
      ]);
      expect((await t.store.translationOf(articleId, 'es'))?.protectedNames).toEqual(['Ana Pérez']);
      await t.store.saveTranslation(articleId, { ...spanish, language: 'de', imageCaption: undefined });
      expect((await t.store.translationOf(articleId, 'de'))?.imageCaption).toBeNull();
      expect(await t.store.translationOf(articleId, 'fr')).toBeNull();
    });

    it('finds articles by original and translated text, accents optional', async () => {
      t = await open();
      const { articleId } = await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      const other = await t.store.saveArticle({
        ...sampleArticle({
          url: 'https://n.example/zurich',
          title: 'Zürich opens a library',
          paragraphs: ['Books for everyone.'],
        }),
        sourceId: null,
        feedId: null,
        seenAt,
      });
      expect((await t.store.search('ferry timetables', { limit: 5 })).map((a) => a.id)).toEqual([articleId]);
      expect(await t.store.search('reparaciones', { limit: 5 })).toEqual([]);
      await t.store.saveTranslation(articleId, spanish);
      expect((await t.store.search('reparaciones puerto', { limit: 5 })).map((a) => a.id)).toEqual([articleId]);
      expect((await t.store.search('zurich', { limit: 5 })).map((a) => a.id)).toEqual([other.articleId]);
    });

    it('orders matches newest first, or by how many query words their headlines hold (original or translated)', async () => {
      t = await open();
      const save = async (url: string, title: string) =>
        (
          await t!.store.saveArticle({
            ...sampleArticle({ url, title, paragraphs: ['A storm closed the harbour for the day.'] }),
            sourceId: null,
            feedId: null,
            seenAt,
          })
        ).articleId;
      const both = await save('https://n.example/both', 'Tormenta en el puerto');
      const one = await save('https://n.example/one', 'Harbour closed');
      const none = await save('https://n.example/none', 'A quiet day');
      // Only the translation's headline holds both words.
      await t.store.saveTranslation(both, { ...spanish, title: 'Storm in the harbour' });
      expect(await t.store.searchIds('storm harbour', { limit: 5, order: 'newest' })).toEqual([none, one, both]);
      expect(await t.store.searchIds('storm harbour', { limit: 5, order: 'relevance' })).toEqual([both, one, none]);
      expect(await t.store.searchIds('storm harbour', { limit: 2, offset: 1, order: 'relevance' })).toEqual([
        one,
        none,
      ]);
    });

    it('lists matches by publication date, not by the order they were stored in (issue 19)', async () => {
      t = await open();
      const save = async (slug: string, publishedAt: string | null, language = 'en') =>
        (
          await t!.store.saveArticle({
            ...sampleArticle({ url: `https://n.example/${slug}`, fingerprint: `fp-${slug}`, publishedAt, language }),
            sourceId: null,
            feedId: null,
            seenAt: '2024-12-07T00:00:00Z',
          })
        ).articleId;
      // A feed lists its newest item first, so it is stored before the older ones.
      const dec6 = await save('dec6', '2024-12-06T16:20:00Z');
      const dec5late = await save('dec5late', '2024-12-05T21:00:00+01:00', 'es');
      const dec5 = await save('dec5', '2024-12-05T09:00:00Z');
      const undated = await save('undated', null);
      const newest = { limit: 10, order: 'newest' } as const;
      expect(await t.store.searchIds('harbour', newest)).toEqual([undated, dec6, dec5late, dec5]);
      expect(await t.store.searchIds('harbour', { ...newest, limit: 2, offset: 1 })).toEqual([dec6, dec5late]);
      expect(await t.store.searchIds('harbour', { ...newest, language: 'en' })).toEqual([undated, dec6, dec5]);
      expect((await t.store.search('harbour', { limit: 10, order: 'newest' })).map((a) => a.id)).toEqual([
        undated,
        dec6,
        dec5late,
        dec5,
      ]);
      // Ties in relevance (every headline holds the word) are newest published first too.
      expect(await t.store.searchIds('harbour', { limit: 10, order: 'relevance' })).toEqual([
        undated,
        dec6,
        dec5late,
        dec5,
      ]);
      // The undated article gets its date later: indexed once, at its new place.
      await save('undated', '2024-12-04T00:00:00Z');
      expect(await t.store.searchIds('harbour', newest)).toEqual([dec6, dec5late, dec5, undated]);
    });

    it('keeps the index in step when an article is updated', async () => {
      t = await open();
      const teaser = sampleArticle({ paragraphs: ['Short lead.'], isTeaser: true });
      await t.store.saveArticle({ ...teaser, sourceId: null, feedId: null, seenAt });
      expect(await t.store.search('timetables', { limit: 5 })).toHaveLength(0);
      await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      expect(await t.store.search('timetables', { limit: 5 })).toHaveLength(1);
      expect(await t.store.search('lead', { limit: 5 })).toHaveLength(0);
    });

    it('treats FTS syntax in user input as plain words', async () => {
      t = await open();
      await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      for (const query of [
        '"harbour',
        'harbour AND',
        'NOT',
        'harbour*',
        'title:harbour',
        '(',
        '',
        '   ',
        'NEAR(a b)',
        '^harbour',
        "harbour's -storm",
      ]) {
        await expect(t.store.search(query, { limit: 5 })).resolves.toBeInstanceOf(Array);
      }
      expect(await t.store.search('"harbour', { limit: 5 })).toHaveLength(1);
      expect(await t.store.search('harbour AND', { limit: 5 })).toHaveLength(0);
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
