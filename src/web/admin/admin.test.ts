import { describe, expect, it } from 'vitest';
import { createWebApp } from '../app.js';
import { documentOf, fakeSiteData } from '../web.testkit.js';
import type { AdminOps, AdminSource } from './admin-data.js';
import { hashPassword, verifyPassword } from './auth.js';
import { privateHostNote } from './routes.js';

function fakeOps() {
  const calls: string[] = [];
  const sources: AdminSource[] = [
    {
      id: 1,
      name: 'Diario',
      url: 'https://diario.example.es/',
      feedUrls: ['https://diario.example.es/rss'],
      language: 'es',
      paused: false,
      excerptOnly: false,
      translate: true,
      bodySelector: '.story',
      articleCount: 3,
      lastSuccessAt: null,
      errorCount: 2,
      lastError: 'HTTP 503',
      lastErrorCode: 'http-status',
    },
  ];
  const ops: AdminOps = {
    sources: async () => sources,
    addSource: async (input) => (
      calls.push(`add ${input.url} ${input.language}`),
      { name: 'new.example', created: true }
    ),
    importOpml: async (text) => (calls.push(`import ${text.length}`), { added: 2, known: 1 }),
    updateSource: async (id, s) => (calls.push(`update ${id} ${JSON.stringify(s)}`), id === 1),
    itemErrors: async () => [
      {
        id: 1,
        url: 'https://diario.example.es/broken',
        stage: 'extract',
        code: 'no-article',
        message: 'no article',
        attempts: 2,
        lastAt: '2024-05-07T10:00:00Z',
      },
    ],
    retryItem: async (url) => void calls.push(`retry ${url}`),
    translationStatus: async () => ['apertium: not installed'],
    translationRoutes: async () => [
      'de → en: neural opus-mt-de-en (rev 1a2b3c4)',
      'ru → en: none (install a model: happenings models add ru-en)',
    ],
    models: async () => [
      {
        pair: 'de-en',
        sizeBytes: 105_300_000,
        repo: 'Xenova/opus-mt-de-en',
        revision: '1a2b3c4d5e6f7a8b',
        licence: 'CC-BY-4.0 (OPUS-MT, Helsinki-NLP)',
        installedAt: '2026-12-07T01:00:00.000Z',
      },
    ],
    retranslateSource: async (id) => (calls.push(`retranslate ${id}`), id === 1),
  };
  return { ops, calls };
}

function adminApp() {
  const { ops, calls } = fakeOps();
  const app = createWebApp({
    data: fakeSiteData(),
    siteName: 'H',
    language: 'en',
    siteUrl: 'https://news.test',
    admin: { ops, password: 'correct horse' },
  });
  return { app, calls };
}

const ORIGIN = 'http://localhost';

async function login(app: ReturnType<typeof adminApp>['app']) {
  const res = await app.request('/admin/login', {
    method: 'POST',
    body: new URLSearchParams({ password: 'correct horse' }),
    headers: { Origin: ORIGIN },
  });
  const cookie = res.headers.get('set-cookie')!;
  const doc = await documentOf(await app.request('/admin', { headers: { Cookie: cookie.split(';')[0]! } }));
  const csrf = doc.querySelector('input[name="csrf"]')!.getAttribute('value')!;
  return { res, cookie: cookie.split(';')[0]!, setCookie: cookie, csrf, doc };
}

