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
// WordPress links every post's REST record as alternate application/json: on the 892 pages of
// shared/data (aeb + wcxb-dev) 235 of the 238 application/json alternates were these, not feeds.
const NOT_A_FEED = /\/wp-json\//;
// Comment feeds (WordPress "Comments Feed", "Feed dei commenti", "Umpan Komentar"; 190 of the 871
// RSS/Atom links on those pages) are listed after the site's own feeds, not dropped.
const COMMENTS_TITLE = /comment|komentar|kommentar|comentario/i;
const COMMENTS_PATH = /\/comments?\/feed|\/feed\/comments|comments?\.(rss|xml|atom)/i;

interface Found {
  url: string;
  comments: boolean;
}

/** Absolute URLs of the feeds `html` advertises, in page order (comment feeds last), once each. */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const document = parseHTML(html).document as unknown as DomDocument;
  const base = resolveBase(pageUrl, document.querySelector('base[href]')?.getAttribute('href'));
  const found = new Map<string, Found>();
  for (const link of Array.from(document.querySelectorAll('link[rel][href]'))) {
    const url = isFeedLink(link) ? httpUrl(link.getAttribute('href'), base) : null;
    if (url && !NOT_A_FEED.test(url) && !found.has(url)) found.set(url, { url, comments: isCommentFeed(link, url) });
  }
  const feeds = [...found.values()];
  return [...feeds.filter((feed) => !feed.comments), ...feeds.filter((feed) => feed.comments)].map((feed) => feed.url);
}

function isFeedLink(link: DomElement): boolean {
  const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
  // Media type parameters (`; charset=utf-8`) are ignored.
  const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim();
  return rel.includes('alternate') && FEED_TYPES.has(type);
}

function isCommentFeed(link: DomElement, url: string): boolean {
  return COMMENTS_TITLE.test(link.getAttribute('title') ?? '') || COMMENTS_PATH.test(new URL(url).pathname);
}
