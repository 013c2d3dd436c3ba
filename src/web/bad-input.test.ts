/**
 * The bad input, end to end over a real SQLite store (FTS5 included): unknown ids, hostile
 * query strings, a 10 KB search, page 10^9, a hostile title and body. Clear 4xx answers or inert
 * pages, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../pipeline/feeds/index.js';
import { sanitizeHtml } from '../pipeline/sanitize/index.js';
import { openTestStore, sampleArticle, type TestStore } from '../store/store.testkit.js';
import { createWebApp } from './app.js';
import { storeSiteData } from './store-data.js';
import { documentOf } from './web.testkit.js';

let t: TestStore;
let app: ReturnType<typeof createWebApp>;
let hostileId: number;

const HOSTILE_TITLE = 'Storm </script><script>alert(1)</script> <img src=x onerror=alert(2)> "quoted"';
const HOSTILE_BODY = `<p>Before.</p><script>alert(3)</script><iframe src="https://evil.example/"></iframe>
<p><a href="javascript:alert(4)">click</a> <a href="https://ok.example/">fine</a></p>
<p style="background: expression(alert(5))" onclick="alert(6)">Styled</p><img src="x" onerror="alert(7)">
<svg><script>alert(8)</script></svg><object data="evil.swf"></object><form action="https://evil.example/"><input name="p"></form><p>After.</p>`;

beforeAll(async () => {
  t = await openTestStore();
  const source = await t.store.createSource({ name: 'Wire', url: 'https://wire.example/' });
  await t.store.saveArticle({
    ...sampleArticle(),
    sourceId: source.source.id,
    feedId: source.feed.id,
    seenAt: '2024-05-07T10:00:00Z',
  });
  const url = 'https://wire.example/world/hostile';
  const html = sanitizeHtml(HOSTILE_BODY, url);
  const saved = await t.store.saveArticle({
    ...sampleArticle({
      url,
      canonicalUrl: url,
      title: HOSTILE_TITLE,
      subtitle: '<b>bold</b> claim',
      html,
      paragraphs: ['Before.', 'After.'],
      fingerprint: 'fp-hostile',
    }),
    sourceId: source.source.id,
    feedId: source.feed.id,
    seenAt: '2024-05-07T11:00:00Z',
  });
  hostileId = saved.articleId;
  app = createWebApp({
    data: storeSiteData({ store: t.store, language: 'en', translationNote: async () => null }),
    siteName: 'H',
    language: 'en',
    siteUrl: 'https://h.test',
  });
});
afterAll(async () => t?.cleanup());

async function statusOf(path: string): Promise<number> {
  return (await app.request(path)).status;
}

describe('bad input over a real store', () => {
  it('answers unknown ids with a 404 page (HTML) or 404 JSON (API)', async () => {
    for (const path of [
      '/article/999999/x',
      '/article/0',
      '/story/999999',
      '/entity/999999',
      '/source/999999',
      '/source/999999/feed.rss',
      '/story/abc',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect((await documentOf(res)).querySelector('h1')?.textContent, path).toBeTruthy();
    }
    for (const path of ['/api/v1/articles/999999', '/api/v1/stories/999999', '/api/v1/sources/999999']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toHaveProperty('error');
    }
  });

  it('answers hostile query strings with 400s or harmless 200s, never a 500', async () => {
    const paths = [
      '/search?q=%22%20OR%20*%20NEAR(a%2Cb)%20%5E%20-x%20col%3A',
      '/search?q=%00%01%ff',
      '/search?q=%E2%80%AE%F0%9F%92%A3',
      '/search?q=harbour&lang=%3Cscript%3E',
      '/search?q=harbour&from=2024-13-45',
      '/search?q=harbour&to=yesterday',
      '/search?q=harbour&source=1%3Bdrop',
      '/?lang=en%27--',
      '/?section=%3Cb%3E',
      '/?page=1&page=2',
      '/?page=%20',
      '/search/feed.atom?q=%22',
      '/api/v1/search?q=%27%3B--',
      '/api/v1/articles?offset=-1',
    ];
    for (const path of paths) {
      const res = await app.request(path);
      expect(res.status, path).toBeLessThan(500);
      if (res.status === 200 && res.headers.get('content-type')?.startsWith('text/html')) {
        expect(await res.text(), path).not.toMatch(/<script|<b>bold|%3Cscript/i);
      }
    }
  });

  it('searches 10 KB of text quickly, cut to a sentence, on the page, the feed and the API', async () => {
    const long = encodeURIComponent('harbour '.repeat(1300));
    for (const path of [`/search?q=${long}`, `/search/feed.rss?q=${long}`, `/api/v1/search?q=${long}`]) {
      const started = performance.now();
      const res = await app.request(path);
      expect(res.status, path.slice(0, 20)).toBe(200);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(await res.text()).toContain('Harbour reopens after storm');
    }
  });

  it('answers page 10^9 with a 400, never a scan to it', async () => {
    for (const path of [
      '/?page=1000000000',
      '/search?q=harbour&page=1000000000',
      '/api/v1/articles?offset=1000000000',
      '/api/v1/search?q=harbour&offset=1000000000',
    ]) {
      expect(await statusOf(path), path).toBe(400);
    }
    expect(await statusOf('/?page=500')).toBe(404); // in range, but past the last article
  });

  it('renders a hostile title and body inert on every page that shows them', async () => {
    const page = await app.request(`/article/${hostileId}/x`, { redirect: 'manual' });
    expect(page.status).toBe(301);
    const path = page.headers.get('location')!;
    const text = await (await app.request(path)).text();
    const doc = (await import('linkedom')).parseHTML(text).document;
    // Only the site's own JSON-LD is a script, and the title cannot break out of it.
    expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
    expect(JSON.parse(doc.querySelector('script')!.textContent!).headline).toBe(HOSTILE_TITLE);
    expect(
      doc.querySelectorAll('iframe, object, embed, form[action^="https://evil"], svg, img[src="x"], b'),
    ).toHaveLength(0);
    const attributes = [...doc.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].map((a) => `${a.name}=${a.value}`),
    );
    expect(attributes.filter((a) => /^on/i.test(a) || /javascript:/i.test(a) || /expression\(/i.test(a))).toEqual([]);
    expect(doc.querySelector('h1')!.textContent).toBe(HOSTILE_TITLE);
    expect(text).toContain('After.');
    for (const list of ['/', '/search?q=storm', '/source/1']) {
      const doc = await documentOf(await app.request(list));
      expect(doc.querySelectorAll('script:not([type="application/ld+json"]), img[src="x"], b'), list).toHaveLength(0);
      expect(
        [...doc.querySelectorAll('main a')].some((a) => a.textContent === HOSTILE_TITLE),
        list,
      ).toBe(true);
    }
    // Feeds carry the title as text (CDATA, escaped, or a JSON string): each still parses, the item is there.
    for (const feed of ['/feed.rss', '/feed.atom', '/feed.json']) {
      const items = parseFeed(await (await app.request(feed)).text(), `https://h.test${feed}`).items;
      expect(
        items.some((i) => i.title?.startsWith('Storm') && i.url.endsWith(path)),
        feed,
      ).toBe(true);
    }
    const api = (await (await app.request('/api/v1/articles')).json()) as { articles: { title: string }[] };
    expect(api.articles.map((a) => a.title)).toContain(HOSTILE_TITLE);
  });
});
