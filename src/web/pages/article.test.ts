import { describe, expect, it } from 'vitest';
import {
  documentOf,
  englishArticle,
  fakeArticle,
  testApp,
  translatedArticle,
  untranslatedArticle,
} from '../web.testkit.js';
import { usableCaption } from './article.js';

const path = translatedArticle.pagePath;

describe('article page', () => {
  it('shows the headline once, subtitle, byline, date and the source linked to the original', async () => {
    const res = await testApp().app.request(path);
    expect(res.status).toBe(200);
    const doc = await documentOf(res);
    const h1s = doc.querySelectorAll('h1');
    expect(h1s).toHaveLength(1);
    expect(h1s[0]!.textContent).toBe('Valencia approves its new mobility plan');
    expect(doc.querySelector('.subtitle')!.textContent).toBe('The works begin in September');
    expect(doc.querySelector('.byline')!.textContent).toBe('Ana García');
    expect(doc.querySelector('article header time')!.getAttribute('datetime')).toBe('2024-05-07T08:15:00.000Z');
    const source = doc.querySelector(`a[href="${translatedArticle.url}"]`)!;
    expect(source.textContent).toBe('Diario de Ejemplo');
    expect(source.getAttribute('rel')).toContain('noopener');
    expect(source.parentElement!.textContent).toContain('Source: Diario de Ejemplo');
  });

  it('links the canonical address to our page', async () => {
    const doc = await documentOf(await testApp().app.request(`${path}?view=both`));
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`https://news.test${path}`);
  });

  it('says who translated it from which language', async () => {
    const doc = await documentOf(await testApp().app.request(path));
    expect(doc.querySelector('.note')!.textContent).toContain('Translated from Spanish by Apertium 3.8');
    expect(doc.querySelector('.body')!.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('.body')!.textContent).toContain('Valencia City Council approved');
  });

  it('shows the original text with its language under ?view=original', async () => {
    const doc = await documentOf(await testApp().app.request(`${path}?view=original`));
    const body = doc.querySelector('.body')!;
    expect(body.getAttribute('lang')).toBe('es');
    expect(body.textContent).toContain('El Ayuntamiento de Valencia aprobó');
    expect(body.textContent).not.toContain('City Council');
    const h1 = doc.querySelector('h1')!;
    expect(h1.textContent).toBe('Valencia aprueba su nuevo plan de movilidad');
    expect(h1.getAttribute('lang')).toBe('es');
    expect(doc.querySelector('[aria-current="page"]')!.textContent).toBe('Original');
  });

  it('shows both texts side by side, aligned by paragraph, each column with lang and dir', async () => {
    const doc = await documentOf(await testApp().app.request(`${path}?view=both`));
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    const rows = [...doc.querySelectorAll('table.bilingual tbody tr')];
    // The titles, the subtitles (they were missing from this view), then the paragraphs.
    expect(rows).toHaveLength(2 + translatedArticle.original.paragraphs.length);
    const subtitles = doc.querySelectorAll('table.bilingual tr.subtitles td');
    expect([...subtitles].map((td) => td.textContent)).toEqual([
      translatedArticle.original.subtitle,
      translatedArticle.translation!.subtitle,
    ]);
    expect(translatedArticle.original.subtitle).toBeTruthy();
    for (const row of rows) {
      const cells = row.querySelectorAll('td');
      expect(cells).toHaveLength(2);
      expect([cells[0]!.getAttribute('lang'), cells[1]!.getAttribute('lang')]).toEqual(['es', 'en']);
      expect([cells[0]!.getAttribute('dir'), cells[1]!.getAttribute('dir')]).toEqual(['ltr', 'ltr']);
    }
    const second = rows[3]!.querySelectorAll('td');
    expect(second[0]!.textContent).toBe(translatedArticle.original.paragraphs[1]);
    expect(second[1]!.textContent).toBe(translatedArticle.translation!.paragraphs[1]);
  });

  it('marks a right-to-left original with dir="rtl" in the side-by-side view', async () => {
    const { pagePath: _unused, ...rest } = translatedArticle;
    const arabic = fakeArticle({
      ...rest,
      id: 5,
      title: translatedArticle.title,
      original: { title: 'عنوان', subtitle: null, html: '<p>فقرة</p>', paragraphs: ['فقرة'], language: 'ar' },
      language: 'ar',
      translatedFrom: 'ar',
    });
    const doc = await documentOf(await testApp({ articles: [arabic] }).app.request(`${arabic.pagePath}?view=both`));
    const cells = doc.querySelectorAll('table.bilingual tbody tr td');
    expect([cells[0]!.getAttribute('lang'), cells[0]!.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect([cells[1]!.getAttribute('lang'), cells[1]!.getAttribute('dir')]).toEqual(['en', 'ltr']);
    expect(doc.querySelector('.note')!.textContent).toContain('Translated from Arabic');
  });

  it('names the model and a pivot, in the note and the side-by-side view, and the names put back', async () => {
    const { pagePath: _unused, ...rest } = translatedArticle;
    const german = fakeArticle({ ...rest, id: 6, language: 'de', translatedFrom: 'de' });
    german.original = { ...german.original, language: 'de' };
    german.translation = {
      ...german.translation!,
      engine: 'neural',
      engineVersion: '2020-02-26',
      model: 'opus-mt-de-en',
      via: null,
      nameRepairs: 2,
      unrepairedNames: 0,
    };
    const pivoted = fakeArticle({ ...rest, id: 7, language: 'pt', translatedFrom: 'pt' });
    pivoted.original = { ...pivoted.original, language: 'pt' };
    pivoted.translation = { ...pivoted.translation!, engineVersion: '3.8.3', via: 'es', model: null };
    const app = testApp({ articles: [german, pivoted] }).app;

    const note = (await documentOf(await app.request(german.pagePath))).querySelector('.note')!.textContent;
    expect(note).toBe(
      'Translated from German by OPUS-MT (opus-mt-de-en, version 2020-02-26). Machine translation may contain ' +
        'mistakes. 2 names the engine changed or left out were put back.',
    );
    const original = await documentOf(await app.request(`${german.pagePath}?view=original`));
    expect(original.querySelector('.note')!.textContent).not.toContain('put back');

    const both = await documentOf(await app.request(`${pivoted.pagePath}?view=both`));
    expect(both.querySelector('.note')!.textContent).toContain(
      'Translated from Portuguese via Spanish by Apertium 3.8.3.',
    );
    expect(both.querySelector('table.bilingual caption')!.textContent).toBe(
      'Original and translation by Apertium 3.8.3, paragraph by paragraph',
    );
    expect([...both.querySelectorAll('table.bilingual th')].map((th) => th.textContent)).toEqual([
      'Portuguese (original)',
      'English (translation, via Spanish)',
    ]);
  });

  it('offers the three views as links, the current one marked', async () => {
    const doc = await documentOf(await testApp().app.request(path));
    const hrefs = [...doc.querySelectorAll('.views a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([`${path}?view=translation`, `${path}?view=original`, `${path}?view=both`]);
    expect(doc.querySelector('.views [aria-current="page"]')!.textContent).toBe('Translation');
  });

  it('shows an untranslated foreign article in the original, with a note saying why', async () => {
    const doc = await documentOf(await testApp().app.request(untranslatedArticle.pagePath));
    expect(doc.querySelector('.body')!.getAttribute('lang')).toBe('fr');
    const note = doc.querySelector('.note')!.textContent;
    expect(note).toContain('original language, French');
    expect(note).toContain('Translation is off: install Apertium');
    expect(doc.querySelector('.views')).toBeNull();
  });

  it('adds no language note to an article already in the site language', async () => {
    const doc = await documentOf(await testApp().app.request(englishArticle.pagePath));
    expect(doc.querySelector('.note')).toBeNull();
  });

  it('lists other carriers and the source links under "From the source"', async () => {
    const doc = await documentOf(await testApp().app.request(path));
    const carried = doc.querySelector('section[aria-labelledby="carried-by"]')!;
    expect(carried.querySelector('h2')!.textContent).toBe('Also carried by');
    expect([...carried.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Agencia Ejemplo']);
    const related = doc.querySelector('section[aria-labelledby="from-source"]')!;
    expect(related.querySelector('h2')!.textContent).toBe('From the source');
    expect(related.querySelector('a')!.getAttribute('href')).toBe('https://diario.example.es/valencia/plan-anterior');
  });

  it('shows the image with a real caption and sized to avoid layout shift', async () => {
    const doc = await documentOf(await testApp().app.request(path));
    const img = doc.querySelector('figure img')!;
    expect(img.getAttribute('width')).toBeTruthy();
    expect(img.getAttribute('height')).toBeTruthy();
    expect(doc.querySelector('figcaption')!.textContent).toBe('The mayor during the session. Photo: J. Pérez');
    expect(doc.querySelector('figure')!.getAttribute('lang')).toBe('en');
  });

  it('shows the caption as the source wrote it in the original view, and when it was not translated', async () => {
    const original = await documentOf(await testApp().app.request(`${path}?view=original`));
    expect(original.querySelector('figcaption')!.textContent).toBe('La alcaldesa durante el pleno. Foto: J. Pérez');
    expect(original.querySelector('figure')!.getAttribute('lang')).toBe('es');
    const untranslatedCaption = fakeArticle({
      ...translatedArticle,
      translation: { ...translatedArticle.translation!, imageCaption: null },
    });
    const doc = await documentOf(
      await testApp({ articles: [untranslatedCaption] }).app.request(untranslatedCaption.pagePath),
    );
    expect(doc.querySelector('figcaption')!.textContent).toBe('La alcaldesa durante el pleno. Foto: J. Pérez');
    expect(doc.querySelector('figure')!.getAttribute('lang')).toBe('es');
  });

  it('never uses a file name as a caption', () => {
    expect(usableCaption('IMG_2041.jpg', 'https://x.example/IMG_2041.jpg')).toBeNull();
    expect(usableCaption('photo-final (2).JPEG', null)).toBeNull();
    expect(usableCaption('2041', null)).toBeNull();
    expect(usableCaption('Rescuers at the harbour', 'https://x.example/a.jpg')).toBe('Rescuers at the harbour');
    expect(usableCaption('IMG_20261112_0934.jpg Foto: Diario del Sur', null)).toBe('Foto: Diario del Sur');
    expect(usableCaption('IMG_1.jpg 2024', null)).toBeNull();
  });

  it('redirects /article/:id and a wrong slug to the one address, keeping the query', async () => {
    const { app } = testApp();
    const bare = await app.request('/article/1');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(path);
    const wrong = await app.request('/article/1/old-title?view=both');
    expect(wrong.status).toBe(301);
    expect(wrong.headers.get('location')).toBe(`${path}?view=both`);
  });

  it('answers an HTML 404 for a missing or malformed id', async () => {
    const { app } = testApp();
    for (const url of ['/article/999/x', '/article/abc', '/article/0']) {
      const res = await app.request(url);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('escapes a hostile title and refuses script URLs', async () => {
    const hostile = fakeArticle({
      id: 7,
      title: '<script>alert(1)</script>',
      url: 'javascript:alert(2)',
      byline: '"><b>x</b>',
    });
    const { app } = testApp({ articles: [hostile] });
    const text = await (await app.request(hostile.pagePath)).text();
    expect(text).toContain('<h1 lang="en" dir="ltr">&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(text).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; — Happenings Test</title>');
    // The one script element is JSON-LD data (never run), whose text cannot contain "<".
    expect(text.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '')).not.toMatch(/<script/i);
    expect(text).not.toContain('javascript:');
    expect(text).not.toContain('<b>x</b>');
  });
});
