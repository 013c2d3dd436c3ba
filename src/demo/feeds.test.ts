import { parseFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { demoOutlets } from './content/index.js';
import { feedUpdatedAt, renderFeed } from './feeds.js';
import { buildSite } from './site.js';

const now = new Date('2026-11-14T10:25:00Z');
const siteOf = (id: string) => {
  const outlet = demoOutlets.find((o) => o.id === id);
  if (!outlet) throw new Error(id);
  return buildSite(outlet, 'http://127.0.0.1:9', now);
};

describe('demo feeds', () => {
  it('writes El Diario del Sur as RSS 2.0 with its 8 articles, newest first', () => {
    const site = siteOf('diario-del-sur');
    const { body, contentType } = renderFeed(site);
    expect(contentType).toMatch(/^application\/rss\+xml/);
    const parsed = parseFeed(body);
    expect(parsed.format).toBe('rss');
    const items = (parsed.feed as { items?: { link?: string }[] }).items ?? [];
    expect(items).toHaveLength(8);
    expect(items[0]?.link).toBe(site.articles[0]?.url);
  });

  it('writes La Gaceta del Norte as Atom with 5 entries', () => {
    const parsed = parseFeed(renderFeed(siteOf('gaceta-del-norte')).body);
    expect(parsed.format).toBe('atom');
    expect((parsed.feed as { entries?: unknown[] }).entries).toHaveLength(5);
  });

  it('writes Jornal da Tarde as JSON Feed 1.1 with full HTML content', () => {
    const { body, contentType } = renderFeed(siteOf('jornal-da-tarde'));
    expect(contentType).toMatch(/^application\/feed\+json/);
    const feed = JSON.parse(body) as { version: string; items: { content_html: string }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]?.content_html).toContain('<strong>');
  });

  it('writes Le Courrier du Matin as a news sitemap with the news: fields', () => {
    const { body } = renderFeed(siteOf('courrier-du-matin'));
    expect(body.match(/<news:news>/g)).toHaveLength(2);
    expect(body).toContain('<news:language>fr</news:language>');
    expect(body).toMatch(/<news:publication_date>2026-11-1\dT/);
    expect(body).toContain('<news:title>Emmanuel Macron reçoit Lula da Silva');
  });

  it('gives The Evening Ledger full content with absolute links', () => {
    const { body } = renderFeed(siteOf('evening-ledger'));
    expect(body).toContain('<content:encoded><![CDATA[');
    expect(body).toContain('href="http://127.0.0.1:9/topic/kremlin">the Kremlin</a>');
  });

  it('dates the feed by its newest article', () => {
    const site = siteOf('morgenpost-rundschau');
    const newest = Math.max(...site.articles.map((a) => a.publishedAt.getTime()));
    expect(feedUpdatedAt(site).getTime()).toBe(newest);
  });
});
