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

  describe('answers held in memory', () => {
    /** A real server over the app, and the raw bytes of one GET (or HEAD) of `path`. */
    async function serve(images: Images) {
      const app = createWebApp({ data: fakeSiteData(), siteName: 'T', language: 'en', images });
      const server = await startWebServer(app, { port: 0, host: '127.0.0.1' });
      const get = async (path: string, init: RequestInit = {}) => {
        const res = await fetch(server.url + path, init);
        return { res, bytes: Buffer.from(await res.arrayBuffer()) };
      };
      return { server, get };
    }

    it('sends the same bytes and headers as the route, Content-Length and an immutable Cache-Control included', async () => {
      const { publisher, images, dir } = await setUp({ '/h.jpg': { type: 'image/jpeg', body: await jpeg(900, 500) } });
      const { server, get } = await serve(images);
      try {
        const path = images.pathOf(publisher.url('/h.jpg'), 400);
        const first = await get(path); // a miss: the route fetches, writes and keeps it
        // The file removed behind the cache's back: only memory can answer now.
        for (const file of readdirSync(dir).filter((f) => f.endsWith('-400.webp'))) rmSync(join(dir, file));
        const hot = await get(path);
        expect(hot.res.status).toBe(200);
        expect(hot.bytes.equals(first.bytes)).toBe(true);
        expect(hot.res.headers.get('content-length')).toBe(String(hot.bytes.length));
        expect(hot.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        for (const name of [
          'content-type',
          'etag',
          'content-security-policy',
          'x-content-type-options',
          'referrer-policy',
        ])
          expect(hot.res.headers.get(name), name).toBe(first.res.headers.get(name));
        const head = await get(path, { method: 'HEAD' });
        expect([head.res.status, head.bytes.length]).toEqual([200, 0]);
        expect(head.res.headers.get('content-length')).toBe(String(hot.bytes.length));
      } finally {
        await server.close();
      }
    });

    it('answers 304 to If-None-Match naming its tag, alone, in a list or weak; 200 to another tag', async () => {
      const { publisher, images } = await setUp({ '/e.jpg': { type: 'image/jpeg', body: await jpeg(600, 400) } });
      const { server, get } = await serve(images);
      try {
        const path = images.pathOf(publisher.url('/e.jpg'), 160);
        const etag = (await get(path)).res.headers.get('etag')!;
        expect(images.hotAnswer(path)).not.toBeNull();
        for (const header of [etag, `"other", ${etag}`, `W/${etag}`, '*']) {
          const { res, bytes } = await get(path, { headers: { 'if-none-match': header } });
          expect([res.status, bytes.length], header).toEqual([304, 0]);
          expect(res.headers.get('etag')).toBe(etag);
          expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        }
        expect((await get(path, { headers: { 'if-none-match': '"other"' } })).res.status).toBe(200);
      } finally {
        await server.close();
      }
    });

    it('holds at most its bytes, least recently used out first', async () => {
      // One picture under 160 px at twelve addresses: every answer is the same size (never enlarged).
      const picture = await jpeg(150, 100);
      const bodies: Record<string, { type: string; body: Buffer }> = {};
      for (let i = 1; i <= 12; i += 1) bodies[`/${i}.jpg`] = { type: 'image/jpeg', body: picture };
      const probe = await setUp({ '/1.jpg': bodies['/1.jpg']! });
      await probe.get(probe.images.pathOf(probe.publisher.url('/1.jpg'), 160));
      const answer = probe.images.memoryBytes() / 3;
      expect(probe.images.memoryBytes()).toBe(probe.images.cachedBytes());

      // Room for 31 answers; twelve images make 36: the five least recently used go (1 at 400 and
      // 800 px, then 2's three), not 1 at 160 px, answered again after 2 was stored.
      const memoryBytes = answer * 31;
      const { publisher, images } = await setUp(bodies, { memoryBytes });
      const { server, get } = await serve(images);
      try {
        const path = (i: number, width: 160 | 400 | 800 = 160) => images.pathOf(publisher.url(`/${i}.jpg`), width);
        for (const i of [1, 2]) expect((await get(path(i))).res.status).toBe(200);
        expect((await get(path(1))).res.status).toBe(200); // answered from memory: 1 at 160 px is now the newest
        for (let i = 3; i <= 12; i += 1) expect((await get(path(i))).res.status).toBe(200);
        expect(images.memoryBytes()).toBe(memoryBytes);
        expect(images.hotAnswer(path(1))).not.toBeNull();
        expect([images.hotAnswer(path(1, 400)), images.hotAnswer(path(2)), images.hotAnswer(path(2, 800))]).toEqual([
          null,
          null,
          null,
        ]);
        for (const width of [160, 400, 800] as const) expect(images.hotAnswer(path(12, width))).not.toBeNull();
        // An answer out of memory is still given, from its file, and held again.
        expect((await get(path(2))).res.status).toBe(200);
        expect(images.hotAnswer(path(2))).not.toBeNull();
      } finally {
        await server.close();
      }
    });

    it('marks the file of an answer from memory used, so the disk cache keeps what readers see most', async () => {
      const picture = await jpeg(150, 100);
      const bodies: Record<string, { type: string; body: Buffer }> = {};
      for (let i = 1; i <= 4; i += 1) bodies[`/${i}.jpg`] = { type: 'image/jpeg', body: picture };
      const probe = await setUp({ '/1.jpg': bodies['/1.jpg']! });
      await probe.get(probe.images.pathOf(probe.publisher.url('/1.jpg'), 160));
      // Files for three and a half images (ten files of twelve, all one size); memory for all.
      const { publisher, images } = await setUp(bodies, { maxBytes: Math.floor(probe.images.cachedBytes() * 3.5) });
      const { server, get } = await serve(images);
      try {
        const url = (i: number) => publisher.url(`/${i}.jpg`);
        for (const i of [1, 2]) await get(images.pathOf(url(i), 160));
        for (const width of [160, 400, 800] as const)
          expect(images.hotAnswer(images.pathOf(url(1), width))).not.toBeNull();
        for (const i of [3, 4]) await get(images.pathOf(url(i), 160));
        // Image 1 was answered from memory after 2 was written: 2's files went first (those not asked
        // for: 400 and 800 px), 1's stay named on pages.
        for (const width of [160, 400, 800] as const)
          expect(images.src(url(1), width), `1 at ${width}`).toBe(images.pathOf(url(1), width));
        expect([images.src(url(2), 400), images.src(url(2), 800)]).toEqual([null, null]);
      } finally {
        await server.close();
      }
    });

    it('holds nothing with no memory, nor an answer over an eighth of it; a forged address never reaches it', async () => {
      for (const memoryBytes of [0, 8000]) {
        const { publisher, images, get } = await setUp(
          { '/z.jpg': { type: 'image/jpeg', body: await jpeg(300, 200) } },
          { memoryBytes },
        );
        const path = images.pathOf(publisher.url('/z.jpg'), 160);
        expect((await get(path)).status).toBe(200);
        expect((await get(path)).status).toBe(200); // from the file
        expect([images.memoryBytes(), images.hotAnswer(path)]).toEqual([0, null]);
      }
      const { publisher, images, get } = await setUp({ '/z.jpg': { type: 'image/jpeg', body: await jpeg(300, 200) } });
      const path = images.pathOf(publisher.url('/z.jpg'), 160);
      expect((await get(path)).status).toBe(200);
      expect((await get(path.replace(/\/img\/160\/[^/]+/, '/img/160/AAAAAAAAAAAAAAAAAAAAAA'))).status).toBe(404);
    });
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
