/**
 * Issue 15, finding 8 (and the Low finding on javascript: originals): what our RSS, Atom and JSON
 * feeds send, read as a feed reader reads it, over a real server on loopback. Every stored text
 * field holds a payload; no reader may find markup in it, and no original address but http(s).
 */
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningServer } from '../web/server.js';
import { fakeArticle, testApp } from '../web/web.testkit.js';
import { XSS_PAYLOADS } from './payloads.testkit.js';

let server: RunningServer;
beforeAll(async () => {
  const articles = XSS_PAYLOADS.map((payload, i) =>
    fakeArticle({
      id: i + 1,
      title: `Title ${payload}`,
      lead: `Lead ${payload}`,
      site: `Site ${payload}`,
      url: i % 2 ? 'javascript:window.__pwned=1' : `https://news.example.com/${i}`,
      publishedAt: `2024-05-01T09:${String(i % 60).padStart(2, '0')}:00Z`,
    }),
  );
  server = await startWebServer(testApp({ articles }).app, { port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

/** Markup a reader that renders the field as HTML would build: any tag at all is too much. */
const MARKUP = /<[a-z!/?]/i;

describe('attack: feeds carry text, never markup', () => {
  it('RSS: titles, descriptions, sources and the channel description hold no markup', async () => {
    const q = '<img src=x onerror=window.__pwned=1>';
    for (const path of ['/feed.rss', `/search/feed.rss?q=${encodeURIComponent(q)}`]) {
      const feed = parseRssFeed(await (await fetch(`${server.url}${path}`)).text());
      const texts = [feed.title, feed.description, ...(feed.items ?? []).flatMap((i) => [i.title, i.description])];
      for (const text of texts) expect(text ?? '', path).not.toMatch(MARKUP);
      for (const item of feed.items ?? []) expect(item.source?.url ?? 'https://', path).toMatch(/^https?:\/\//);
    }
  });

  it('Atom and JSON Feed: no javascript: originals', async () => {
    const atom = parseAtomFeed(await (await fetch(`${server.url}/feed.atom`)).text());
    const hrefs = (atom.entries ?? []).flatMap((e) => (e.links ?? []).map((l) => l.href ?? ''));
    expect(hrefs.filter((h) => !/^https?:\/\//.test(h))).toEqual([]);
    const json = parseJsonFeed(await (await fetch(`${server.url}/feed.json`)).json());
    const external = (json.items ?? []).map((i) => i.external_url).filter(Boolean);
    expect(external.filter((u) => !/^https?:\/\//.test(u!))).toEqual([]);
    expect(external.length).toBeGreaterThan(0);
  });
});
