/**
 * The one contract every Fetcher adapter passes (the HTTP fetcher over a loopback server, the
 * memory fetcher over a table). A site is a table of paths → canned answers; each adapter's setup
 * serves it its own way and says which URL a path lives at.
 */
import { describe, it, expect, afterEach } from 'vitest';
import iconv from 'iconv-lite';
import { HappeningsError } from '../../errors.js';
import type { CannedAnswer } from './memory-fetcher.js';
import type { Fetcher } from './types.js';

export interface ContractSite {
  fetcher: Fetcher;
  urlOf: (path: string) => string;
  close: () => Promise<void>;
}
export type ContractSetup = (site: Record<string, CannedAnswer>) => Promise<ContractSite>;

const SITE: Record<string, CannedAnswer> = {
  '/article': {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      etag: '"a1"',
      'last-modified': 'Tue, 02 Jan 2024 10:00:00 GMT',
    },
    body: '<html><head><title>Ünïcode “news”</title></head><body><p>Straße 5 €</p></body></html>',
  },
  '/legacy': {
    headers: { 'content-type': 'text/html' },
    body: iconv.encode(
      '<html><head><meta charset="windows-1252"></head><body>Año “nuevo” 5 €</body></html>',
      'windows-1252',
    ),
  },
  '/feed.xml': {
    headers: { 'content-type': 'application/rss+xml' },
    body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Ñews</title></channel></rss>',
  },
  '/moved': { status: 301, headers: { location: '/article' } },
  '/gone': { status: 410 },
};

export function describeFetcherContract(name: string, setup: ContractSetup): void {
  describe(`Fetcher contract: ${name}`, () => {
    let site: ContractSite;
    afterEach(async () => site?.close());
    const fetchPath = async (path: string, extra: { etag?: string; lastModified?: string } = {}) => {
      site = await setup(SITE);
      return site.fetcher.fetchPage({ url: site.urlOf(path), ...extra });
    };

    it('returns a page with its text, type, charset and validators', async () => {
      const page = await fetchPath('/article');
      expect(page).toMatchObject({
        status: 200,
        notModified: false,
        charset: 'utf-8',
        etag: '"a1"',
        lastModified: 'Tue, 02 Jan 2024 10:00:00 GMT',
      });
      expect(page.contentType).toMatch(/^text\/html/);
      expect(page.text).toContain('<title>Ünïcode “news”</title>');
      expect(page.finalUrl).toBe(page.url);
    });

    it('decodes a legacy charset declared in the page', async () => {
      expect((await fetchPath('/legacy')).text).toContain('Año “nuevo” 5 €');
    });

    it('returns a feed as text', async () => {
      expect((await fetchPath('/feed.xml')).text).toContain('<title>Ñews</title>');
    });

    it('answers a matching etag with notModified and no text', async () => {
      const page = await fetchPath('/article', { etag: '"a1"' });
      expect(page).toMatchObject({ status: 304, notModified: true, text: '' });
    });

    it('follows a redirect to its final URL', async () => {
      const page = await fetchPath('/moved');
      expect(page.finalUrl).toBe(site.urlOf('/article'));
      expect(page.url).toBe(site.urlOf('/moved'));
      expect(page.text).toContain('Straße');
    });

    it.each(['/gone', '/missing'])('fails with http-status on %s', async (path) => {
      const error = await fetchPath(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HappeningsError);
      expect((error as HappeningsError).code).toBe('http-status');
      expect((error as Error).message).toContain(site.urlOf(path));
    });
  });
}
