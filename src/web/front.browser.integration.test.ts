/**
 * The wire's front page in Chromium at 1280 and 390 px: the demo publisher's articles through the real
 * pipeline, their images through the site's image cache (/img), a story of several outlets. Images and
 * times show, nothing overflows sideways, every image comes from this site, axe finds nothing serious.
 * Screenshots go to ./screenshots/ (front-seeded-1280.png, front-seeded-390.png: with a story seeded from three unrelated articles to fill the layout; the real front page is pages.browser.integration.test.ts's front-*.png).
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher, type DemoPublisher } from '../demo/publisher.js';
import { pollFeed } from '../pipeline/run.js';
import type { Runtime } from '../runtime/open.js';
import { openTestRuntime } from '../runtime/runtime.testkit.js';
import { addSource } from '../sources/index.js';
import { storeDb } from '../store/db.testkit.js';
import { createWebApp } from './app.js';
import { Images } from './images/images.js';
import { launchChromium, SCREENSHOTS } from './chromium.testkit.js';
import { startWebServer, type RunningServer } from './server.js';
import { storeSiteData } from './store-data.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let publisher: DemoPublisher;
let runtime: Runtime;
let server: RunningServer;
let browser: BrowserContext;

/** A story of three outlets' articles (written into the tables, the schema being the contract), ranked first. */
async function seedStory(): Promise<void> {
  const pages = publisher.pages.filter((p) => !p.syndicated);
  const outlets = [...new Map(pages.map((p) => [p.url.split('/').slice(0, 3).join('/'), p])).values()].slice(0, 3);
  const ids = await Promise.all(outlets.map(async (p) => (await runtime.store.articleByCanonicalUrl(p.url))!.id));
  const now = new Date().toISOString();
  const db = storeDb(runtime.store);
  const story = await db
    .insertInto('stories')
    .values({
      title: 'A story told by three outlets',
      language: 'en',
      signature: '{}',
      article_count: ids.length,
      source_count: 12,
      first_published_at: now,
      last_published_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.deleteFrom('story_articles').where('article_id', 'in', ids).execute();
  await db
    .insertInto('story_articles')
    .values(
      ids.map((id) => ({ story_id: story.id, article_id: id, similarity: 0.9, duplicate_of: null, added_at: now })),
    )
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
  const images = await Images.open({
    dir: mkdtempSync(join(tmpdir(), 'happenings-images-')),
    maxBytes: 50 * 1024 * 1024,
    fetcher: runtime.fetcher,
  });
  const data = storeSiteData({ store: runtime.store, language: 'en', translationNote: async () => null });
  const app = createWebApp({ data, siteName: 'Happenings', language: 'en', images, pageCacheMs: 0 });
  server = await startWebServer(app, { port: 0, host: '127.0.0.1' });
  // The first render asks for the images it lacks; they are fetched in the background.
  await fetch(server.url + '/');
  await images.whenIdle();
  browser = await launchChromium({ bypassCSP: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await runtime?.close();
  await publisher?.close();
});

interface FrontFacts {
  overflow: number;
  images: { src: string; loaded: boolean; width: number }[];
  storyImages: number;
  headlines: number;
  times: { datetime: string | null; text: string }[];
}

const FACTS = `(() => {
  const images = [...document.querySelectorAll('main img')].map((i) => ({ src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0, width: i.getBoundingClientRect().width }));
  return {
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    images,
    storyImages: document.querySelectorAll('section[aria-labelledby="top-stories"] img').length,
    headlines: document.querySelectorAll('.headlines li').length,
    times: [...document.querySelectorAll('main time')].map((t) => ({ datetime: t.getAttribute('datetime'), text: t.textContent })),
  };
})()`;

describe('the front page in Chromium', () => {
  for (const width of [1280, 390]) {
    it(`shows images from this site and times, with no sideways scrolling, at ${width} px`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      const outside: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith(server.url)) outside.push(req.url());
      });
      await page.goto(server.url + '/', { waitUntil: 'load' });
      // Lazy thumbnails below the fold load as they come into view.
      await page.evaluate(`(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
          scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })()`);
      await page.waitForLoadState('networkidle');
      await page.evaluate('window.scrollTo(0, 0)');
      const facts = await page.evaluate<FrontFacts>(FACTS);
      await page.screenshot({ path: join(SCREENSHOTS, `front-seeded-${width}.png`), fullPage: true });
      expect(facts.overflow).toBeLessThanOrEqual(0);
      expect(facts.storyImages).toBeGreaterThanOrEqual(1);
      expect(facts.headlines).toBeGreaterThanOrEqual(3);
      expect(facts.images.length).toBeGreaterThan(5);
      for (const image of facts.images) {
        expect(image.src).toMatch(/^\/img\/(160|400)\//);
        expect(image.loaded, image.src).toBe(true);
        expect(image.width).toBeLessThanOrEqual(width);
      }
      expect(facts.times.length).toBeGreaterThan(5);
      for (const time of facts.times) {
        expect(time.datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(time.text).toMatch(/\d\d:\d\d|ago|now/);
      }
      expect(outside).toEqual([]); // the browser contacted no publisher
      await page.close();
    });
  }

  it('has no serious axe-core violations with its images', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/');
    await page.addScriptTag({ path: AXE_PATH });
    const result = (await page.evaluate(() =>
      (globalThis as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'],
      }),
    )) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
});
