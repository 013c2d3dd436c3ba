import { parseFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { createServer } from 'node:net';
import robotsParserModule from 'robots-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOutlets } from './content/index.js';
import { startDemoPublisher, type DemoPublisher } from './publisher.js';

// robots-parser is CommonJS with an `export default` type; see src/pipeline/fetch/robots.ts.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

let publisher: DemoPublisher;
beforeAll(async () => {
  publisher = await startDemoPublisher();
});
afterAll(async () => {
  await publisher?.close();
});

const get = async (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });
const documentOf = async (url: string) => parseHTML(await (await get(url)).text()).document;
const feedOf = (outlet: string) => publisher.feeds.find((f) => f.outlet === outlet)!;

describe('demo publisher: origins and feeds', () => {
  it('serves six outlets, each on its own origin, with 22 article pages', () => {
    expect(publisher.origins).toHaveLength(6);
    expect(new Set(publisher.origins).size).toBe(6);
    expect(publisher.pages).toHaveLength(22);
    expect(new Set(publisher.pages.map((p) => p.language))).toEqual(new Set(['es', 'fr', 'de', 'pt', 'en']));
  });

  it.each([
    ['El Diario del Sur', /^application\/rss\+xml/, 'rss', 8],
    ['La Gaceta del Norte', /^application\/atom\+xml/, 'atom', 5],
    ['Morgenpost Rundschau', /^application\/rss\+xml/, 'rss', 2],
    ['Jornal da Tarde', /^application\/feed\+json/, 'json', 2],
    ['The Evening Ledger', /^application\/rss\+xml/, 'rss', 3],
  ])('serves %s as a %s feed that parses', async (outlet, type, format, count) => {
    const response = await get(feedOf(outlet).url);
    expect(response.headers.get('content-type')).toMatch(type);
    const parsed = parseFeed(await response.text());
    expect(parsed.format).toBe(format);
    const feed = parsed.feed as { items?: unknown[]; entries?: unknown[] };
    expect((feed.items ?? feed.entries)?.length).toBe(count);
  });

  it('serves Le Courrier du Matin as a news sitemap', async () => {
    const feed = feedOf('Le Courrier du Matin');
    expect(feed.kind).toBe('sitemap');
    const response = await get(feed.url);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const body = await response.text();
    expect(body.match(/<news:news>/g)).toHaveLength(2);
    expect(body.match(/<news:publication_date>[^<]+<\/news:publication_date>/g)).toHaveLength(2);
  });

  it('answers conditional requests with 304 (ETag and Last-Modified)', async () => {
    const url = feedOf('El Diario del Sur').url;
    const first = await get(url);
    await first.arrayBuffer();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await get(url, { 'if-none-match': etag })).status).toBe(304);
    expect((await get(url, { 'if-modified-since': lastModified })).status).toBe(304);
    const stale = await get(url, {
      'if-modified-since': new Date(Date.parse(lastModified) - 86_400_000).toUTCString(),
    });
    expect(stale.status).toBe(200);
    expect((await get(url, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('serves a robots.txt on every origin that allows all but /privado/', async () => {
    for (const origin of publisher.origins) {
      const robots = robotsParser(`${origin}/robots.txt`, await (await get(`${origin}/robots.txt`)).text());
      expect(robots.isAllowed(`${origin}/privado/x.html`, 'Happenings')).toBe(false);
      expect(robots.isAllowed(`${origin}/anything/else`, 'Happenings')).toBe(true);
    }
  });
});

describe('demo publisher: pages', () => {
  it('serves every article page with its headline in <h1>, og:title and a dated byline', async () => {
    for (const page of publisher.pages) {
      const response = await get(page.url);
      expect(response.status, page.url).toBe(200);
      const { document } = parseHTML(await response.text());
      expect(document.querySelector('h1')?.textContent).toBe(page.title);
      expect(document.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(page.title);
      expect(document.querySelector('time[datetime]')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(document.documentElement.getAttribute('lang')).toMatch(new RegExp(`^${page.language}`));
    }
  });

  it('prints the furniture of every outlet in its own language on every page', async () => {
    for (const page of publisher.pages) {
      const labels = demoOutlets.find((o) => o.name === page.outlet)!.labels;
      const html = await (await get(page.url)).text();
      for (const text of [
        labels.skip,
        ...labels.share,
        labels.mostRead,
        labels.newsletter,
        labels.cookies,
        labels.rights,
      ]) {
        expect(html, `${page.url}: ${text}`).toContain(text);
      }
    }
  });

  it('dresses El Diario del Sur pages in the furniture of a real news site', async () => {
    const page = publisher.pages.find((p) => p.outlet === 'El Diario del Sur' && p.title.startsWith('Putin'))!;
    const html = await (await get(page.url)).text();
    const { document } = parseHTML(html);
    expect(document.title).toBe(`${page.title} | Internacional | El Diario del Sur`);
    for (const property of ['og:description', 'og:image', 'og:site_name', 'article:published_time']) {
      expect(document.querySelector(`meta[property="${property}"]`), property).not.toBeNull();
    }
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: page.title, author: [{ name: 'Ana García' }] });
    expect(document.querySelector('.firma')?.textContent).toContain('Por Ana García');
    expect(document.querySelector('figcaption')?.textContent).toContain('IMG_20261112_0934.jpg');
    for (const text of [
      'Saltar al contenido',
      'Compartir en Facebook',
      'Compartir en X',
      'Copiar enlace',
      'Lo más leído',
      'Suscríbete a nuestro boletín',
      'cookies',
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).toContain('<strong>Vladímir Putin</strong>,');
    expect(html).toContain('<a href="/tema/kremlin">el Kremlin</a>.');
    expect(html).toContain('<b>Serguéi Shoigú </b>recibió');
  });

  it('puts a LEE TAMBIÉN box with two working links inside the body', async () => {
    const page = publisher.pages.find((p) => p.title.startsWith('Putin recibe'))!;
    const document = await documentOf(page.url);
    const box = document.querySelector('.cuerpo-noticia aside.lee-tambien');
    expect(box?.textContent).toContain('LEE TAMBIÉN');
    const links = [...box!.querySelectorAll('a')].map((a) => new URL(a.getAttribute('href')!, page.url).href);
    expect(links).toHaveLength(2);
    for (const link of links)
      expect(
        publisher.pages.some((p) => p.url === link),
        link,
      ).toBe(true);
  });

  it('carries the wire story on two outlets: same body, other headline, one extra paragraph', async () => {
    const [diario, gaceta] = ['El Diario del Sur', 'La Gaceta del Norte'].map((o) =>
      publisher.pages.find((p) => p.syndicated && p.outlet === o)!,
    );
    expect(publisher.pages.filter((p) => p.syndicated)).toHaveLength(2);
    expect(diario!.title).not.toBe(gaceta!.title);
    expect(new URL(diario!.url).origin).not.toBe(new URL(gaceta!.url).origin);
    const paragraphs = async (url: string, selector: string) =>
      [...(await documentOf(url)).querySelectorAll(selector)].map((p) => p.textContent);
    const a = await paragraphs(diario!.url, '.cuerpo-noticia > p');
    const b = await paragraphs(gaceta!.url, '.gdn-body > p');
    expect(a.length).toBeGreaterThanOrEqual(4);
    expect(b).toHaveLength(a.length + 1);
    expect(b.slice(0, a.length)).toEqual(a);
  });

  it('serves placeholder images and a 404 for unknown paths', async () => {
    const image = await get(`${publisher.origins[0]}/img/IMG_20261112_0934.jpg`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect((await get(`${publisher.origins[1]}/no-such-page`)).status).toBe(404);
  });
});

describe('demo publisher: close', () => {
  it('frees its ports', async () => {
    const other = await startDemoPublisher();
    const ports = other.origins.map((o) => Number(new URL(o).port));
    await other.close();
    await expect(fetch(other.origins[0]!)).rejects.toThrow();
    for (const port of ports) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