describe('admin', () => {
  it('hashes the password with scrypt and verifies it', async () => {
    const hash = hashPassword('secret');
    expect(await verifyPassword(hash, 'secret')).toBe(true);
    expect(await verifyPassword(hash, 'Secret')).toBe(false);
  });

  it('asks for the password, refuses a wrong one, and sets a strict HttpOnly session cookie', async () => {
    const { app } = adminApp();
    const page = await documentOf(await app.request('/admin'));
    expect(page.querySelector('input[type="password"]')).not.toBeNull();
    const wrong = await app.request('/admin/login', {
      method: 'POST',
      body: new URLSearchParams({ password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const { res, setCookie, doc } = await login(app);
    expect(res.status).toBe(303);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/admin/);
    expect(doc.querySelector('h1')!.textContent).toBe('Admin');
    expect(doc.body.textContent).toContain('apertium: not installed');
    expect(doc.body.textContent).toContain('HTTP 503');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('marks the cookie Secure over https', async () => {
    const { app } = adminApp();
    const res = await app.request('https://news.test/admin/login', {
      method: 'POST',
      body: new URLSearchParams({ password: 'correct horse' }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('adds a source only with the CSRF token, from this site, and says what happened', async () => {
    const { app, calls } = adminApp();
    const { cookie, csrf } = await login(app);
    const post = (body: Record<string, string>, origin = ORIGIN) =>
      app.request('/admin/sources', {
        method: 'POST',
        body: new URLSearchParams(body),
        headers: { Cookie: cookie, Origin: origin },
      });
    expect((await post({ url: 'https://new.example/feed' })).status).toBe(403);
    expect((await post({ url: 'https://new.example/feed', csrf }, 'https://evil.example')).status).toBe(403);
    expect(
      (await app.request('/admin/sources', { method: 'POST', body: new URLSearchParams({ url: 'x', csrf }) })).status,
    ).toBe(403);
    expect(calls).toEqual([]);
    const ok = await post({ url: 'https://new.example/feed', language: 'fr', csrf });
    expect(ok.status).toBe(303);
    expect(calls).toEqual(['add https://new.example/feed fr']);
    const after = await documentOf(await app.request('/admin', { headers: { Cookie: cookie } }));
    expect(after.querySelector('[role="status"]')!.textContent).toContain('Added new.example');
  });

  it("saves a source's section overrides, refuses a section the site has none of, and shows them back", async () => {
    const { app, calls } = adminApp();
    const { cookie, csrf } = await login(app);
    const post = (body: Record<string, string>) =>
      app.request('/admin/sources/1', {
        method: 'POST',
        body: new URLSearchParams({ csrf, ...body }),
        headers: { Cookie: cookie },
      });
    await post({ sectionOverrides: 'Cricket = Wicket' });
    const refused = await documentOf(await app.request('/admin', { headers: { Cookie: cookie } }));
    expect(refused.querySelector('[role="status"]')!.textContent).toContain(
      '"Wicket" is not one of the site\'s sections',
    );
    expect(refused.querySelector('#s1-sections')).not.toBeNull();
    await post({ sectionOverrides: 'Deportes = Sport; * = local' });
    expect(calls.at(-1)).toContain('"sectionOverrides":"{\\"deportes\\":\\"sport\\",\\"*\\":\\"local\\"}"');
    await post({ sectionOverrides: '' });
    expect(calls.at(-1)).toContain('"sectionOverrides":null');
    expect(calls).toHaveLength(2);
  });

  it('saves per-source settings, re-runs a failed page, imports OPML, logs out', async () => {
    const { app, calls } = adminApp();
    const { cookie, csrf } = await login(app);
    const post = (path: string, body: URLSearchParams | FormData) =>
      app.request(path, { method: 'POST', body, headers: { Cookie: cookie } });
    await post(
      '/admin/sources/1',
      new URLSearchParams({ csrf, language: 'ca', paused: '1', translate: '1', bodySelector: 'article .story-body' }),
    );
    await post('/admin/sources/1', new URLSearchParams({ csrf, bodySelector: 'div[' })); // not CSS: refused, nothing saved
    const refused = await documentOf(await app.request('/admin', { headers: { Cookie: cookie } }));
    expect(refused.querySelector('[role="status"]')!.textContent).toContain('not a CSS selector');
    expect(refused.querySelector('#s1-selector')!.getAttribute('value')).toBe('.story');
    await post('/admin/retry', new URLSearchParams({ csrf, url: 'https://diario.example.es/broken' }));
    const form = new FormData();
    form.set('csrf', csrf);
    form.set('opml', new File(['<opml version="2.0"></opml>'], 'feeds.opml', { type: 'text/xml' }));
    await post('/admin/import', form);
    expect(calls).toEqual([
      'update 1 {"language":"ca","paused":true,"excerptOnly":false,"translate":true,"bodySelector":"article .story-body"}',
      'retry https://diario.example.es/broken',
      'import 27',
    ]);
    await post('/admin/logout', new URLSearchParams({ csrf }));
    const doc = await documentOf(await app.request('/admin', { headers: { Cookie: cookie } }));
    expect(doc.querySelector('input[type="password"]')).not.toBeNull();
  });

  it('shows which engine serves each pair and the installed models, and queues a re-translation per source', async () => {
    const { app, calls } = adminApp();
    const { cookie, csrf, doc } = await login(app);
    expect([...doc.querySelectorAll('ul.routes li')].map((li) => li.textContent)).toEqual([
      'de → en: neural opus-mt-de-en (rev 1a2b3c4)',
      'ru → en: none (install a model: happenings models add ru-en)',
    ]);
    const row = doc.querySelector('caption + thead + tbody tr')!;
    expect(row.querySelector('th[scope="row"]')!.textContent).toBe('de-en');
    expect(row.textContent).toContain('105.3 MB');
    expect(row.textContent).toContain('Xenova/opus-mt-de-en 1a2b3c4');
    const button = doc.querySelector('form[action="/admin/sources/1/retranslate"] button')!;
    expect(button.textContent).toBe('Re-translate Diario');
    expect(doc.getElementById(button.getAttribute('aria-describedby')!)).not.toBeNull();
    const post = (path: string) =>
      app.request(path, {
        method: 'POST',
        body: new URLSearchParams({ csrf }),
        headers: { Cookie: cookie, Origin: ORIGIN },
      });
    expect((await post('/admin/sources/1/retranslate')).status).toBe(303);
    const after = await documentOf(await app.request('/admin', { headers: { Cookie: cookie } }));
    expect(after.querySelector('[role="status"]')!.textContent).toMatch(/re-translated in the background/);
    await post('/admin/sources/7/retranslate');
    const none = await documentOf(await app.request('/admin', { headers: { Cookie: cookie } }));
    expect(none.querySelector('[role="status"]')!.textContent).toBe('There is no source 7.');
    expect(calls).toEqual(['retranslate 1', 'retranslate 7']);
    // Without the CSRF token nothing is queued.
    await app.request('/admin/sources/1/retranslate', {
      method: 'POST',
      body: new URLSearchParams({}),
      headers: { Cookie: cookie, Origin: ORIGIN },
    });
    expect(calls).toHaveLength(2);
  });

  it('says so when a source is on this machine or a private network (issue 15)', () => {
    expect(privateHostNote('http://127.0.0.1:8080/feed')).toMatch(/127\.0\.0\.1 is a loopback or private address/);
    expect(privateHostNote('http://[::127.0.0.1]/feed')).toMatch(/loopback or private/);
    expect(privateHostNote('http://localhost/feed')).toMatch(/HAPPENINGS_ALLOW_PRIVATE/);
    expect(privateHostNote('http://10.1.2.3/')).not.toBe('');
    expect(privateHostNote('https://news.example.com/rss')).toBe('');
  });

  it('is off (404) without a configured password', async () => {
    const app = createWebApp({ data: fakeSiteData(), siteName: 'H', language: 'en' });
    expect((await app.request('http://x.test/admin')).status).toBe(404);
  });
});
