import { describe, expect, it, vi } from 'vitest';
import { HappeningsError } from '../errors.js';
import { createWebApp } from './app.js';
import { documentOf, fakeSiteData, testApp } from './web.testkit.js';

describe('layout', () => {
  it('sets the site language and puts the skip link first in <body>', async () => {
    const doc = await documentOf(await testApp().app.request('/'));
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    const firstLink = doc.querySelector('body a')!;
    expect(firstLink.textContent).toBe('Skip to content');
    expect(firstLink.getAttribute('href')).toBe('#main');
    const focusable = doc.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
    expect(focusable[0]).toBe(firstLink);
    const main = doc.querySelector('main')!;
    expect(main.getAttribute('id')).toBe('main');
    expect(main.getAttribute('tabindex')).toBe('-1');
    for (const landmark of ['header', 'nav', 'main', 'footer']) expect(doc.querySelector(landmark)).not.toBeNull();
  });

  it('uses the request origin for canonical links when no site URL is set', async () => {
    const app = createWebApp({ data: fakeSiteData(), siteName: 'H', language: 'fr' });
    const doc = await documentOf(await app.request('http://localhost:3000/sources'));
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('http://localhost:3000/sources');
    expect(doc.documentElement.getAttribute('lang')).toBe('fr');
  });

  it('sends a content security policy that forbids scripts', async () => {
    const res = await testApp().app.request('/');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // Our stylesheet only: no inline style, so a style attribute that slipped through would do nothing.
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self';");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('links one stylesheet, named by its content and cached a year, and sends it as is', async () => {
    const { app } = testApp();
    const doc = await documentOf(await app.request('/'));
    expect(doc.querySelector('style')).toBeNull();
    const href = doc.querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
    expect(href).toMatch(/^\/assets\/site\.[0-9a-f]{12}\.css$/);
    const css = await app.request(href);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=UTF-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const text = await css.text();
    expect(text).toContain('.list>li{');
    expect(text).not.toMatch(/&(quot|gt|lt|amp);/);
    expect((await app.request('/assets/site.000000000000.css')).status).toBe(404);
  });
});

/** Runs `fn` with stderr captured, so expected error logs neither clutter the run nor go unchecked. */
async function withStderr<T>(fn: () => Promise<T>): Promise<{ result: T; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { result: await fn(), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('/healthz', () => {
  it('answers 200 with the article count when healthy', async () => {
    const res = await testApp().app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true, articles: 3, store: 'memory' });
  });

  it('answers 503 when the store reports trouble or fails', async () => {
    const sick = await testApp({ health: { ok: false, articles: 3, details: { migrations: 'pending' } } }).app.request(
      '/healthz',
    );
    expect(sick.status).toBe(503);
    expect(((await sick.json()) as { ok: boolean }).ok).toBe(false);
    const failing = testApp({ health: () => Promise.reject(new Error('SQLITE_CANTOPEN')) });
    const { result: down, stderr } = await withStderr(async () => failing.app.request('/healthz'));
    expect(down.status).toBe(503);
    expect(stderr).toContain('SQLITE_CANTOPEN');
    expect(await down.text()).not.toContain('SQLITE_CANTOPEN');
  });
});

describe('errors become responses in one place', () => {
  function brokenApp() {
    const data = fakeSiteData();
    const secret = new Error('connection refused at /var/lib/secret.db');
    data.latestArticles = vi.fn(() => Promise.reject(secret));
    data.articleById = vi.fn(() => Promise.reject(new HappeningsError('store', 'store', 'database is locked')));
    return createWebApp({ data, siteName: 'H', language: 'en' });
  }

  it('renders an HTML 500 for pages without the stack or the message', async () => {
    const { result: res, stderr } = await withStderr(async () => brokenApp().request('/'));
    expect(res.status).toBe(500);
    expect(stderr).toContain('web: GET /: connection refused'); // the operator still learns why
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toContain('Something went wrong');
    expect(text).not.toContain('secret.db');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('renders JSON 500 for the API without internals', async () => {
    const { result: res } = await withStderr(async () => brokenApp().request('/api/v1/articles/1'));
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string };
    expect(body.error).not.toContain('locked');
  });

  it('renders an HTML 404 page for unknown paths, escaped', async () => {
    const res = await testApp().app.request('/no/<b>such</b>');
    expect(res.status).toBe(404);
    const doc = await documentOf(res);
    expect(doc.querySelector('h1')!.textContent).toBe('Page not found');
    expect(doc.querySelector('b')).toBeNull();
  });
});

describe('caching', () => {
  it('answers a conditional GET of an unchanged page with 304', async () => {
    const { app } = testApp();
    const first = await app.request('/');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await app.request('/', { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await again.text()).toBe('');
  });

  it('redirects a trailing slash to the page without it', async () => {
    const res = await testApp().app.request('/sources/');
    expect(res.status).toBe(301);
    expect(new URL(res.headers.get('location')!, 'http://x').pathname).toBe('/sources');
    const api = await testApp().app.request('/api/v1/sources/?limit=2');
    expect(api.status).toBe(301);
    expect(
      new URL(api.headers.get('location')!, 'http://x').pathname +
        new URL(api.headers.get('location')!, 'http://x').search,
    ).toBe('/api/v1/sources?limit=2');
    expect((await testApp().app.request('/sources/', { method: 'POST' })).status).toBe(404);
  });
});

describe('page cache wiring', () => {
  it('keeps searches (page, feed, API) from their second ask and other pages from their first', async () => {
    const { app, data } = testApp();
    const searched: string[] = [];
    const search = data.search.bind(data);
    data.search = (query) => (searched.push(query.q), search(query));
    for (let ask = 0; ask < 3; ask += 1) {
      for (const path of ['/search?q=harbour', '/search/feed.rss?q=storm', '/api/v1/search?q=river'])
        expect((await app.request(path)).status, path).toBe(200);
    }
    // Each rendered on its first and second ask, answered from the cache on the third.
    expect(searched.sort()).toEqual(['harbour', 'harbour', 'river', 'river', 'storm', 'storm']);
    const latest = vi.spyOn(data, 'latestArticles');
    await app.request('/');
    await app.request('/');
    expect(latest).toHaveBeenCalledTimes(1);
  });
});
