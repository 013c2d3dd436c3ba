/** Feed autodiscovery: the feeds a page advertises with <link rel="alternate" type="…">. */
import { parseHTML } from 'linkedom';
import type { DomDocument, DomElement } from './dom.js';
import { httpUrl, resolveBase } from './normalize.js';

// The media types of feed formats parseFeed reads (JSON Feed registered two over its history).
const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
]);

/** Absolute URLs of the feeds `html` advertises, in page order, without repeats. */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const document = parseHTML(html).document as unknown as DomDocument;
  const base = resolveBase(pageUrl, document.querySelector('base[href]')?.getAttribute('href'));
  const found = new Set<string>();
  for (const link of Array.from(document.querySelectorAll('link[rel][href]'))) {
    if (!isFeedLink(link)) continue;
    const url = httpUrl(link.getAttribute('href'), base);
    if (url) found.add(url);
  }
  return [...found];
}

function isFeedLink(link: DomElement): boolean {
  const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
  // Media type parameters (`; charset=utf-8`) are ignored.
  const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
  return rel.includes('alternate') && FEED_TYPES.has(type);
}
