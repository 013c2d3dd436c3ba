/**
 * The image route end to end: a publisher on loopback serving real images (made here with sharp),
 * the project's fetcher, the disk cache, and the site's app answering /img.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { reply, useLoopbackFetch } from '../../pipeline/fetch/loopback.testkit.js';
import type { Fetcher } from '../../pipeline/fetch/index.js';
import { createWebApp } from '../app.js';
import { startWebServer } from '../server.js';
import { fakeSiteData } from '../web.testkit.js';
import { Images, type ImageOptions } from './images.js';

const loopback = useLoopbackFetch();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A photograph-like JPEG: a gradient with noise, so it does not compress to nothing. */
async function jpeg(width: number, height: number, seed = 1): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = ((i * seed) % 251) ^ ((i >> 7) & 0xff);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function setUp(
  bodies: Record<string, { type: string; body: Uint8Array | string }>,
  over: Partial<ImageOptions> = {},
  fetcher?: Fetcher,
) {
  const publisher = await loopback.publisher((req, res) => {
    const found = bodies[req.url ?? ''];
    if (!found) return reply(res, 404, { 'content-type': 'text/plain' }, 'no');
    reply(res, 200, { 'content-type': found.type }, found.body);
  });
  const dir = mkdtempSync(join(tmpdir(), 'happenings-images-'));
  dirs.push(dir);
  const images = await Images.open({
    dir,
    maxBytes: 10 * 1024 * 1024,
    fetcher: fetcher ?? loopback.fetcher(),
    ...over,
  });
  const app = createWebApp({
    data: fakeSiteData(),
    siteName: 'T',
    language: 'en',
    siteUrl: 'https://news.test',
    images,
  });
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
  return { publisher, images, get, dir, fetched: () => publisher.pages().map((r) => r.path) };
}

