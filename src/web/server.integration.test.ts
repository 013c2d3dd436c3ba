import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HappeningsError } from '../errors.js';
import { startWebServer, type RunningServer } from './server.js';
import { testApp, translatedArticle } from './testkit.js';

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

describe('startWebServer', () => {
  it('serves the app over HTTP on the port it reports, then closes', async () => {
    running = await startWebServer(testApp().app, { port: 0, host: '127.0.0.1' });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${running.url}${translatedArticle.pagePath}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1 lang="en" dir="ltr">Valencia approves its new mobility plan</h1>');
    const redirect = await fetch(`${running.url}/article/1`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    const health = await fetch(`${running.url}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true });
    const { url } = running;
    await running.close();
    running = null;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('answers a fresh cached page on node:http before Hono: same bytes and headers, 304 on its ETag, views still counted', async () => {
    const { app, data } = testApp();
    running = await startWebServer(app, { port: 0, host: '127.0.0.1' });
    const reader = { 'user-agent': 'Mozilla/5.0 Firefox/128.0' };
    const first = await fetch(`${running.url}${translatedArticle.pagePath}`, { headers: reader });
    const rendered = await first.text();
    const second = await fetch(`${running.url}${translatedArticle.pagePath}`, { headers: reader });
    expect(await second.text()).toBe(rendered);
    for (const name of ['etag', 'content-type', 'content-security-policy', 'cache-control']) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    }
    const revalidated = await fetch(`${running.url}${translatedArticle.pagePath}`, { headers: { ...reader, 'if-none-match': first.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(first.headers.get('etag'));
    // Two 200s for a reader, the 304 not counted; a crawler's hit not counted either.
    await fetch(`${running.url}${translatedArticle.pagePath}`, { headers: { 'user-agent': 'Googlebot/2.1' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(data.views).toEqual([translatedArticle.id, translatedArticle.id]);
    // With a cookie the request goes through the app (the admin's session must never see a shared copy).
    const withCookie = await fetch(`${running.url}${translatedArticle.pagePath}`, { headers: { ...reader, cookie: 'a=b' } });
    expect(withCookie.status).toBe(200);
    expect(data.views).toHaveLength(3);
  });

  it('fails with a clear error when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const attempt = startWebServer(testApp().app, { port, host: '127.0.0.1' });
      await expect(attempt).rejects.toBeInstanceOf(HappeningsError);
      await expect(attempt).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
