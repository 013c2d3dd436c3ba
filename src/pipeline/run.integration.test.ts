/**
 * The whole path, end to end: the demo publisher's feeds in, translated article pages out.
 * Real loopback publishers, real SQLite, real Apertium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher, demoBadPaths, type DemoPublisher } from '../demo/publisher.js';
import { openTestRuntime } from '../runtime/runtime.testkit.js';
import { storeDb } from '../store/db.testkit.js';
import type { Runtime } from '../runtime/open.js';
import { addSource } from '../sources/index.js';
import { pollFeed } from './run.js';
import { createWebApp } from '../web/app.js';
import { storeSiteData } from '../web/store-data.js';

let publisher: DemoPublisher;
let runtime: Runtime;

async function pollAll(): Promise<void> {
  for (const s of await runtime.store.sourceList()) for (const f of s.feeds) await pollFeed(runtime.pipeline, f.id);
  await runtime.queue.drain();
}

beforeAll(async () => {
  publisher = await startDemoPublisher();
  runtime = await openTestRuntime();
  for (const feed of publisher.feeds) {
    await addSource(runtime.store, { url: feed.url, name: feed.outlet, language: feed.language, kind: feed.kind });
  }
  runtime.startWorkers(2);
  await pollAll();
});

afterAll(async () => {
  await runtime?.close();
  await publisher?.close();
});

describe('demo publisher → store', () => {
  it('stores every article once, the syndicated wire story as one article carried by two outlets', async () => {
    expect(await runtime.store.articleCount()).toBe(publisher.pages.length - 1);
    const wire = publisher.pages.filter((p) => p.syndicated);
    expect(wire).toHaveLength(2);
    const stored =
      (await runtime.store.articleByCanonicalUrl(wire[0]!.url)) ??
      (await runtime.store.articleByCanonicalUrl(wire[1]!.url));
    expect(stored).not.toBeNull();
    const carriers = await runtime.store.carriersOf(stored!.id);
    expect(carriers.map((c) => c.sourceName).sort()).toEqual(['El Diario del Sur', 'La Gaceta del Norte']);
    expect(carriers.filter((c) => c.isFirst)).toHaveLength(1);
    // Its story counts both outlets (the copy added an outlet, not an article), and The Evening
    // Ledger's own English report of the event: two articles, three outlets, a top story.
    const storyId = await runtime.store.storyIdOfArticle(stored!.id);
    expect(await runtime.store.storyById(storyId!)).toMatchObject({ articleCount: 2, sourceCount: 3 });
    expect((await runtime.store.topStoryRows({ limit: 10 })).map((r) => r.id)).toContain(storyId);
  });

  it("keeps the syndicated article in both outlets' lists", async () => {
    const sources = await runtime.store.sourceList();
    for (const name of ['El Diario del Sur', 'La Gaceta del Norte']) {
      const source = sources.find((s) => s.name === name)!;
      const listed = await runtime.store.latestArticles({ limit: 50, sourceId: source.id });
      expect(listed.length).toBe(publisher.pages.filter((p) => p.outlet === name).length);
    }
  });

  it('detects languages and translates the Spanish articles into English with Apertium, names intact', async () => {
    const spanish = publisher.pages.filter((p) => p.language === 'es' && !p.syndicated);
    for (const page of spanish) {
      const article = await runtime.store.articleByCanonicalUrl(page.url);
      expect(article?.language, page.url).toBe('es');
      const translation = await runtime.store.translationOf(article!.id, 'en');
      expect(translation?.engine).toBe('apertium');
      expect(translation!.paragraphs.length).toBe(article!.paragraphs.length);
      const text = translation!.paragraphs.join('\n');
      expect(text).not.toMatch(/[*#@]\p{L}/u);
      for (const bad of ['put on', 'He Kremlin', 'Kim Jong An']) expect(text).not.toContain(bad);
    }
    const french = publisher.pages.find((p) => p.language === 'fr')!;
    expect((await runtime.store.articleByCanonicalUrl(french.url))?.language).toBe('fr');
  });

  it('a rerun fetches nothing new and duplicates nothing', async () => {
    const before = await runtime.store.articleCount();
    const carriersBefore = await countCarriers();
    await pollAll();
    expect(await runtime.store.articleCount()).toBe(before);
    expect(await countCarriers()).toBe(carriersBefore);
  });

  it('serves the front page and a translated article page with attribution', async () => {
    const app = createWebApp({
      data: storeSiteData({ store: runtime.store, language: 'en', translationNote: async () => null }),
      siteName: 'Happenings',
      language: 'en',
    });
    const front = await (await app.request('/')).text();
    const spanish = publisher.pages.find((p) => p.language === 'es' && !p.syndicated)!;
    const article = (await runtime.store.articleByCanonicalUrl(spanish.url))!;
    const translation = (await runtime.store.translationOf(article.id, 'en'))!;
    expect(front).toContain(escapeText(translation.title));
    const res = await app.request(`/article/${article.id}`);
    const page = await (await app.request(res.headers.get('location') ?? `/article/${article.id}`)).text();
    expect(page).toMatch(/Translated from Spanish by Apertium/);
    expect(page).toContain(`href="${spanish.url}"`);
    expect(page.match(/<h1/g)).toHaveLength(1);
  });
});

describe('bad input is recorded, the rest goes on', () => {
  it('records each broken feed on its row with a code', async () => {
    const origin = publisher.origins[0]!;
    const cases = [
      { path: demoBadPaths.brokenFeed, code: 'bad-feed' },
      { path: demoBadPaths.missingFeed, code: 'http-status' },
      { path: demoBadPaths.slow, code: 'timeout' },
      { path: demoBadPaths.huge, code: 'too-large' },
      { path: demoBadPaths.redirectLoop, code: 'redirects' },
      { path: demoBadPaths.disallowed, code: 'robots' },
    ];
    const stored = await runtime.store.articleCount();
    for (const c of cases) {
      const { feed } = await addSource(runtime.store, { url: origin + c.path, name: `bad ${c.path}` });
      expect(await pollFeed(runtime.pipeline, feed.id)).toBe(0);
      const row = await runtime.store.feedById(feed.id);
      expect(row?.lastErrorCode, c.path).toBe(c.code);
      expect(row?.lastError).toMatch(/^\w+: /);
      expect(row?.errorCount).toBe(1);
    }
    expect(await runtime.store.articleCount()).toBe(stored);
  }, 60_000);

  it('reads a windows-1252 page right and says "no article" for a section page', async () => {
    const origin = publisher.origins[0]!;
    const { feed: latin, source } = await addSource(runtime.store, {
      url: origin + demoBadPaths.latin1,
      name: 'latin1',
      kind: 'page',
    });
    // This source's setting turns translation off: the Spanish page is stored untranslated.
    await runtime.store.updateSource(source.id, { translate: false });
    await pollFeed(runtime.pipeline, latin.id);
    await runtime.queue.drain();
    const article = await runtime.store.articleByCanonicalUrl(origin + demoBadPaths.latin1);
    expect(article?.paragraphs.join(' ')).toMatch(/[áéíóúñ]/);
    expect(article?.paragraphs.join(' ')).not.toMatch(/Ã|�/);
    expect(article?.language).toBe('es');
    expect(await runtime.store.translationsOf(article!.id)).toEqual([]);

    const before = await runtime.store.articleCount();
    const { feed: section } = await addSource(runtime.store, {
      url: origin + demoBadPaths.sectionIndex,
      name: 'section',
      kind: 'page',
    });
    await pollFeed(runtime.pipeline, section.id);
    await runtime.queue.drain();
    expect(await runtime.store.articleCount()).toBe(before);
  });
});

async function countCarriers(): Promise<number> {
  const row = await storeDb(runtime.store)
    .selectFrom('article_sources')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function escapeText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
