/**
 * The site in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) against a real server over a store filled by the real pipeline from the demo
 * publisher (with Apertium). Journeys, keyboard, accessibility (axe-core), light and dark, phone
 * width, layout shift. Screenshots go to ./screenshots/ for review. Fails when Chromium is missing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher, type DemoPublisher } from '../demo/publisher.js';
import { pollFeed } from '../pipeline/run.js';
import type { Runtime } from '../runtime/open.js';
import { openTestRuntime } from '../runtime/runtime.testkit.js';
import { addSource } from '../sources/index.js';
import { storeAdminOps } from './admin/store-admin.js';
import { createWebApp } from './app.js';
import { launchChromium, SCREENSHOTS } from './chromium.testkit.js';
import { startWebServer, type RunningServer } from './server.js';
import { storeSiteData } from './store-data.js';
import { storeDb } from '../store/db.testkit.js';

const ADMIN_PASSWORD = 'browser-test-password';
/** A models folder with one model placed by hand (the admin lists it with its size). */
function handPlacedModel(): string {
  const dir = mkdtempSync(join(tmpdir(), 'happenings-models-'));
  mkdirSync(join(dir, 'de-en/onnx'), { recursive: true });
  for (const file of [
    'config.json',
    'tokenizer.json',
    'onnx/encoder_model_quantized.onnx',
    'onnx/decoder_model_merged_quantized.onnx',
  ])
    writeFileSync(join(dir, 'de-en', file), '{}');
  return dir;
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let publisher: DemoPublisher;
let runtime: Runtime;
let server: RunningServer;
let browser: BrowserContext;
let storyId: number;

async function seedStory(): Promise<void> {
  // A story of two translated Spanish articles, written straight into the tables (the schema is the
  // contract), so the journey knows what it will find; when the pipeline's clustering already put
  // them in stories, they are moved into this one. Nine outlets rank it first among top stories.
  const spanish = publisher.pages.filter((p) => p.language === 'es' && !p.syndicated).slice(0, 2);
  const ids = await Promise.all(spanish.map(async (p) => (await runtime.store.articleByCanonicalUrl(p.url))!.id));
  const now = new Date().toISOString();
  const db = storeDb(runtime.store);
  const story = await db
    .insertInto('stories')
    .values({
      title: 'A story told by two outlets',
      language: 'es',
      signature: '{}',
      article_count: ids.length,
      source_count: 9,
      first_published_at: now,
      last_published_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  storyId = story.id;
  await db.deleteFrom('story_articles').where('article_id', 'in', ids).execute();
  await db
    .insertInto('story_articles')
    .values(
      ids.map((id) => ({ story_id: story.id, article_id: id, similarity: 0.9, duplicate_of: null, added_at: now })),
    )
    .execute();
  const entity = await db
    .insertInto('entities')
    .values({
      kind: 'place',
      name: 'Villa de Prueba',
      normalized_name: 'villa de prueba',
      wikidata_id: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('article_entities')
    .values(ids.map((id) => ({ article_id: id, entity_id: entity.id, mentions: 2, salience: null })))
    .execute();
}

beforeAll(async () => {
  publisher = await startDemoPublisher();
  runtime = await openTestRuntime();
  for (const feed of publisher.feeds)
    await addSource(runtime.store, { url: feed.url, name: feed.outlet, language: feed.language, kind: feed.kind });
  runtime.startWorkers(2);
  for (const s of await runtime.store.sourceList()) for (const f of s.feeds) await pollFeed(runtime.pipeline, f.id);
  await runtime.queue.drain();
  await seedStory();
  const data = storeSiteData({ store: runtime.store, language: 'en', translationNote: async () => null });
  const ops = storeAdminOps({
    store: runtime.store,
    enqueuePage: runtime.pipeline.enqueuePage,
    translationStatus: async () => ['apertium: ready'],
    translator: runtime.translator,
    languages: ['en'],
    modelsDir: handPlacedModel(),
    enqueueRetranslate: runtime.enqueueRetranslate,
  });
  const app = createWebApp({ data, siteName: 'Happenings', language: 'en', admin: { ops, password: ADMIN_PASSWORD } });
  server = await startWebServer(app, { port: 0, host: '127.0.0.1' });
  browser = await launchChromium({ bypassCSP: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await runtime?.close();
  await publisher?.close();
});

async function open(path: string, page?: Page): Promise<Page> {
  const p = page ?? (await browser.newPage());
  const res = await p.goto(server.url + path);
  expect(res?.status(), path).toBe(200);
  return p;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

/** axe-core's serious and critical findings (WCAG 2.1 AA rules), as "rule: selector" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const result = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'],
    }),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('reader journeys in Chromium', () => {
  it('front → story → article → original view → share link', async () => {
    const page = await open('/');
    // The stylesheet's rules apply (it was once escaped: `.list&gt;li` and the font were dropped).
    expect(await page.evaluate("getComputedStyle(document.querySelector('main .list > li')).borderBottomStyle")).toBe(
      'solid',
    );
    expect(await page.evaluate('getComputedStyle(document.body).fontFamily')).toContain('Segoe UI');
    await shot(page, 'front');
    await page.getByRole('link', { name: 'A story told by two outlets' }).click();
    expect(page.url()).toBe(`${server.url}/story/${storyId}`);
    expect(await page.locator('h1').textContent()).toBe('A story told by two outlets');
    expect(await page.locator('.chips a').allTextContents()).toContain('Villa de Prueba');
    await shot(page, 'story');
    await page.locator('main ol.list h2 a').first().click();
    expect(page.url()).toMatch(/\/article\/\d+\/[a-z0-9-]+$/);
    expect(await page.locator('.note').first().textContent()).toMatch(/Translated from Spanish by Apertium/);
    expect(await page.locator('h1').getAttribute('lang')).toBe('en');
    // Captions are words, never an image's file name.
    for (const caption of await page.locator('figcaption').allTextContents())
      expect(caption).not.toMatch(/\.(jpe?g|png|webp)\b/i);
    await shot(page, 'article');
    const articleUrl = page.url();
    await page.getByRole('link', { name: 'Original', exact: true }).click();
    expect(page.url()).toBe(`${articleUrl}?view=original`);
    expect(await page.locator('h1').getAttribute('lang')).toBe('es');
    await page.getByRole('link', { name: 'Side by side' }).click();
    expect(await page.locator('table.bilingual tbody tr').count()).toBeGreaterThan(1);
    await shot(page, 'article-side-by-side');
    const link = await page.locator('#share-link').inputValue();
    expect(link).toBe(articleUrl);
    const mastodon = await page.getByRole('link', { name: 'Mastodon' }).getAttribute('href');
    expect(mastodon).toContain(encodeURIComponent(articleUrl));
    const shared = await open(new URL(link).pathname);
    expect(await shared.locator('h1').count()).toBe(1);
  });

  it('search finds an article by a word of its translation and of its original', async () => {
    const spanish = publisher.pages.find((p) => p.language === 'es' && !p.syndicated)!;
    const article = (await runtime.store.articleByCanonicalUrl(spanish.url))!;
    const translation = (await runtime.store.translationOf(article.id, 'en'))!;
    const word = (text: string) =>
      text
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length > 5)
        .sort((a, b) => b.length - a.length)[0]!;
    const page = await open('/search');
    await page.getByLabel('Words to find').fill(word(translation.title));
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.locator('main ol.list h2 a');
    expect(await results.count()).toBeGreaterThan(0);
    await shot(page, 'search');
    const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.startsWith(`/article/${article.id}/`))).toBe(true);
    await open(`/search?q=${encodeURIComponent(word(article.title))}`, page);
    expect(await page.locator(`main ol.list a[href^="/article/${article.id}/"]`).count()).toBe(1);
  });

  it('admin: log in and add a source', async () => {
    const page = await open('/admin');
    await shot(page, 'admin-login');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    expect(await page.locator('h1').textContent()).toBe('Admin');
    const feed = `${publisher.origins[0]}/browser-test-feed.xml`;
    await page.getByLabel('Feed, news sitemap or page URL').fill(feed);
    await page.getByRole('button', { name: 'Add source' }).click();
    expect(await page.getByRole('status').textContent()).toMatch(/^Added /);
    expect(await page.locator('table.sources').textContent()).toContain(feed);
    expect((await runtime.store.sourceList()).some((s) => s.feeds.some((f) => f.url === feed))).toBe(true);
    await shot(page, 'admin');
  });
});

describe('accessibility and layout in Chromium', () => {
  const paths = async () => {
    const article = (await runtime.store.latestArticles({ limit: 1 }))[0]!;
    const view = await storeSiteData({
      store: runtime.store,
      language: 'en',
      translationNote: async () => null,
    }).articleById(article.id);
    return [
      '/',
      `/story/${storyId}`,
      view!.pagePath,
      `${view!.pagePath}?view=both`,
      '/search?q=plan',
      '/sources',
      '/source/1',
      '/about',
      '/admin',
    ];
  };

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious axe-core violations (${scheme})`, async () => {
      const page = await browser.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const path of await paths()) {
        await open(path, page);
        found.push(...(await seriousViolations(page)).map((v) => `${path} ${v}`));
      }
      if (scheme === 'dark') await shot(page, 'admin-dark');
      await open('/', page);
      if (scheme === 'dark') await shot(page, 'front-dark');
      expect(found).toEqual([]);
    });
  }

  it('starts keyboard navigation at a working skip link', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    const outline = await page.evaluate(
      "getComputedStyle(document.activeElement).outlineStyle + '-' + getComputedStyle(document.activeElement).top",
    );
    // Focused, the skip link is outlined and moved into view (top no longer negative).
    expect(outline).toMatch(/^(solid|auto)-[0-9.]+px$/);
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
  });

  it('fits a phone screen without sideways scrolling, and images do not shift the layout', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of await paths()) {
      await open(path, page);
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      if (overflow > 0)
        console.log(
          'WIDE',
          path,
          await page.evaluate<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth).slice(-6).map(e => e.tagName + '.' + e.closest('table')?.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + e.outerHTML.slice(0,300)).join(' | ')",
          ),
        );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    const article = (await paths())[2]!;
    await open(article, page);
    await shot(page, 'article-phone');
    // In the page (a string: the test's own TypeScript has no DOM types): the load's layout shifts,
    // collected from the buffered entries on the next frame.
    const shift = await page.evaluate<number>(`new Promise((resolve) => {
      let total = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
      requestAnimationFrame(() => setTimeout(() => resolve(total), 0));
    })`);
    // 0.1 is the "good" cumulative layout shift threshold of Core Web Vitals.
    expect(shift).toBeLessThan(0.1);
  });
});
