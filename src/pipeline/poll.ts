/**
 * What a poll of one feed finds: the pages it lists that are not stored yet. A feed (RSS, Atom,
 * RDF, JSON Feed, news sitemap) lists items; a sitemap index lists sitemaps, read in turn; a plain
 * page source is either an article itself or a section page whose article links are followed.
 */
import { HappeningsError } from '../errors.js';
import type { FeedRow } from '../store/index.js';
import type { FetchedPage } from './fetch/index.js';
import { discoverFeeds, looksLikeHtml, parseFeed, type FeedItem } from './feeds/index.js';
import type { Article, ExtractHints, PageJob } from '../model.js';
import { extractArticle } from './extract/index.js';
import { articleLinks } from './feeds/page-links.js';
import type { Pipeline } from './types.js';

export interface FoundPages {
  pages: PageJob[];
  etag: string | null;
  lastModified: string | null;
}

const ACCEPT = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  sitemap: 'application/xml, text/xml;q=0.9, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
} as const;

/** Child sitemaps read from a sitemap index per poll: the newest few carry the news. */
const MAX_CHILD_SITEMAPS = 3;

export async function findNewPages(p: Pipeline, feed: FeedRow): Promise<FoundPages> {
  const page = await p.fetcher.fetchPage({
    url: feed.url,
    etag: feed.etag,
    lastModified: feed.lastModified,
    accept: ACCEPT[feed.kind],
  });
  if (page.notModified) return { pages: [], etag: feed.etag, lastModified: feed.lastModified };
  const source = await p.store.sourceById(feed.sourceId);
  const hintsOf = (item: FeedItem): ExtractHints => ({
    title: item.title,
    publishedAt: item.publishedAt,
    byline: item.author,
    language: item.language ?? source?.language ?? null,
  });
  const items: Array<FeedItem & { article?: Article }> =
    feed.kind === 'page' ? pageItems(page, hintsOf, source?.bodySelector ?? null) : await feedItems(p, page);
  const pages: PageJob[] = [];
  const seen = new Set<string>();
  for (const { article, ...item } of items) {
    if (seen.has(item.url) || (await p.store.hasArticleUrl(item.url))) continue;
    seen.add(item.url);
    pages.push({
      url: item.url,
      sourceId: feed.sourceId,
      feedId: feed.id,
      hints: hintsOf(item),
      ...(article && { article }),
    });
  }
  return { pages, etag: page.etag, lastModified: page.lastModified };
}

async function feedItems(p: Pipeline, page: FetchedPage): Promise<FeedItem[]> {
  const parsed = parseDocumentAsFeed(page);
  if (parsed.kind !== 'sitemap-index')
    return parsed.items.map((item) => ({ ...item, language: item.language ?? parsed.language }));
  const children = [...parsed.items]
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    .slice(0, MAX_CHILD_SITEMAPS);
  const items: FeedItem[] = [];
  for (const child of children) {
    const childPage = await p.fetcher.fetchPage({ url: child.url, accept: ACCEPT.sitemap });
    items.push(...parseDocumentAsFeed(childPage).items);
  }
  return items;
}

function parseDocumentAsFeed(page: FetchedPage) {
  if (looksLikeHtml(page.text)) {
    const advertised = discoverFeeds(page.text, page.finalUrl);
    const hint = advertised.length ? `; the page advertises ${advertised.slice(0, 3).join(', ')}` : '';
    throw new HappeningsError('feeds', 'bad-feed', `expected a feed but got an HTML page (${page.finalUrl})${hint}`);
  }
  return parseFeed(page.text, page.finalUrl);
}

/**
 * A page source: the page itself when it is an article, else the article links of a section page.
 * The article extracted to tell is handed on with the page (as ingesting it would extract it, with the
 * source's body selector), so it is neither fetched nor extracted a second time.
 */
function pageItems(
  page: FetchedPage,
  hintsOf: (item: FeedItem) => ExtractHints,
  bodySelector: string | null,
): Array<FeedItem & { article?: Article }> {
  const item = (url: string): FeedItem => ({
    url,
    title: null,
    publishedAt: null,
    summary: null,
    author: null,
    language: null,
    guid: null,
  });
  try {
    const self = item(page.finalUrl);
    return [{ ...self, article: extractArticle(page.text, page.finalUrl, { ...hintsOf(self), bodySelector }) }];
  } catch (error) {
    if (!(error instanceof HappeningsError) || error.code !== 'no-article') throw error;
    return articleLinks(page.text, page.finalUrl).map(item);
  }
}
