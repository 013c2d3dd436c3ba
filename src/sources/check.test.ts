import { describe, expect, it } from 'vitest';
import { HappeningsError } from '../errors.js';
import { createMemoryFetcher } from '../pipeline/fetch/index.js';
import { checkSource } from './check.js';

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://w.example/</link>
<item><title>One</title><link>https://w.example/1</link></item><item><title>Two</title><link>https://w.example/2</link></item>
</channel></rss>`;
const sitemap = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://w.example/a</loc></url></urlset>`;
const article = `<!doctype html><html><head><title>An article</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>Text.</p></body></html>`;
const html = { headers: { 'content-type': 'text/html' }, body: article };

const fetcher = createMemoryFetcher({
  'https://w.example/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: rss },
  'https://w.example/sitemap.xml': { headers: { 'content-type': 'application/xml' }, body: sitemap },
  'https://w.example/2024/story': html,
  'https://w.example/blank': { headers: { 'content-type': 'text/plain' }, body: 'hello' },
});

describe('checkSource', () => {
  it('finds a feed or a sitemap and says what it holds', async () => {
    expect(await checkSource(fetcher, 'https://w.example/feed.xml', false)).toEqual({
      kind: 'feed',
      title: 'Wire',
      found: 'an RSS feed with 2 items',
    });
    const map = await checkSource(fetcher, 'https://w.example/sitemap.xml', false);
    expect(map).toMatchObject({ kind: 'sitemap', found: 'a sitemap with 1 item' });
  });

  it('refuses an address that cannot be fetched, in one line saying nothing was added', async () => {
    const error = await checkSource(fetcher, 'https://nonexistent.invalid/feed.xml', false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HappeningsError);
    expect((error as Error).message).toMatch(
      /^cli: sources: https:\/\/nonexistent.invalid\/feed.xml could not be fetched/,
    );
    expect((error as Error).message).toMatch(/nothing added \(--no-check adds it unchecked\)$/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses an HTML page without --page, naming the feed it advertises; takes it with --page', async () => {
    await expect(checkSource(fetcher, 'https://w.example/2024/story', false)).rejects.toThrow(
      /is an HTML page, not a feed or sitemap; it advertises https:\/\/w.example\/feed.xml: add that, or --page/,
    );
    expect(await checkSource(fetcher, 'https://w.example/2024/story', true)).toMatchObject({ kind: 'page' });
    await expect(checkSource(fetcher, 'https://w.example/feed.xml', true)).rejects.toThrow(
      /is an RSS feed, not a page: add it without --page/,
    );
    await expect(checkSource(fetcher, 'https://w.example/blank', false)).rejects.toThrow(
      /is not a feed, sitemap or HTML page/,
    );
  });
});
