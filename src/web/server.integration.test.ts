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
