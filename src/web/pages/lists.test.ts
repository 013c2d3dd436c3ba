import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createWebApp } from '../app.js';
import {
  documentOf,
  fakeArticle,
  fakeSiteData,
  testApp,
  translatedArticle,
  untranslatedArticle,
} from '../web.testkit.js';

const browser = { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' };

/** The node:http bindings Hono sees for a request from `address`. */
const clientEnv = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('front page sections', () => {
  it('counts readers’ views, not bots’, and lists the most read', async () => {
    const { app, data } = testApp();
    // Two readers (a client counts once per article per day; view-once.ts).
    await app.request(untranslatedArticle.pagePath, { headers: browser }, clientEnv('192.0.2.1'));
    await app.request(untranslatedArticle.pagePath, { headers: browser }, clientEnv('192.0.2.2'));
    await app.request(untranslatedArticle.pagePath, { headers: browser }, clientEnv('192.0.2.2'));
    await app.request(translatedArticle.pagePath, { headers: { 'User-Agent': 'Googlebot/2.1' } });
    await app.request(translatedArticle.pagePath);
    expect(data.views).toEqual([untranslatedArticle.id, untranslatedArticle.id]);
    const doc = await documentOf(await app.request('/'));
    const popular = [...doc.querySelectorAll('#most-read ~ ol h3 a')].map((a) => a.getAttribute('href'));
    expect(popular).toEqual([untranslatedArticle.pagePath]);
  });

  it('filters by the original language and offers each language', async () => {
    const doc = await documentOf(await testApp().app.request('/?lang=fr'));
    const links = [...doc.querySelectorAll('main ol.list h2 a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([untranslatedArticle.pagePath]);
    expect(doc.querySelector('h1')!.textContent).toBe('Latest in French');
    const filter = doc.querySelector('nav[aria-label="Language of the originals"]')!;
    expect(filter.querySelector('[aria-current="page"]')!.textContent).toBe('French');
    expect((await testApp().app.request('/?lang=%3Cscript%3E')).status).toBe(400);
  });

  it('leads with top stories when the data has them', async () => {
    const data = fakeSiteData();
    data.topStories = async () => [
      {
        id: 4,
        pagePath: '/story/4',
        title: 'Valencia mobility plan',
        articleCount: 3,
        outletCount: 2,
        languages: ['es', 'en'],
        updatedAt: '2024-05-07T10:00:00Z',
      },
    ];
    const app = createWebApp({ data, siteName: 'H', language: 'en', siteUrl: 'https://news.test' });
    const doc = await documentOf(await app.request('/'));
    const headings = [...doc.querySelectorAll('h1, h2')].map((h) => h.textContent);
    expect(headings.slice(0, 3)).toEqual(['H', 'Top stories', 'Latest']);
    expect(doc.querySelector('#top-stories ~ ol a')!.getAttribute('href')).toBe('/story/4');
  });
});

describe('story page', () => {
  it("lists every outlet's version with the original headline, and redirects a merged story", async () => {
    const data = fakeSiteData();
    const base = {
      pagePath: '/story/4',
      title: 'Valencia mobility plan',
      articleCount: 2,
      outletCount: 2,
      languages: ['es', 'fr'],
      updatedAt: '2024-05-07T10:00:00Z',
    };
    const summaries = await data.latestArticles({ limit: 2, offset: 0 });
    data.storyById = async (id) =>
      id === 4
        ? {
            ...base,
            id,
            articles: summaries,
            entities: [{ id: 1, name: 'Valencia', kind: 'place', pagePath: '/entity/1' }],
          }
        : id === 3
          ? { ...base, id, mergedInto: 4, articles: [], entities: [] }
          : null;
    const app = createWebApp({ data, siteName: 'H', language: 'en', siteUrl: 'https://news.test' });
    const doc = await documentOf(await app.request('/story/4'));
    expect(doc.querySelector('h1')!.textContent).toBe('Valencia mobility plan');
    expect(doc.querySelector('main')!.textContent).toContain(
      'Original headline: Valencia aprueba su nuevo plan de movilidad',
    );
    expect(doc.querySelector('.chips a')!.getAttribute('href')).toBe('/entity/1');
    expect(doc.querySelector('link[rel="alternate"]')!.getAttribute('href')).toBe('/story/4/feed.rss');
    const merged = await app.request('/story/3');
    expect(merged.status).toBe(301);
    expect(merged.headers.get('location')).toBe('/story/4');
  });
});

describe('article page extras', () => {
  it('offers share links as plain links, Read too, and describes our page for previews', async () => {
    const doc = await documentOf(await testApp().app.request(translatedArticle.pagePath));
    const pageUrl = `https://news.test${translatedArticle.pagePath}`;
    expect(
      (doc.querySelector('#share-link') as unknown as { getAttribute(n: string): string }).getAttribute('value'),
    ).toBe(pageUrl);
    const share = [...doc.querySelectorAll('.share-links a')].map((a) => a.textContent);
    expect(share).toEqual(['E-mail', 'Mastodon', 'X', 'Facebook', 'LinkedIn', 'WhatsApp']);
    for (const a of doc.querySelectorAll('.share-links a'))
      expect(a.getAttribute('href')).toContain(encodeURIComponent(pageUrl));
    expect(doc.querySelectorAll('#read-too ~ ol li').length).toBeGreaterThan(0);
    expect(doc.querySelector('meta[property="og:url"]')!.getAttribute('content')).toBe(pageUrl);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      url: pageUrl,
      isBasedOn: translatedArticle.url,
      headline: translatedArticle.title,
    });
  });

  it('shows only the lead and the link of an excerpt-only source in public mode, all in private mode', async () => {
    const article = fakeArticle({
      id: 9,
      title: 'Short one',
      excerptOnly: true,
      original: {
        title: 'Short one',
        subtitle: null,
        html: '<p>Lead.</p><p>Second secret paragraph.</p>',
        paragraphs: ['Lead.', 'Second secret paragraph.'],
        language: 'en',
      },
    });
    const data = fakeSiteData({ articles: [article] });
    const page = async (publicMode: boolean) =>
      (
        await createWebApp({ data, siteName: 'H', language: 'en', publicMode }).request(
          `http://x.test${article.pagePath}`,
        )
      ).text();
    const pub = await page(true);
    expect(pub).toContain('Lead.');
    expect(pub).not.toContain('Second secret paragraph.');
    expect(pub).toContain('Read the whole article on Example News');
    expect(await page(false)).toContain('Second secret paragraph.');
  });
});

describe('search, source and about pages', () => {
  it('searches translated text, keeps the filters in the form, and survives hostile input', async () => {
    const { app } = testApp();
    const doc = await documentOf(await app.request('/search?q=mobility&lang=es'));
    expect([...doc.querySelectorAll('main ol.list h2 a')].map((a) => a.getAttribute('href'))).toEqual([
      translatedArticle.pagePath,
    ]);
    expect(doc.querySelector('#q')!.getAttribute('value')).toBe('mobility');
    expect(doc.querySelector('#lang option[selected]')!.getAttribute('value')).toBe('es');
    const long = await app.request(`/search?q=${'a'.repeat(10_000)}`);
    expect(long.status).toBe(200);
    const hostile = await (await app.request('/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22')).text();
    expect(hostile).not.toContain('<script>alert');
    expect((await app.request('/search?q=x&page=1000000000')).status).toBe(400);
    expect((await app.request('/search?q=x&from=yesterday')).status).toBe(400);
  });

  it('orders newest first unless the reader picks relevance, and keeps that choice in the form and the pager', async () => {
    const asked: unknown[] = [];
    const { app, data } = testApp();
    const spy = createWebApp({
      data: { ...data, search: async (opts) => (asked.push(opts.sort), data.search(opts)) },
      siteName: 'Spy',
      language: 'en',
      pageCacheMs: 0,
    });
    expect(
      (await documentOf(await app.request('/search?q=mobility')))
        .querySelector('#sort option[selected]')!
        .getAttribute('value'),
    ).toBe('newest');
    await spy.request('/search?q=mobility');
    await spy.request('/search/feed.rss?q=mobility');
    await spy.request('/api/v1/search?q=mobility&sort=relevance');
    const doc = await documentOf(await spy.request('/search?q=mobility&sort=relevance'));
    expect(asked).toEqual(['newest', 'newest', 'relevance', 'relevance']);
    expect(doc.querySelector('#sort option[selected]')!.getAttribute('value')).toBe('relevance');
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toContain('sort=relevance');
    expect((await app.request('/search?q=x&sort=best')).status).toBe(400);
    expect((await app.request('/api/v1/search?q=x&sort=oldest')).status).toBe(400);
  });

  it('shows a source with its health and recent articles; 404 for an unknown one', async () => {
    const { app } = testApp();
    const doc = await documentOf(await app.request('/source/2'));
    expect(doc.querySelector('h1')!.textContent).toBe('Le Journal Exemple');
    expect(doc.querySelector('.note')!.textContent).toContain('HTTP 503');
    expect((await app.request('/source/999')).status).toBe(404);
    expect((await app.request('/story/1')).status).toBe(404);
    expect((await app.request('/entity/1')).status).toBe(404);
  });

  it('has an about page that says what is kept', async () => {
    const text = await (await testApp().app.request('/about')).text();
    const doc = parseHTML(text).document;
    expect(doc.querySelector('h1')!.textContent).toBe('About Happenings Test');
    expect(text).toContain('No cookies');
  });
});
