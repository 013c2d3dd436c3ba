import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { HappeningsError } from '../errors.js';
import { startWebServer, takingTurns, type RunningServer } from './server.js';
import { createWebApp } from './app.js';
import { fakeSiteData, testApp, translatedArticle } from './web.testkit.js';

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
    // Readers behind a trusted proxy, each its own client: a client counts once per article per day.
    const data = fakeSiteData();
    const app = createWebApp({
      data,
      siteName: 'Happenings Test',
      language: 'en',
      siteUrl: 'https://news.test',
      trustedProxies: ['127.0.0.1'],
    });
    running = await startWebServer(app, { port: 0, host: '127.0.0.1' });
    const reader = { 'user-agent': 'Mozilla/5.0 Firefox/128.0', 'x-forwarded-for': '192.0.2.1' };
    const first = await fetch(`${running.url}${translatedArticle.pagePath}`, { headers: reader });
    const rendered = await first.text();
    const second = await fetch(`${running.url}${translatedArticle.pagePath}`, {
      headers: { ...reader, 'x-forwarded-for': '192.0.2.2' },
    });
    expect(await second.text()).toBe(rendered);
    for (const name of ['etag', 'content-type', 'content-security-policy', 'cache-control']) {
      expect(second.headers.get(name), name).toBe(first.headers.get(name));
    }
    const revalidated = await fetch(`${running.url}${translatedArticle.pagePath}`, {
      headers: { ...reader, 'if-none-match': first.headers.get('etag')! },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(first.headers.get('etag'));
    // Two 200s for a reader, the 304 not counted; a crawler's hit not counted either.
    await fetch(`${running.url}${translatedArticle.pagePath}`, { headers: { 'user-agent': 'Googlebot/2.1' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(data.views).toEqual([translatedArticle.id, translatedArticle.id]);
    // With a cookie the request goes through the app (the admin's session must never see a shared copy).
    const withCookie = await fetch(`${running.url}${translatedArticle.pagePath}`, {
      headers: { ...reader, 'x-forwarded-for': '192.0.2.3', cookie: 'a=b' },
    });
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

  it('takes requests one per turn of the event loop, in the order they came', async () => {
    const handled: string[] = [];
    const handle = takingTurns((req) => void handled.push(req.url!));
    for (const url of ['/a', '/b', '/c']) handle({ url } as IncomingMessage, {} as ServerResponse);
    expect(handled).toEqual([]); // never inside the turn that read them
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).toEqual(['/a']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handled).toEqual(['/a', '/b', '/c']);
    handle({ url: '/d' } as IncomingMessage, {} as ServerResponse);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(handled).toEqual(['/a', '/b', '/c', '/d']);
  });

  it('under load, accepts every connection and answers each in turn (no socket served while others wait)', async () => {
    // A route that costs 2 ms of CPU, as a new search does; 60 keep-alive connections opened at once,
    // each asking again the moment it is answered. Node accepts one connection per event-loop turn:
    // handled inside long turns, most connections were answered once in the whole run, or never.
    const app = new Hono();
    app.get('/work', (c) => {
      const end = performance.now() + 2;
      while (performance.now() < end);
      return c.text('x'.repeat(4000));
    });
    running = await startWebServer(app, { port: 0, host: '127.0.0.1' });
    const port = Number(new URL(running.url).port);
    const answers = new Array<number>(60).fill(0);
    const until = performance.now() + 1500;
    await Promise.all(
      answers.map(
        (_, i) =>
          new Promise<void>((done, fail) => {
            const socket = connect(port, '127.0.0.1');
            let received = '';
            const ask = () =>
              performance.now() > until
                ? (socket.destroy(), done())
                : socket.write('GET /work HTTP/1.1\r\nHost: t\r\n\r\n');
            socket.on('connect', ask).on('error', fail);
            socket.on('data', (chunk) => {
              received += chunk.toString('latin1');
              const end = received.indexOf('\r\n\r\n');
              if (end < 0 || received.length < end + 4 + 4000) return;
              received = received.slice(end + 4 + 4000);
              answers[i]! += 1;
              ask();
            });
          }),
      ),
    );
    // 1.5 s / (60 × 2 ms) is ~12 answers each when they take turns.
    expect(Math.min(...answers)).toBeGreaterThanOrEqual(3);
  });
});
