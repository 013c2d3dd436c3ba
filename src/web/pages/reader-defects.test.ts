/**
 * Issue 19's reader defects on the pages other than the front, each asserted on what was wrong:
 * source pages unlinked, untranslated lines unlabelled, "Tags:" in the source language under the
 * translation, "Read too", no section in the site's words.
 */
import { describe, expect, it } from 'vitest';
import { documentOf, fakeSources, testApp, translatedArticle, untranslatedArticle } from '../web.testkit.js';

describe('source pages are linked', () => {
  it('/sources links each source to its page, and to the publisher home as a second link', async () => {
    const doc = await documentOf(await testApp().app.request('/sources'));
    for (const source of fakeSources) {
      const row = [...doc.querySelectorAll('table.sources tbody tr')].find((r) =>
        r.textContent!.includes(source.name),
      )!;
      const links = [...row.querySelectorAll('td:first-child a')].map((a) => a.getAttribute('href'));
      expect(links).toEqual([`/source/${source.id}`, source.url]);
    }
  });

  it("links a list line's outlet to its source page", async () => {
    const articles = [{ ...translatedArticle, sourceId: 1 }];
    const doc = await documentOf(await testApp({ articles }).app.request('/search?q=Valencia'));
    const meta = doc.querySelector('main ol.list .meta')!;
    expect(meta.querySelector('a')!.getAttribute('href')).toBe('/source/1');
    expect(meta.querySelector('a')!.textContent).toBe(translatedArticle.site);
  });
});

describe('language labels in lists', () => {
  it('labels an untranslated line as translated ones are', async () => {
    const articles = [translatedArticle, untranslatedArticle];
    const doc = await documentOf(await testApp({ articles }).app.request('/'));
    const metas = [...doc.querySelectorAll('main ol.list .meta')].map((m) => m.textContent);
    expect(metas.some((m) => m!.endsWith('translated from Spanish'))).toBe(true);
    expect(metas.some((m) => m!.endsWith('Not translated · French'))).toBe(true);
  });
});

describe('the article page in the site language', () => {
  const path = translatedArticle.pagePath;

  it('shows no line of source-language tags under the translation; the original view keeps them', async () => {
    const { app } = testApp();
    const translated = await documentOf(await app.request(path));
    expect(translated.body.textContent).not.toContain('movilidad, ');
    expect([...translated.querySelectorAll('.meta')].some((m) => m.textContent!.startsWith('Tags'))).toBe(false);
    const original = await documentOf(await app.request(`${path}?view=original`));
    const tags = [...original.querySelectorAll('.meta')].find((m) => m.textContent!.startsWith('Tags'))!;
    expect(tags.textContent).toBe('Tags (Spanish): Valencia, movilidad');
    expect(tags.querySelector('span')!.getAttribute('lang')).toBe('es');
  });

  it('calls similar articles "Related", not "Read too"', async () => {
    const doc = await documentOf(await testApp().app.request(path));
    expect(doc.querySelector('#read-too')!.textContent).toBe('Related');
    expect(doc.body.textContent).not.toContain('Read too');
  });

  it("names the site's section, linked, and the publisher's own", async () => {
    const article = { ...translatedArticle, section: 'Internacional', sourceId: 1 };
    const doc = await documentOf(await testApp({ articles: [article] }).app.request(path));
    const meta = doc.querySelector('main article header .meta')!;
    expect(meta.querySelector('a[href="/section/world"]')!.textContent).toBe('World');
    expect(meta.textContent).toContain('(Internacional at Diario de Ejemplo)');
    expect(meta.querySelector('a[href="/source/1"]')).not.toBeNull();
  });
});

describe('section pages', () => {
  it('/section/:key lists the section in the site language, 404 for an unknown one', async () => {
    const articles = [
      { ...translatedArticle, section: 'Deportes' },
      { ...untranslatedArticle, section: 'Politique' },
    ];
    const { app } = testApp({ articles });
    const doc = await documentOf(await app.request('/section/sport'));
    expect(doc.querySelector('h1')!.textContent).toBe('Sport');
    expect([...doc.querySelectorAll('main ol.list h2 a')].map((a) => a.getAttribute('href'))).toEqual([
      translatedArticle.pagePath,
    ]);
    expect((await app.request('/section/cricket')).status).toBe(404);
  });
});
