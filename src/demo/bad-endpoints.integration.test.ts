import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBadPaths, demoHugeBytes, startDemoPublisher, type DemoPublisher } from './publisher.js';

let publisher: DemoPublisher;
let origin: string;
beforeAll(async () => {
  publisher = await startDemoPublisher();
  origin = publisher.origins[0]!;
});
afterAll(async () => {
  await publisher?.close();
});

const url = (path: string) => `${origin}${path}`;

describe('demo publisher: bad endpoints on outlet 1', () => {
  it('serves an HTML page where the broken feed should be', async () => {
    const response = await fetch(url(demoBadPaths.brokenFeed));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('answers 404 for the missing feed', async () => {
    const response = await fetch(url(demoBadPaths.missingFeed));
    expect(response.status).toBe(404);
    await response.arrayBuffer();
  });

  it('never answers /slow', async () => {
    const started = Date.now();
    await expect(fetch(url(demoBadPaths.slow), { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('streams /huge without a Content-Length (first megabyte read, then aborted)', async () => {
    const controller = new AbortController();
    const response = await fetch(url(demoBadPaths.huge), { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBeNull();
    const reader = response.body!.getReader();
    let bytes = 0;
    while (bytes < 1024 * 1024) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    controller.abort();
    expect(bytes).toBeGreaterThanOrEqual(1024 * 1024);
    expect(demoHugeBytes).toBe(50 * 1024 * 1024);
  });

  it('serves the latin1 page as windows-1252 bytes with the charset only in <meta>', async () => {
    const response = await fetch(url(demoBadPaths.latin1));
    expect(response.headers.get('content-type')).toBe('text/html');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.includes(0x93)).toBe(true); // “ in windows-1252
    expect(bytes.includes(0x80)).toBe(true); // €
    expect(bytes.includes(Buffer.from('ñ', 'utf8'))).toBe(false);
    const text = iconv.decode(bytes, 'windows-1252');
    expect(text).toContain('<meta charset="windows-1252">');
    expect(text).toContain('“Nunca habíamos empezado tan pronto”');
  });

  it('redirects /loop in a circle', async () => {
    const first = await fetch(url(demoBadPaths.redirectLoop), { redirect: 'manual' });
    expect(first.status).toBe(302);
    const next = new URL(first.headers.get('location')!, origin).href;
    const second = await fetch(next, { redirect: 'manual' });
    expect(second.status).toBe(301);
    expect(new URL(second.headers.get('location')!, origin).pathname).toBe(demoBadPaths.redirectLoop);
    await expect(fetch(url(demoBadPaths.redirectLoop))).rejects.toThrow();
  });

  it('serves the disallowed page (robots.txt, not the server, keeps crawlers out)', async () => {
    const robots = await (await fetch(url('/robots.txt'))).text();
    expect(robots).toContain('Disallow: /privado/');
    expect((await fetch(url(demoBadPaths.disallowed))).status).toBe(200);
  });

  it('serves the section index as teasers of the international articles, no article', async () => {
    const response = await fetch(url(demoBadPaths.sectionIndex));
    expect(response.status).toBe(200);
    const { document } = parseHTML(await response.text());
    const links = [...document.querySelectorAll('.teaser h2 a')].map(
      (a) => new URL(a.getAttribute('href')!, origin).href,
    );
    const international = publisher.pages.filter((p) => p.url.startsWith(`${origin}/internacional/`)).map((p) => p.url);
    expect(links.sort()).toEqual(international.sort());
    expect(links).toHaveLength(4);
    expect(document.querySelector('article.noticia')).toBeNull();
    expect(document.querySelector('script[type="application/ld+json"]')).toBeNull();
  });

  it('closes promptly even while /slow holds a connection open', async () => {
    const other = await startDemoPublisher();
    const pending = fetch(`${other.origins[0]}${demoBadPaths.slow}`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });
});
