/** The section filter: front page links, the filtered list, its feeds (parsed back) and the API. */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../pipeline/feeds/index.js';
import { documentOf, englishArticle, testApp, translatedArticle, untranslatedArticle } from '../web.testkit.js';

const articles = [
  { ...translatedArticle, section: 'Local news' },
  { ...untranslatedArticle, section: 'Politics' },
  { ...englishArticle, section: 'Local news' },
];

describe('section filter', () => {
  it('offers each section on the front page and lists only the chosen one, with its feeds', async () => {
    const { app } = testApp({ articles });
    const front = await documentOf(await app.request('/'));
    const nav = front.querySelector('nav[aria-label="Sections"]')!;
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['All sections', 'Local', 'Politics']);
    const href = [...nav.querySelectorAll('a')].find((a) => a.textContent === 'Local')!.getAttribute('href')!;
    expect(href).toBe('/?section=Local');

    const filtered = await documentOf(await app.request(href));
    expect(filtered.querySelector('h1')!.textContent).toBe('Latest: Local');
    expect([...filtered.querySelectorAll('main ol.list a')].map((a) => a.getAttribute('href'))).toEqual([
      translatedArticle.pagePath,
      englishArticle.pagePath,
    ]);
    expect(filtered.querySelector('nav[aria-label="Sections"] a[aria-current="page"]')!.textContent).toBe('Local');
    const alternate = filtered
      .querySelector('link[rel="alternate"][type="application/rss+xml"]')!
      .getAttribute('href')!;
    expect(alternate).toBe('/feed.rss?section=Local');

    const feed = parseFeed(await (await app.request(alternate)).text(), `https://news.test${alternate}`);
    expect(feed.items.map((i) => new URL(i.url).pathname)).toEqual([
      translatedArticle.pagePath,
      englishArticle.pagePath,
    ]);
    const both = await documentOf(await app.request('/?section=Politics&lang=fr'));
    expect(both.querySelector('h1')!.textContent).toBe('Latest: Politics in French');
    expect([...both.querySelectorAll('main ol.list a')].map((a) => a.getAttribute('href'))).toEqual([
      untranslatedArticle.pagePath,
    ]);
  });

  it('filters the API list and names the section on each article', async () => {
    const { app } = testApp({ articles });
    const body = (await (await app.request('/api/v1/articles?section=Politics')).json()) as {
      articles: { id: number; section: string }[];
    };
    expect(body.articles.map((a) => [a.id, a.section])).toEqual([[untranslatedArticle.id, 'Politics']]);
  });

  it('answers 400 to a section that cannot be one, never a 500', async () => {
    const { app } = testApp({ articles });
    for (const bad of ['%3Cscript%3E', 'a'.repeat(41), '%00', '..%2F..%2Fetc']) {
      expect((await app.request(`/?section=${bad}`)).status, bad).toBe(400);
      expect((await app.request(`/feed.rss?section=${bad}`)).status, bad).toBe(400);
    }
    expect((await app.request('/?section=Nowhere')).status).toBe(200);
  });
});
