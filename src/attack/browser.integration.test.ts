/**
 * Every page type, in headless Chromium, over a site whose every stored field holds an XSS payload
 * (hostile-site.testkit.ts): no script may run, no dialog open, no page navigate away (a
 * <meta refresh>), and no script-capable markup (handlers, javascript: links, script, iframe,
 * object, embed, refresh) may be in any document, HTML, XML feed or JSON. CSP is bypassed on
 * purpose: the markup itself must be inert, CSP is the second lock. Fails when Chromium is missing.
 */
import { type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminOps } from '../web/admin/admin-data.js';
import { createWebApp } from '../web/app.js';
import { launchChromium } from '../web/chromium.testkit.js';
import { startWebServer, type RunningServer } from '../web/server.js';
import { hostileArticles, hostileSiteData } from './hostile-site.testkit.js';
import { XSS_PAYLOADS } from './payloads.testkit.js';

let server: RunningServer;
let browser: BrowserContext;

beforeAll(async () => {
  const app = createWebApp({
    data: hostileSiteData(),
    siteName: 'Happenings',
    language: 'en',
    pageCacheMs: 0,
    admin: { ops: {} as AdminOps, password: 'attack-suite' },
  });
  server = await startWebServer(app, { port: 0, host: '127.0.0.1' });
  browser = await launchChromium({ bypassCSP: true, viewport: false });
  // Images point at hosts that do not exist; answer them locally so nothing waits on DNS.
  await browser.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 404, body: '' }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const q = encodeURIComponent(XSS_PAYLOADS[1]!);
const PAGES = [
  '/',
  `/?section=${encodeURIComponent('section ' + XSS_PAYLOADS[0])}`,
  '/?lang=es',
  '/sources',
  '/source/1',
  '/source/2',
  `/search?q=${q}`,
  `/search?q=Body`,
  '/story/1',
  '/entity/1',
  '/about',
  '/admin',
  `/nothing/${q}`,
  '/feed.rss',
  '/feed.atom',
  '/feed.json',
  `/search/feed.rss?q=${q}`,
  '/source/1/feed.rss',
  '/story/1/feed.atom',
  '/api/v1/articles',
  '/api/v1/articles/2',
  // Every article in its default view; the other two views for every third (same fields, other layout).
  ...hostileArticles.flatMap((a, i) =>
    i % 3 ? [a.pagePath] : [a.pagePath, `${a.pagePath}?view=original`, `${a.pagePath}?view=both`],
  ),
];

/** What in the document could run script or take the reader elsewhere (evaluated inside the page). */
const SCRIPT_CAPABLE = `(() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    const name = el.localName;
    // Our one script element is JSON-LD data, which never runs; a payload breaking out of it would add another.
    const data = name === 'script' && el.getAttribute('type') === 'application/ld+json' && el.attributes.length === 1;
    if (!data && ['script', 'iframe', 'object', 'embed', 'frame', 'base'].includes(name)) found.push('<' + name + '>');
    if (name === 'meta' && el.getAttribute('http-equiv')) found.push('<meta http-equiv>');
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(name + '[' + attr.name + ']');
      if (/^(href|src|action|formaction|data|poster)$/i.test(attr.name) && /^\\s*(javascript|data|vbscript):/i.test(attr.value))
        found.push(name + '[' + attr.name + '=' + attr.value.slice(0, 30) + ']');
    }
  }
  return found;
})()`;

describe('attack: hostile stored content in Chromium', () => {
  it(`runs no script on ${PAGES.length} pages of every type`, async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const problems: string[] = [];
    for (const path of PAGES) {
      const url = `${server.url}${path}`;
      const answer = await page.goto(url, { waitUntil: 'load' });
      expect(answer, path).not.toBeNull();
      await page.waitForTimeout(30);
      const pwned = await page.evaluate('window.__pwned || 0');
      if (pwned) problems.push(`${path}: a script ran`);
      if (page.url() !== answer!.url()) problems.push(`${path}: navigated to ${page.url()}`);
      for (const what of (await page.evaluate(SCRIPT_CAPABLE)) as string[]) problems.push(`${path}: ${what}`);
    }
    await page.close();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
