/**
 * The feeds stage: a fetched feed document in, a normalized list of items out.
 *
 * parseFeed reads RSS 0.9x/2.0, RSS 1.0 (RDF), Atom, JSON Feed (through feedsmith) and sitemaps
 * (news, plain, index). Every item has an absolute http(s) URL (relative links resolved against
 * xml:base and the feed's URL; items without one are dropped, repeats collapsed), an ISO 8601 date
 * and a plain-text summary. Anything that is not a feed is one HappeningsError('feeds', 'bad-feed').
 */
import { HappeningsError, errorLine } from '../../errors.js';
import { fromAtom } from './atom.js';
import { sniff } from './detect.js';
import { fromJsonFeed, isJsonFeed } from './json-feed.js';
import { fromRdf, fromRss } from './rss-like.js';
import { fromSitemap, fromSitemapIndex } from './sitemap.js';
import type { ParsedFeed } from './types.js';

export type { FeedItem, FeedKind, OpmlOutline, ParsedFeed } from './types.js';
export { looksLikeHtml } from './detect.js';
export { discoverFeeds } from './discover.js';
export { generateOpml, parseOpml } from './opml.js';

type XmlReader = (text: string, feedUrl: string) => ParsedFeed;

// Feed formats by the local name of their root element.
const XML_READERS: Record<string, XmlReader> = {
  rss: fromRss,
  rdf: fromRdf,
  feed: fromAtom,
  urlset: fromSitemap,
  sitemapindex: fromSitemapIndex,
};

/** The items of the feed document `text`, fetched from `feedUrl`. */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  const sniffed = sniff(text);
  switch (sniffed.type) {
    case 'empty':
      throw badFeed('the body is empty', feedUrl);
    case 'html':
      throw badFeed('expected a feed but got an HTML page', feedUrl);
    case 'text':
      throw badFeed('expected a feed but got neither XML nor JSON', feedUrl);
    case 'json':
      return readJson(text, feedUrl);
    case 'xml':
      return readXml(sniffed.root, sniffed.body, feedUrl);
  }
}

function readXml(root: string, text: string, feedUrl: string): ParsedFeed {
  const reader = XML_READERS[root];
  if (!reader) throw badFeed(`expected a feed but got an XML document with root <${root}>`, feedUrl);
  return readSafely(() => reader(text, feedUrl), feedUrl);
}

function readJson(text: string, feedUrl: string): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw badFeed(`the body is not valid JSON: ${errorLine(error)}`, feedUrl, error);
  }
  if (!isJsonFeed(json)) throw badFeed('expected a feed but got JSON that is not a JSON Feed', feedUrl);
  return readSafely(() => fromJsonFeed(json, feedUrl), feedUrl);
}

// feedsmith throws plain Errors on documents it cannot read; they leave this stage as bad-feed.
function readSafely(read: () => ParsedFeed, feedUrl: string): ParsedFeed {
  try {
    return read();
  } catch (error) {
    if (error instanceof HappeningsError) throw error;
    throw badFeed(`could not read the feed: ${errorLine(error)}`, feedUrl, error);
  }
}

function badFeed(message: string, feedUrl: string, cause?: unknown): HappeningsError {
  return new HappeningsError('feeds', 'bad-feed', `${message} (${feedUrl})`, { cause });
}
