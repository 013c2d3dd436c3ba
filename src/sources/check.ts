/**
 * What a URL given to `sources add` is, found by fetching it once: a feed, a news sitemap or an
 * HTML page. Without this, an address that does not exist, or an article's address, was added as a
 * feed and only failed later, on every poll, where a newcomer does not look.
 */
import { HappeningsError, errorLine } from '../errors.js';
import { discoverFeeds, parseFeed } from '../pipeline/feeds/index.js';
import { sniff } from '../pipeline/feeds/detect.js';
import type { Fetcher } from '../pipeline/fetch/index.js';
import type { FeedKind } from '../store/index.js';

export interface CheckedSource {
  kind: FeedKind;
  /** The feed's own title, when it has one (a better default name than the host). */
  title: string | null;
  /** What was found, for the person who asked: "an RSS feed with 20 items". */
  found: string;
}

/**
 * Fetches `url` and says what it is. `asPage` (--page): it must be an HTML page. Otherwise a feed or a
 * sitemap is taken as one; an HTML page is refused, naming the feeds it advertises, since following
 * a page is a choice (--page) and usually the site's feed is what was meant.
 */
export async function checkSource(fetcher: Fetcher, url: string, asPage: boolean): Promise<CheckedSource> {
  const page = await fetcher.fetchPage({ url }).catch((error: unknown) => {
    throw refused(url, `could not be fetched (${errorLine(error)})`, error);
  });
  const sniffed = sniff(page.text);
  if (sniffed.type === 'html') {
    if (asPage) return { kind: 'page', title: null, found: 'an HTML page, followed as a page' };
    const feeds = discoverFeeds(page.text, page.finalUrl);
    const hint = feeds.length > 0 ? `it advertises ${feeds.slice(0, 3).join(', ')}: add that, or` : 'add it with';
    throw refused(url, `is an HTML page, not a feed or sitemap; ${hint} --page to follow the page itself`);
  }
  let feed;
  try {
    feed = parseFeed(page.text, page.finalUrl);
  } catch (error) {
    throw refused(url, `is not a feed, sitemap or HTML page (${errorLine(error)})`, error);
  }
  if (asPage) throw refused(url, `is ${described(feed.kind)}, not a page: add it without --page`);
  const kind: FeedKind = feed.kind === 'sitemap' || feed.kind === 'sitemap-index' ? 'sitemap' : 'feed';
  const items = `${feed.items.length} ${feed.kind === 'sitemap-index' ? 'sitemap' : 'item'}${feed.items.length === 1 ? '' : 's'}`;
  return { kind, title: feed.title, found: `${described(feed.kind)} with ${items}` };
}

function described(kind: string): string {
  const names: Record<string, string> = {
    rss: 'an RSS feed',
    atom: 'an Atom feed',
    rdf: 'an RSS 1.0 (RDF) feed',
    json: 'a JSON Feed',
    sitemap: 'a sitemap',
    'sitemap-index': 'a sitemap index',
  };
  return names[kind] ?? `a ${kind} feed`;
}

function refused(url: string, why: string, cause?: unknown): HappeningsError {
  return new HappeningsError(
    'cli',
    'bad-input',
    `sources: ${url} ${why}; nothing added (--no-check adds it unchecked)`,
    {
      cause,
    },
  );
}
