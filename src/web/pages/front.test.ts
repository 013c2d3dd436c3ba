import { describe, expect, it } from 'vitest';
import {
  documentOf,
  fakeArticle,
  fakeSources,
  testApp,
  translatedArticle,
  untranslatedArticle,
} from '../web.testkit.js';
import { articleItem, PAGE_SIZE } from './front.js';

describe('front page', () => {
  it('lists the latest articles, newest first, with title, site, date and lead', async () => {
    const { app } = testApp();
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const doc = await documentOf(res);
    const links = [...doc.querySelectorAll('main ol.list h2 a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      translatedArticle.pagePath,
      untranslatedArticle.pagePath,
      '/article/3/harbour-reopens-after-storm',
    ]);
    const first = doc.querySelector('main ol.list li')!;
    expect(first.querySelector('h2')!.textContent).toBe('Valencia approves its new mobility plan');
    expect(first.textContent).toContain('Diario de Ejemplo');
    expect(first.querySelector('.meta')!.textContent).toContain('translated from Spanish');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2024-05-07T08:15:00.000Z');
    expect(first.textContent).toContain('Valencia City Council approved the new mobility plan');
  });

  it('marks an untranslated title with its own language', async () => {
    const doc = await documentOf(await testApp().app.request('/'));
    const french = doc.querySelector(`a[href="${untranslatedArticle.pagePath}"]`)!;
    expect(french.getAttribute('lang')).toBe('fr');
    const translated = doc.querySelector(`a[href="${translatedArticle.pagePath}"]`)!;
    expect(translated.getAttribute('lang')).toBe('en');
  });

  it('explains untranslated headlines with the translation note, and only then', async () => {
    const withForeign = await (await testApp().app.request('/')).text();
    expect(withForeign).toContain('Translation is off: install Apertium');
    const allEnglish = await (await testApp({ articles: [translatedArticle] }).app.request('/')).text();
    expect(allEnglish).not.toContain('Translation is off');
  });

  it('pages with ?page= and links older and newer pages', async () => {
    const articles = Array.from({ length: PAGE_SIZE + 5 }, (_, i) =>
      fakeArticle({
        id: i + 1,
        title: `Story ${i + 1}`,
        publishedAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
      }),
    );
    const { app, data } = testApp({ articles });
    const page1 = await documentOf(await app.request('/'));
    expect(page1.querySelectorAll('ol.list > li')).toHaveLength(PAGE_SIZE);
    expect(page1.querySelector('a[rel="next"]')!.getAttribute('href')).toBe('/?page=2');
    expect(page1.querySelector('a[rel="prev"]')).toBeNull();

    const page2 = await documentOf(await app.request('/?page=2'));
    expect(page2.querySelectorAll('ol.list > li')).toHaveLength(5);
    expect(page2.querySelector('a[rel="prev"]')!.getAttribute('href')).toBe('/');
    expect(page2.querySelector('a[rel="next"]')).toBeNull();
    expect(page2.querySelector('h2 a')!.textContent).toBe('Story 5');
    expect(data.calls.at(-1)).toEqual({ limit: PAGE_SIZE + 1, offset: PAGE_SIZE });
  });

  it('answers 404 past the last page and 400 for a malformed page number', async () => {
    const { app } = testApp();
    expect((await app.request('/?page=9')).status).toBe(404);
    const bad = await app.request('/?page=abc');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('says so when there is nothing yet', async () => {
    const res = await testApp({ articles: [] }).app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('No articles yet');
  });

  it('says what is true when empty: sources followed, how many failing, with a link to /sources (issue 19)', async () => {
    const failing = { ...fakeSources[1]!, lastErrorCode: 'network', lastError: 'fetch: offline' };
    const nine = Array.from({ length: 9 }, (_, i) => ({ ...failing, id: i + 1 }));
    const allFailing = await documentOf(await testApp({ articles: [], sources: nine }).app.request('/'));
    const text = allFailing.querySelector('main p')?.textContent ?? allFailing.body.textContent;
    expect(text).toContain('No articles yet: all 9 sources followed are failing to fetch.');
    expect(text).not.toContain('Add a source');
    expect(allFailing.querySelector('main a[href="/sources"]')).not.toBeNull();

    const some = await (await testApp({ articles: [], sources: fakeSources }).app.request('/')).text();
    expect(some).toContain('1 of the 2 sources followed is failing to fetch');
    const none = await (await testApp({ articles: [], sources: [] }).app.request('/')).text();
    expect(none).toContain('no sources are followed');
  });

  it('escapes hostile titles and leads', async () => {
    const hostile = fakeArticle({
      id: 9,
      title: '<script>alert(1)</script>Breaking',
      lead: '<img src=x onerror=alert(2)>',
    });
    const text = await (await testApp({ articles: [hostile] }).app.request('/')).text();
    expect(text).not.toContain('<script>alert(1)');
    expect(text).not.toContain('<img src=x');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;Breaking');
    expect(text).not.toMatch(/<script/i);
  });

  it('renders a list item once per summary and form, and each form as it should be', () => {
    const site = { siteName: 'T', language: 'en', siteUrl: 'https://t.example' };
    const summary = { ...translatedArticle } as unknown as Parameters<typeof articleItem>[0];
    const item = articleItem(summary, site);
    expect(articleItem(summary, site)).toBe(item);
    expect(articleItem({ ...summary }, site).value).toBe(item.value);
    const h3 = articleItem(summary, site, 3, true);
    expect(h3.value).toContain('<h3>');
    expect(h3.value).toContain('Original headline');
    expect(item.value).not.toContain('Original headline');
    expect(articleItem(summary, { ...site, language: 'es' }).value).toContain('translated from español');
  });
});
