/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for any list of articles, written with feedsmith's generators
 * (they escape and format dates per each spec). Each item links to our page of the article, names
 * the original, and carries the lead as its summary; never the whole text (publishers' terms).
 *
 * Readers treat RSS titles and descriptions as HTML, so our plain text is HTML-escaped before it goes
 * in (issue 15, finding 8: publishers' entity-escaped titles, and a search query, ran as script in
 * RSS readers). Atom and JSON Feed carry it as text, which their readers honour. Only http(s)
 * addresses of originals are sent (a WARC once gave javascript: ones).
 */
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';
import type { ArticleSummary } from './site-data.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedModel {
  title: string;
  description: string;
  /** Absolute URL of the list's HTML page. */
  pageUrl: string;
  /** Absolute URL of this feed (without extension: ".rss", ".atom", ".json" are added). */
  feedBase: string;
  /** Query string kept on the feed URL (search feeds), without "?". */
  query?: string;
  language: string;
  siteUrl: string;
  items: ArticleSummary[];
}

/** The newest date of the list (publishedAt), for `updated` and Last-Modified; now for an empty list. */
export function newestDate(items: ArticleSummary[]): Date {
  const times = items.map((a) => Date.parse(a.publishedAt ?? '')).filter((t) => !Number.isNaN(t));
  return times.length ? new Date(Math.max(...times)) : new Date(0);
}

function dateOf(a: ArticleSummary): Date | undefined {
  const t = Date.parse(a.publishedAt ?? '');
  return Number.isNaN(t) ? undefined : new Date(t);
}

function feedUrl(model: FeedModel, ext: FeedFormat): string {
  return `${model.feedBase}.${ext}${model.query ? `?${model.query}` : ''}`;
}

export function renderFeed(format: FeedFormat, model: FeedModel): string {
  if (format === 'rss') return rss(model);
  if (format === 'atom') return atom(model);
  return JSON.stringify(json(model));
}

/** Plain text as HTML that shows that text: what an RSS reader renders. */
export function rssText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The original's address when it is http(s); a stored javascript: or data: one is left out. */
function webUrl(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function rss(model: FeedModel): string {
  return generateRssFeed({
    title: rssText(model.title),
    link: model.pageUrl,
    description: rssText(model.description),
    language: model.language,
    lastBuildDate: newestDate(model.items),
    atom: { links: [{ href: feedUrl(model, 'rss'), rel: 'self', type: 'application/rss+xml' }] },
    items: model.items.map((a) => {
      const link = model.siteUrl + a.pagePath;
      return {
        title: rssText(a.title),
        link,
        guid: { value: link, isPermaLink: true },
        pubDate: dateOf(a),
        description: a.lead ? rssText(a.lead) : undefined,
        source: webUrl(a.url) ? { title: rssText(a.site), url: a.url } : undefined,
      };
    }),
  });
}

function atom(model: FeedModel): string {
  const updated = newestDate(model.items);
  return generateAtomFeed({
    id: feedUrl(model, 'atom'),
    title: { value: model.title },
    subtitle: { value: model.description },
    updated,
    links: [
      { href: feedUrl(model, 'atom'), rel: 'self', type: 'application/atom+xml' },
      { href: model.pageUrl, rel: 'alternate', type: 'text/html' },
    ],
    entries: model.items.map((a) => {
      const link = model.siteUrl + a.pagePath;
      return {
        id: link,
        title: { value: a.title },
        updated: dateOf(a) ?? updated,
        published: dateOf(a),
        links: [
          { href: link, rel: 'alternate', type: 'text/html' },
          ...(webUrl(a.url) ? [{ href: a.url, rel: 'related', title: a.site }] : []),
        ],
        summary: a.lead ? { value: a.lead } : undefined,
        // Atom requires an author per entry (or feed): the outlet is the honest one.
        authors: [{ name: a.site }],
      };
    }),
  });
}

function json(model: FeedModel) {
  return generateJsonFeed({
    title: model.title,
    description: model.description,
    home_page_url: model.pageUrl,
    feed_url: feedUrl(model, 'json'),
    language: model.language,
    items: model.items.map((a) => ({
      id: model.siteUrl + a.pagePath,
      url: model.siteUrl + a.pagePath,
      external_url: webUrl(a.url),
      title: a.title,
      content_text: a.lead ?? a.title,
      date_published: dateOf(a),
      authors: [{ name: a.site }],
      language: a.translatedFrom ? model.language : (a.language ?? undefined),
    })),
  });
}
