/**
 * What every store adapter must do for the web site: search filters and paging across the ranked
 * window, sections, the per-source body selector, list facts in batches. Run by each adapter's test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SEARCH_WINDOW } from './dialect.js';
import { storeDb } from './db.testkit.js';
import { sampleArticle, type TestStore } from './store.testkit.js';

export function describeSiteContract(open: () => Promise<TestStore>): void {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  /** Saves articles n = 0.. with "kelp" in every body, "ferry" in every third title; es on odd n. */
  async function fill(store: TestStore['store'], count: number) {
    const a = await store.createSource({ name: 'Wire A', url: 'https://a.example/', feedUrl: 'https://a.example/rss' });
    const b = await store.createSource({ name: 'Wire B', url: 'https://b.example/', feedUrl: 'https://b.example/rss' });
    const ids: number[] = [];
    for (let n = 0; n < count; n += 1) {
      const url = `https://news.example/politics/item-${n}`;
      const source = n % 2 === 0 ? a : b;
      const saved = await store.saveArticle({
        ...sampleArticle({
          url,
          title: `${n % 3 === 0 ? 'Ferry' : 'Harbour'} report ${n}`,
          paragraphs: [`Kelp washed up, day ${n}.`],
          fingerprint: `fp-${n}`,
        }),
        publishedAt: `2024-05-${String(1 + (n % 28)).padStart(2, '0')}T08:00:00Z`,
        language: n % 2 ? 'es' : 'en',
        section: n % 4 === 0 ? 'Sport' : 'Politics',
        sourceId: source.source.id,
        feedId: source.feed.id,
        seenAt: '2024-06-01T00:00:00Z',
      });
      ids.push(saved.articleId);
    }
    return { ids, a: a.source.id, b: b.source.id };
  }

  /** `ids` of fill() newest published first (day 1 + n % 28), the newest stored first among the same day. */
  function newestFirst(ids: number[], all: number[]): number[] {
    const day = (id: number) => all.indexOf(id) % 28;
    return [...ids].sort((x, y) => day(y) - day(x) || y - x);
  }

  describe('top stories for the front page', () => {
    it('reads the members of several stories in one query, newest first, with site and image', async () => {
      t = await open();
      const { ids } = await fill(t.store, 6);
      const db = storeDb(t.store);
      const now = '2024-06-01T00:00:00Z';
      const story = () =>
        db
          .insertInto('stories')
          .values({
            title: 'S',
            language: 'en',
            signature: '{}',
            article_count: 3,
            source_count: 2,
            first_published_at: now,
            last_published_at: now,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const [one, two] = [await story(), await story()];
      const link = (storyId: number, articleIds: number[]) =>
        db
          .insertInto('story_articles')
          .values(
            articleIds.map((id) => ({
              story_id: storyId,
              article_id: id,
              similarity: 1,
              duplicate_of: null,
              added_at: now,
            })),
          )
          .execute();
      await link(one.id, [ids[0]!, ids[3]!, ids[5]!]);
      await link(two.id, [ids[1]!, ids[2]!]);
      const lines = await t.store.storyMemberLines([one.id, two.id]);
      const of = (id: number) => lines.filter((l) => l.storyId === id).map((l) => l.articleId);
      expect(of(one.id)).toEqual([ids[5]!, ids[3]!, ids[0]!]); // published on day 6, 4, 1
      expect(of(two.id)).toEqual([ids[2]!, ids[1]!]);
      expect(lines[0]).toMatchObject({ site: 'Example News', image: 'https://news.example/img/harbour.jpg' });
      expect(lines[0]!.at).toMatch(/^2024-05-06/);
      expect(await t.store.storyMemberLines([])).toEqual([]);
    });
  });

  describe('search for the site', () => {
    it('pages through every match exactly once, across the ranked window', async () => {
      t = await open();
      const count = SEARCH_WINDOW + 15;
      const { ids } = await fill(t.store, count);
      const seen: number[] = [];
      for (let offset = 0; offset < count + 20; offset += 20)
        seen.push(...(await t.store.search('kelp', { limit: 20, offset })).map((r) => r.id));
      expect(seen).toHaveLength(count);
      expect(new Set(seen)).toEqual(new Set(ids));
      // Past the window, older matches come newest (published) first.
      const tail = seen.slice(SEARCH_WINDOW);
      expect(tail).toEqual(newestFirst(tail, ids));
      expect(newestFirst(ids, ids).slice(SEARCH_WINDOW)).toEqual(tail);
      // Within the window, a title match ranks above body-only matches.
      const ranked = (await t.store.search('ferry kelp', { limit: 5 })).map((r) => r.title);
      expect(ranked.every((title) => title.startsWith('Ferry'))).toBe(true);
    });

    it('pages newest first when asked, every match once, with the filters', async () => {
      t = await open();
      const count = SEARCH_WINDOW + 15;
      const { ids } = await fill(t.store, count);
      const seen: number[] = [];
      for (let offset = 0; offset < count + 20; offset += 20)
        seen.push(...(await t.store.search('ferry kelp', { limit: 20, offset, order: 'newest' })).map((r) => r.id));
      const ferries = ids.filter((_, n) => n % 3 === 0);
      expect(seen).toEqual(newestFirst(ferries, ids));
      // Headline matches no longer jump the queue: the newest match comes first whatever its title.
      const newest = await t.store.search('kelp', { limit: 3, order: 'newest' });
      expect(newest.map((r) => r.id)).toEqual(newestFirst(ids, ids).slice(0, 3));
      const spanish = await t.store.search('kelp', {
        limit: 50,
        order: 'newest',
        language: 'es',
        from: '2024-05-03',
        to: '2024-05-06',
      });
      expect(spanish.map((r) => Number(r.title.split(' ').pop())).sort((x, y) => x - y)).toEqual([
        3, 5, 31, 33, 59, 61, 87, 89,
      ]);
    });

    it('filters by language, source, section and publication days in the query', async () => {
      t = await open();
      const { a } = await fill(t.store, 12);
      const titles = async (filter: object) =>
        (await t!.store.search('kelp', { limit: 50, ...filter })).map((r) => Number(r.title.split(' ').pop()));
      expect((await titles({ language: 'es' })).sort((x, y) => x - y)).toEqual([1, 3, 5, 7, 9, 11]);
      expect((await titles({ sourceId: a })).sort((x, y) => x - y)).toEqual([0, 2, 4, 6, 8, 10]);
      expect((await titles({ section: 'Sport' })).sort((x, y) => x - y)).toEqual([0, 4, 8]);
      expect((await titles({ from: '2024-05-03', to: '2024-05-04' })).sort((x, y) => x - y)).toEqual([2, 3]);
      expect(await titles({ language: 'es', section: 'Sport' })).toEqual([]);
    });
  });

  describe('sections', () => {
    it('stores the section, keeps it when a later copy names none, lists and filters by it', async () => {
      t = await open();
      await fill(t.store, 8);
      expect(await t.store.articleSections()).toEqual([
        { section: 'Politics', count: 6 },
        { section: 'Sport', count: 2 },
      ]);
      const sport = await t.store.latestArticles({ limit: 10, section: 'Sport' });
      expect(sport.map((r) => r.section)).toEqual(['Sport', 'Sport']);
      const again = await t.store.saveArticle({
        ...sampleArticle({ url: 'https://news.example/politics/item-4' }),
        section: null,
        sourceId: null,
        feedId: null,
        seenAt: '2024-06-02T00:00:00Z',
      });
      expect((await t.store.articleById(again.articleId))?.section).toBe('Sport');
    });
  });

  describe("the site's sections (web/section-filter.ts)", () => {
    it('filters by mapped names, sources overriding all, and (source, name) pairs', async () => {
      t = await open();
      const { ids, a, b } = await fill(t.store, 8);
      const of = async (sections: Parameters<TestStore['store']['latestArticles']>[0]['sections']) =>
        (await t!.store.latestArticles({ limit: 20, sections })).map((r) => ids.indexOf(r.id)).sort();
      const none = { exceptSources: [], allOfSources: [], pairs: [] };
      expect(await of({ ...none, names: ['Sport'] })).toEqual([0, 4]);
      expect(await of({ ...none, names: ['Sport', 'Politics'] })).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(await of({ ...none, names: [] })).toEqual([]);
      expect(await of({ names: ['Sport'], exceptSources: [a], allOfSources: [], pairs: [] })).toEqual([]);
      expect(
        await of({
          names: ['Sport'],
          exceptSources: [a, b],
          allOfSources: [b],
          pairs: [{ sourceId: a, section: 'Politics' }],
        }),
      ).toEqual([1, 2, 3, 5, 6, 7]);
    });

    it("keeps a source's section overrides, cleared by an empty value", async () => {
      t = await open();
      const { source } = await t.store.createSource({ name: 'S', url: 'https://s.example/' });
      expect((await t.store.sourceById(source.id))?.sectionOverrides).toBeNull();
      const json = '{"deportes":"sport","*":"local"}';
      expect((await t.store.updateSource(source.id, { sectionOverrides: json }))?.sectionOverrides).toBe(json);
      expect((await t.store.sourceList())[0]?.sectionOverrides).toBe(json);
      expect((await t.store.updateSource(source.id, { sectionOverrides: '' }))?.sectionOverrides).toBeNull();
    });
  });

  describe('sources for extraction', () => {
    it('keeps a body selector per source, cleared by an empty one', async () => {
      t = await open();
      const { source } = await t.store.createSource({ name: 'S', url: 'https://s.example/' });
      expect((await t.store.sourceById(source.id))?.bodySelector).toBeNull();
      expect((await t.store.updateSource(source.id, { bodySelector: ' article .story-body ' }))?.bodySelector).toBe(
        'article .story-body',
      );
      expect((await t.store.sourceList())[0]?.bodySelector).toBe('article .story-body');
      expect((await t.store.updateSource(source.id, { bodySelector: '' }))?.bodySelector).toBeNull();
    });
  });

  describe('list facts', () => {
    it('reads translations and first carriers of many articles at once', async () => {
      t = await open();
      const { ids } = await fill(t.store, 3);
      await t.store.saveTranslation(ids[1]!, {
        language: 'en',
        sourceLanguage: 'es',
        engine: 'test',
        engineVersion: '1',
        title: 'Translated',
        subtitle: null,
        paragraphs: ['Kelp.'],
        html: '<p>Kelp.</p>',
        protectedNames: [],
        translatedAt: '2024-06-01T00:00:00Z',
      });
      const facts = await t.store.articleListFacts(ids, 'en');
      expect([...facts.translations.keys()]).toEqual([ids[1]]);
      expect(ids.map((id) => facts.firstCarriers.get(id)?.sourceName)).toEqual(['Wire A', 'Wire B', 'Wire A']);
    });

    it('reads search result lines in one go: in the order asked, translation, first paragraph, first carrier', async () => {
      t = await open();
      const { ids } = await fill(t.store, 3);
      await t.store.saveTranslation(ids[1]!, {
        language: 'en',
        sourceLanguage: 'es',
        engine: 'test',
        engineVersion: '1',
        title: 'Translated',
        subtitle: 'Sub',
        paragraphs: ['First kelp.', 'Second.'],
        html: '<p>First kelp.</p>',
        protectedNames: [],
        translatedAt: '2024-06-01T00:00:00Z',
      });
      const rows = await t.store.searchLines([ids[2]!, 999_999, ids[1]!, ids[0]!], 'en');
      expect(rows.map((r) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(rows.map((r) => r.sourceName)).toEqual(['Wire A', 'Wire B', 'Wire A']);
      expect(rows[0]).toMatchObject({
        title: 'Harbour report 2',
        lead: 'Kelp washed up, day 2.',
        language: 'en',
        section: 'Politics',
        translation: null,
      });
      expect(rows[1]!.translation).toEqual({
        title: 'Translated',
        subtitle: 'Sub',
        lead: 'First kelp.',
        sourceLanguage: 'es',
      });
      expect(await t.store.searchLines([], 'en')).toEqual([]);
    });
  });
}