describe('image route', () => {
  it('serves a publisher JPEG as WebP at the fixed widths, fetched once, with long cache headers', async () => {
    const photo = await jpeg(1200, 675);
    const { publisher, images, get, fetched } = await setUp({ '/photo.jpg': { type: 'image/jpeg', body: photo } });
    const url = publisher.url('/photo.jpg');

    const first = await get(images.pathOf(url, 400));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/webp');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(first.headers.get('content-security-policy')).toContain("img-src 'self' data:");
    const meta = await sharp(Buffer.from(await first.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([400, 225]);

    // Every width was made from the one fetch; a repeat and another width fetch nothing more.
    const again = await get(images.pathOf(url, 400));
    const small = await get(images.pathOf(url, 160));
    expect(again.status).toBe(200);
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(160);
    expect(fetched()).toEqual(['/photo.jpg']);

    const revalidated = await get(images.pathOf(url, 400), { 'if-none-match': first.headers.get('etag')! });
    expect(revalidated.status).toBe(304);
  });

  it('answers an image held in memory before the app, with the same headers, over a real server', async () => {
    const { publisher, images } = await setUp({ '/r.jpg': { type: 'image/jpeg', body: await jpeg(800, 450) } });
    const app = createWebApp({ data: fakeSiteData(), siteName: 'T', language: 'en', images });
    const server = await startWebServer(app, { port: 0, host: '127.0.0.1' });
    try {
      const path = images.pathOf(publisher.url('/r.jpg'), 160);
      expect(images.hotAnswer(path)).toBeNull(); // not fetched yet: the route fetches it
      const first = await fetch(server.url + path);
      const firstBytes = Buffer.from(await first.arrayBuffer());
      expect(images.hotAnswer(path)).not.toBeNull(); // now in memory: the raw path answers
      const second = await fetch(server.url + path);
      expect(Buffer.from(await second.arrayBuffer()).equals(firstBytes)).toBe(true);
      for (const name of ['content-type', 'cache-control', 'etag', 'content-security-policy', 'x-content-type-options'])
        expect(second.headers.get(name), name).toBe(first.headers.get(name));
      const again = await fetch(server.url + path, { headers: { 'if-none-match': second.headers.get('etag')! } });
      expect(again.status).toBe(304);
      expect(images.hotAnswer(path.replace('/img/160/', '/img/400/'))).not.toBeNull();
      expect(images.hotAnswer(path.replace(/\/img\/160\/[^/]+/, '/img/160/AAAAAAAAAAAAAAAAAAAAAA'))).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('shares its signing key with every process opening the same directory, even at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'happenings-images-'));
    dirs.push(dir);
    const fetcher = loopback.fetcher();
    const opened = await Promise.all(Array.from({ length: 4 }, () => Images.open({ dir, maxBytes: 1e6, fetcher })));
    const paths = new Set(opened.map((images) => images.pathOf('https://p.example/a.jpg', 400)));
    expect(paths.size).toBe(1);
    expect(readdirSync(dir)).toEqual(['.key']);
  });

  it('never enlarges a small image', async () => {
    const { publisher, images, get } = await setUp({ '/s.jpg': { type: 'image/jpeg', body: await jpeg(120, 80) } });
    const res = await get(images.pathOf(publisher.url('/s.jpg'), 800));
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(120);
  });

  it('refuses a body that is not an image (HTML, script, SVG, junk) and remembers it: no refetch', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
    const { publisher, images, get, fetched } = await setUp({
      '/page.jpg': { type: 'image/jpeg', body: '<!doctype html><html><body>Not found</body></html>' },
      '/x.png': { type: 'image/png', body: 'alert(document.cookie)' },
      '/logo.svg': { type: 'image/svg+xml', body: svg },
      '/junk.jpg': {
        type: 'image/jpeg',
        body: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(300_000, 7)]),
      },
    });
    for (const path of ['/page.jpg', '/x.png', '/logo.svg', '/junk.jpg']) {
      const url = publisher.url(path);
      const res = await get(images.pathOf(url, 160));
      expect(res.status, path).toBe(404);
      expect(await res.text()).toMatch(/not a JPEG|unreadable jpeg/);
      expect((await get(images.pathOf(url, 400))).status).toBe(404);
      expect(images.src(url, 160)).toBeNull();
    }
    await images.whenIdle();
    expect(fetched()).toEqual(['/page.jpg', '/x.png', '/logo.svg', '/junk.jpg']);
  });

  it('refuses an image larger than the source cap, once', async () => {
    const { publisher, images, get, fetched } = await setUp(
      { '/big.jpg': { type: 'image/jpeg', body: await jpeg(1600, 900) } },
      { maxSourceBytes: 20_000 },
    );
    const url = publisher.url('/big.jpg');
    const res = await get(images.pathOf(url, 800));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('larger than 20000 bytes');
    expect((await get(images.pathOf(url, 800))).status).toBe(404);
    expect(fetched()).toEqual(['/big.jpg']);
  });

  it('refuses a private address unless it is allowed', async () => {
    const strict = loopback.fetcher({ allowPrivate: [] });
    const { publisher, images, get, fetched } = await setUp(
      { '/p.jpg': { type: 'image/jpeg', body: await jpeg(100, 100) } },
      {},
      strict,
    );
    const res = await get(images.pathOf(publisher.url('/p.jpg'), 160));
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/private|loopback|not allowed|refused/i);
    expect(fetched()).toEqual([]);
  });

  it('answers 404 without fetching for an address this site did not sign, or a width it does not make', async () => {
    const { publisher, images, get, fetched } = await setUp({
      '/a.jpg': { type: 'image/jpeg', body: await jpeg(100, 100) },
    });
    const url = publisher.url('/a.jpg');
    const signed = images.pathOf(url, 400);
    const forged = signed.replace(/\/img\/400\/[^/]+\//, '/img/400/AAAAAAAAAAAAAAAAAAAAAA/');
    expect((await get(forged)).status).toBe(404);
    expect((await get(signed.replace('/img/400/', '/img/401/'))).status).toBe(404);
    const other = images.pathOf(publisher.url('/b.jpg'), 400).split('/')[4]!;
    expect((await get(signed.replace(/[^/]+$/, other))).status).toBe(404); // a signature for another source
    expect(fetched()).toEqual([]);
  });

  it('names an image on pages only once it is cached, fetching it in the background meanwhile', async () => {
    const { publisher, images, fetched } = await setUp({
      '/c.jpg': { type: 'image/jpeg', body: await jpeg(500, 300) },
    });
    const url = publisher.url('/c.jpg');
    expect(images.src(url, 160)).toBeNull();
    expect(images.src(url, 400)).toBeNull(); // queued once
    await images.whenIdle();
    expect(images.src(url, 160)).toBe(images.pathOf(url, 160));
    expect(fetched()).toEqual(['/c.jpg']);
    expect(images.src('javascript:alert(1)', 160)).toBeNull();
  });

  it('keeps the cache under its cap, least recently used out first', async () => {
    const bodies: Record<string, { type: string; body: Buffer }> = {};
    for (let i = 1; i <= 4; i += 1) bodies[`/${i}.jpg`] = { type: 'image/jpeg', body: await jpeg(900, 500, i + 2) };
    // Measure one image's files, then allow about two and a half.
    const probe = await setUp({ '/1.jpg': bodies['/1.jpg']! });
    await probe.get(probe.images.pathOf(probe.publisher.url('/1.jpg'), 160));
    const oneImage = probe.images.cachedBytes();
    expect(oneImage).toBeGreaterThan(1000);

    const cap = Math.floor(oneImage * 2.5);
    const { publisher, images, get, dir, fetched } = await setUp(bodies, { maxBytes: cap });
    const path = (i: number) => images.pathOf(publisher.url(`/${i}.jpg`), 160);
    for (const i of [1, 2]) expect((await get(path(i))).status).toBe(200);
    expect((await get(path(1))).status).toBe(200); // 1 is now used more recently than 2
    for (const i of [3, 4]) expect((await get(path(i))).status).toBe(200);
    expect(images.cachedBytes()).toBeLessThanOrEqual(cap);
    // Files go least recently used first: 1 at 160 px was read after 2 at 160 px was written, so it outlives it.
    const cached = (i: number, width: 160 | 400 | 800) => images.src(publisher.url(`/${i}.jpg`), width) !== null;
    expect(readdirSync(dir).filter((f) => f.endsWith('.webp')).length).toBeLessThan(12);
    expect([cached(4, 160), cached(4, 400), cached(4, 800)]).toEqual([true, true, true]);
    if (cached(2, 160)) expect(cached(1, 160)).toBe(true);
    // An evicted image is fetched again when a page asks for it.
    const gone = [1, 2, 3].find((i) => !cached(i, 160) || !cached(i, 800))!;
    expect(gone).toBeDefined();
    await images.whenIdle();
    expect(fetched()).toEqual(['/1.jpg', '/2.jpg', '/3.jpg', '/4.jpg', `/${gone}.jpg`]);
  });
});
