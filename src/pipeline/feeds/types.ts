/** What the feeds stage hands on: one feed document, normalized to a list of items to fetch. */
export type FeedKind = 'rss' | 'atom' | 'rdf' | 'json' | 'sitemap' | 'sitemap-index';

export interface FeedItem {
  /** Absolute http(s) address of the article (or, in a sitemap index, of a child sitemap). */
  url: string;
  title: string | null;
  /** ISO 8601 (UTC), or null when the feed gives no readable date. */
  publishedAt: string | null;
  /** Plain text, no markup. */
  summary: string | null;
  author: string | null;
  /** BCP 47 tag as declared by the feed (item, else channel); a hint, not the answer. */
  language: string | null;
  guid: string | null;
}

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  siteUrl: string | null;
  language: string | null;
  items: FeedItem[];
}

/** One subscription in an OPML file; `category` is the text of the outline it sat in. */
export interface OpmlOutline {
  title: string;
  xmlUrl: string;
  htmlUrl: string | null;
  language: string | null;
  category: string | null;
}
