import { describe, expect, it } from 'vitest';
import { parseFeed } from '../pipeline/feeds/index.js';
import { documentOf, testApp, translatedArticle } from './web.testkit.js';

describe('feeds', () => {
  for (const [ext, type, kind] of [
    ['rss', 'application/rss+xml', 'rss'],
    ['atom', 'application/atom+xml', 'atom'],
    ['json', 'application/feed+json', 'json'],
  ] as const) {
    it(`/feed.${ext} parses back with our own feed parser, linking our pages`, async () => {
      const res = await testApp().app.request(`/feed.${ext}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('last-modified')).toBe(new Date('2024-05-07T08:15:00Z').toUTCString());
      const feed = parseFeed(await res.text(), `https://news.test/feed.${ext}`);
      expect(feed.kind).toBe(kind);
      expect(feed.items.map((i) => i.url)).toContain(`https://news.test${translatedArticle.pagePath}`);
      const first = feed.items.find((i) => i.url.endsWith(translatedArticle.pagePath))!;
      expect(first.title).toBe('Valencia approves its new mobility plan');
      expect(first.publishedAt).toBe('2024-05-07T08:15:00.000Z');
    });
  }

  it('answers 304 to a conditional request for an unchanged feed', async () => {
    const { app } = testApp();
    const first = await app.request('/feed.rss');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await app.request('/feed.rss', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect(
      (await app.request('/feed.rss', { headers: { 'If-Modified-Since': first.headers.get('last-modified')! } }))
        .status,
    ).toBe(304);
  });

  it('has source and search feeds, and 404/400 for what does not exist', async () => {
    const { app } = testApp();
    const source = parseFeed(
      await (await app.request('/source/1/feed.atom')).text(),
      'https://news.test/source/1/feed.atom',
    );
    expect(source.items.map((i) => i.url)).toEqual([`https://news.test${translatedArticle.pagePath}`]);
    const search = parseFeed(
      await (await app.request('/search/feed.json?q=mobility')).text(),
      'https://news.test/search/feed.json',
    );
    expect(search.items).toHaveLength(1);
    expect((await app.request('/source/99/feed.rss')).status).toBe(404);
    expect((await app.request('/search/feed.rss')).status).toBe(400);
    expect((await app.request('/story/1/feed.rss')).status).toBe(404);
  });

  it('is advertised with <link rel="alternate"> on every list page', async () => {
    const { app } = testApp();
    for (const [path, feed] of [
      ['/', '/feed'],
      ['/source/1', '/source/1/feed'],
      ['/search?q=plan', '/search/feed'],
    ] as const) {
      const doc = await documentOf(await app.request(path));
      const links = [...doc.querySelectorAll('link[rel="alternate"]')].map(
        (l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`,
      );
      expect(links.length, path).toBe(3);
      expect(links[0]).toMatch(new RegExp(`^application/rss\\+xml ${feed.replace(/\//g, '\\/')}\\.rss`));
      expect(links[2]).toMatch(/^application\/feed\+json /);
    }
  });
});
