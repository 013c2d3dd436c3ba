/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for any list of articles, written with feedsmith's generators
 * (they escape and format dates per each spec). Each item links to our page of the article, names
 * the original, and carries the lead as its summary; never the whole text (publishers' terms).
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

function rss(model: FeedModel): string {
  return generateRssFeed({
    title: model.title,
    link: model.pageUrl,
    description: model.description,
    language: model.language,
    lastBuildDate: newestDate(model.items),
    atom: { links: [{ href: feedUrl(model, 'rss'), rel: 'self', type: 'application/rss+xml' }] },
    items: model.items.map((a) => {
      const link = model.siteUrl + a.pagePath;
      return {
        title: a.title,
        link,
        guid: { value: link, isPermaLink: true },
        pubDate: dateOf(a),
        description: a.lead ?? undefined,
        source: { title: a.site, url: a.url },
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
          { href: a.url, rel: 'related', title: a.site },
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
      external_url: a.url,
      title: a.title,
      content_text: a.lead ?? a.title,
      date_published: dateOf(a),
      authors: [{ name: a.site }],
      language: a.translatedFrom ? model.language : (a.language ?? undefined),
    })),
  });
}
