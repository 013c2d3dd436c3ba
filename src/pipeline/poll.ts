/**
 * What a poll of one feed finds: the pages it lists that are not stored yet. A feed (RSS, Atom,
 * RDF, JSON Feed, news sitemap) lists items; a sitemap index lists sitemaps, read in turn; a plain
 * page source is either an article itself or a section page whose article links are followed.
 */
import { HappeningsError } from '../errors.js';
import type { FeedRow } from '../store/index.js';
import type { FetchedPage } from './fetch/index.js';
import { discoverFeeds, looksLikeHtml, type FeedItem } from './feeds/index.js';
import { parseFeedOffLoop } from './feeds/parse-off-loop.js';
import type { Article, ExtractHints, PageJob } from '../model.js';
import { extractArticle } from './extract/index.js';
import { articleLinks } from './feeds/page-links.js';
import type { Pipeline, PollLimits } from './types.js';
import { options, type Config } from '../config.js';

export interface FoundPages {
  pages: PageJob[];
  /** The feed's validators; null when a cap left new pages for the next poll, which must read the feed in full. */
  etag: string | null;
  lastModified: string | null;
  /** What a cap (config: maxFeedItems, maxPagesPerPoll, maxSitemapsPerPoll) or a sitemap loop cut short; null if nothing. */
  limited: string | null;
}

export function pollLimitsFromConfig(config: Pick<Config, keyof PollLimits>): PollLimits {
  return {
    maxFeedItems: config.maxFeedItems,
    maxPagesPerPoll: config.maxPagesPerPoll,
    maxSitemapsPerPoll: config.maxSitemapsPerPoll,
  };
}

const defaultLimits = pollLimitsFromConfig({
  maxFeedItems: options.maxFeedItems.default,
  maxPagesPerPoll: options.maxPagesPerPoll.default,
  maxSitemapsPerPoll: options.maxSitemapsPerPoll.default,
});

const ACCEPT = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  sitemap: 'application/xml, text/xml;q=0.9, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
} as const;

/** What the caps cut short in one poll, in words for the feed's row and the log. */
type Notes = string[];

export async function findNewPages(p: Pipeline, feed: FeedRow): Promise<FoundPages> {
  const limits = p.pollLimits ?? defaultLimits;
  const page = await p.fetcher.fetchPage({
    url: feed.url,
    etag: feed.etag,
    lastModified: feed.lastModified,
    accept: ACCEPT[feed.kind],
  });
  if (page.notModified) return { pages: [], etag: feed.etag, lastModified: feed.lastModified, limited: null };
  const source = await p.store.sourceById(feed.sourceId);
  const hintsOf = (item: FeedItem): ExtractHints => ({
    title: item.title,
    publishedAt: item.publishedAt,
    byline: item.author,
    language: item.language ?? source?.language ?? null,
  });
  const notes: Notes = [];
  const items: Array<FeedItem & { article?: Article }> =
    feed.kind === 'page'
      ? newestItems(pageItems(page, hintsOf, source?.bodySelector ?? null), limits, notes)
      : await feedItems(p, page, limits, notes);
  const pages: PageJob[] = [];
  const seen = new Set<string>();
  for (const { article, ...item } of items) {
    if (seen.has(item.url) || (await p.store.hasArticleUrl(item.url))) continue;
    if (pages.length === limits.maxPagesPerPoll) {
      notes.push(`${limits.maxPagesPerPoll} new pages queued (maxPagesPerPoll); the others at the next polls`);
      return { pages, etag: null, lastModified: null, limited: notes.join('; ') };
    }
    seen.add(item.url);
    pages.push({
      url: item.url,
      sourceId: feed.sourceId,
      feedId: feed.id,
      hints: hintsOf(item),
      ...(article && { article }),
    });
  }
  return { pages, etag: page.etag, lastModified: page.lastModified, limited: notes.length ? notes.join('; ') : null };
}

async function feedItems(p: Pipeline, page: FetchedPage, limits: PollLimits, notes: Notes): Promise<FeedItem[]> {
  const parsed = await parseDocumentAsFeed(page);
  if (parsed.kind === 'sitemap-index') return sitemapIndexItems(p, page, parsed.items, limits, notes);
  return newestItems(parsed.items, limits, notes).map((item) => ({
    ...item,
    language: item.language ?? parsed.language,
  }));
}

/** At most maxFeedItems items: all of them in the feed's order, or else the newest (undated last). */
function newestItems<T extends FeedItem>(items: T[], limits: PollLimits, notes: Notes): T[] {
  if (items.length <= limits.maxFeedItems) return items;
  notes.push(`read the newest ${limits.maxFeedItems} of ${items.length} items (maxFeedItems)`);
  return newestFirst(items).slice(0, limits.maxFeedItems);
}

function newestFirst<T extends FeedItem>(items: T[]): T[] {
  return [...items].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
}

/**
 * The items of a sitemap index: its child sitemaps, newest first, read in turn; a child that is an
 * index itself adds its own newest children behind them (breadth first). At most maxSitemapsPerPoll
 * are fetched per poll (the newest few carry the news), each at most once: an index listing itself,
 * or indexes listing each other, cost no more fetches than that and never loop.
 */
async function sitemapIndexItems(
  p: Pipeline,
  page: FetchedPage,
  children: FeedItem[],
  limits: PollLimits,
  notes: Notes,
): Promise<FeedItem[]> {
  const read = new Set([page.url, page.finalUrl]);
  const waiting = newestFirst(children).slice(0, limits.maxFeedItems);
  let listed = children.length;
  let repeated = 0;
  let fetched = 0;
  const items: FeedItem[] = [];
  for (let next = 0; next < waiting.length && fetched < limits.maxSitemapsPerPoll; next++) {
    const child = waiting[next]!;
    if (read.has(child.url)) {
      repeated++;
      continue;
    }
    read.add(child.url);
    fetched++;
    const childPage = await p.fetcher.fetchPage({ url: child.url, accept: ACCEPT.sitemap });
    read.add(childPage.finalUrl);
    const parsed = await parseDocumentAsFeed(childPage);
    if (parsed.kind === 'sitemap-index') {
      listed += parsed.items.length;
      waiting.push(...newestFirst(parsed.items).slice(0, limits.maxSitemapsPerPoll));
    } else items.push(...parsed.items);
  }
  if (listed > fetched + repeated) notes.push(`read ${fetched} of ${listed} sitemaps listed (maxSitemapsPerPoll)`);
  if (repeated > 0) notes.push(`skipped ${repeated} sitemap(s) listed again (a loop)`);
  return newestItems(items, limits, notes);
}

async function parseDocumentAsFeed(page: FetchedPage) {
  if (looksLikeHtml(page.text)) {
    const advertised = discoverFeeds(page.text, page.finalUrl);
    const hint = advertised.length ? `; the page advertises ${advertised.slice(0, 3).join(', ')}` : '';
    throw new HappeningsError('feeds', 'bad-feed', `expected a feed but got an HTML page (${page.finalUrl})${hint}`);
  }
  return parseFeedOffLoop(page.text, page.finalUrl);
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
