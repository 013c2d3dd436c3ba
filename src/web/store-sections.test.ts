/**
 * Over a real SQLite store: the story page names every outlet that carried its articles (syndicated
 * copies too) and agrees with the front page's count; list lines know their source's page; the
 * site's sections, with a source's overrides applied when shown.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleArticle, type TestStore } from '../store/store.testkit.js';
import { storeSiteData } from './store-data.js';
import { storyPage } from './pages/lists.js';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(async () => {
  await t.cleanup();
});

const data = () => storeSiteData({ store: t.store, language: 'en', translationNote: async () => null });
const site = { siteName: 'Happenings', language: 'en', siteUrl: 'https://news.test' };

async function source(name: string): Promise<number> {
  const { source } = await t.store.createSource({
    name,
    url: `https://${name}.example/`,
    feedUrl: `https://${name}.example/feed`,
  });
  return source.id;
}

async function save(url: string, sourceId: number, extra: Parameters<typeof sampleArticle>[0] = {}, canonical = url) {
  const { articleId } = await t.store.saveArticle({
    ...sampleArticle({ url, canonicalUrl: canonical, ...extra }),
    sourceId,
    feedId: null,
    seenAt: new Date().toISOString(),
  });
  return articleId;
}

describe('the story page and its outlets', () => {
  it('names every outlet, syndicated copies included, as many as the front page counts', async () => {
    const [diario, gaceta, wire] = [await source('diario'), await source('gaceta'), await source('wire')];
    const a = await save('https://diario.example/a', diario, { title: 'Harbour reopens after storm' });
    // The wire carries the same article: one more carrier of article a, no article of its own.
    expect(
      await save(
        'https://wire.example/copy',
        wire,
        { title: 'Harbour reopens after storm' },
        'https://diario.example/a',
      ),
    ).toBe(a);
    const b = await save('https://gaceta.example/b', gaceta, { title: 'The harbour is open again' });
    const member = (articleId: number, sourceId: number) => ({
      articleId,
      title: 'Harbour',
      language: 'en',
      sourceId,
      publishedAt: '2026-12-06T10:00:00Z',
      similarity: null,
      duplicateOf: null,
    });
    const storyId = await t.store.createStory(member(a, diario));
    await t.store.addStoryArticle(storyId, member(b, gaceta), 'en');

    const site_ = data();
    const [top] = await site_.topStories({ limit: 5 });
    const story = (await site_.storyById(storyId))!;
    expect(story.outlets!.map((o) => o.name).sort()).toEqual(['diario', 'gaceta', 'wire']);
    expect(top!.outletCount).toBe(story.outlets!.length);
    const page = storyPage(site, story).value;
    expect(page).toContain(`2 articles from ${top!.outletCount} outlets`);
    expect(page).toContain(`<a href="/source/${wire}">wire</a>`);
    expect(page).toMatch(/wire<\/a> <span class="meta">\(copy of [^)]*'s version\)/);
  });
});

describe('list lines and sections over the store', () => {
  it("give each line its source's page, and map publishers' sections to the site's", async () => {
    const diario = await source('diario');
    const ledger = await source('ledger');
    const a = await save('https://diario.example/a', diario, { title: 'Gol', section: 'Deportes' });
    const b = await save('https://ledger.example/b', ledger, { title: 'Match', section: 'Sport' });
    const c = await save('https://ledger.example/c', ledger, { title: 'Rates', section: 'Business' });
    const site_ = data();
    const latest = await site_.latestArticles({ limit: 10, offset: 0 });
    expect(latest.map((l) => [l.id, l.sourceId, l.siteSection])).toEqual(
      expect.arrayContaining([
        [a, diario, 'sport'],
        [b, ledger, 'sport'],
        [c, ledger, 'economy'],
      ]),
    );
    expect(await site_.sections()).toEqual(['Sport', 'Economy']);
    const sport = await site_.latestArticles({ limit: 10, offset: 0, siteSection: 'sport' });
    expect(sport.map((l) => l.id).sort()).toEqual([a, b].sort());
    // The API's and feeds' ?section= with a publisher's name lists the whole section.
    expect((await site_.latestArticles({ limit: 10, offset: 0, section: 'Deportes' })).map((l) => l.id).sort()).toEqual(
      [a, b].sort(),
    );
    const search = await site_.search({ q: 'Gol', limit: 5, offset: 0 });
    expect(search.map((l) => [l.id, l.sourceId])).toEqual([[a, diario]]);
  });

  it("applies a source's overrides when shown, with no re-ingest", async () => {
    const diario = await source('diario');
    const ledger = await source('ledger');
    const a = await save('https://diario.example/a', diario, { title: 'Gol', section: 'Deportes' });
    const b = await save('https://diario.example/b', diario, { title: 'Calle', section: 'Agenda' });
    const c = await save('https://ledger.example/c', ledger, { title: 'Match', section: 'Sport' });
    await t.store.updateSource(diario, { sectionOverrides: JSON.stringify({ '*': 'local' }) });
    const site_ = data();
    const ids = async (siteSection: 'local' | 'sport') =>
      (await site_.latestArticles({ limit: 10, offset: 0, siteSection })).map((l) => l.id).sort();
    expect(await ids('local')).toEqual([a, b].sort());
    expect(await ids('sport')).toEqual([c]);
    expect((await site_.articleById(a))!.siteSection).toBe('local');
    expect((await site_.articleById(a))!.section).toBe('Deportes');

    await t.store.updateSource(diario, { sectionOverrides: JSON.stringify({ agenda: 'culture' }) });
    const fresh = data(); // a new reader: the lists are kept 30 s
    const again = async (siteSection: 'culture' | 'sport') =>
      (await fresh.latestArticles({ limit: 10, offset: 0, siteSection })).map((l) => l.id).sort();
    expect(await again('culture')).toEqual([b]);
    expect(await again('sport')).toEqual([a, c].sort());
  });
});
