/**
 * The frame of every HTML page: <html lang> of the site, a skip link as the first focusable
 * element, header/nav/main/footer landmarks, the site's stylesheet (styles.ts). No client JavaScript.
 */
import { html, type SafeHtml } from './html.js';
import type { ImageLinks } from './images/images.js';
import { textDirection } from './language-names.js';
import { STYLESHEET_PATH } from './styles.js';

/** What every page knows about the site. */
export interface SiteContext {
  siteName: string;
  /** The site's language (BCP 47), the one articles are translated into. */
  language: string;
  /** Public base URL without a trailing slash, e.g. "https://news.example.org". */
  siteUrl: string;
  /** IANA time zone times are shown in (default UTC). */
  timeZone?: string;
  /** Publishers' images as this site's addresses (images/images.ts); absent: no images are shown. */
  images?: ImageLinks;
}

export interface PageShell {
  /** The document title before " — Site name"; omit for the front page. */
  title?: string;
  description?: string | null;
  /** Absolute URL of this page's canonical address. */
  canonicalUrl?: string;
  /** Extra elements for <head>, e.g. robots meta. */
  head?: SafeHtml;
  /** This list's feeds, advertised with <link rel="alternate">. */
  feeds?: FeedLinks;
  body: SafeHtml;
}

/** A list's feeds: the path without extension ("/feed", "/source/3/feed") and its title. */
export interface FeedLinks {
  path: string;
  title: string;
  /** Query string kept on each feed URL (search feeds), without "?". */
  query?: string;
}

const FEED_TYPES = [
  ['rss', 'application/rss+xml', 'RSS'],
  ['atom', 'application/atom+xml', 'Atom'],
  ['json', 'application/feed+json', 'JSON Feed'],
] as const;

export function feedUrl(feeds: FeedLinks, ext: 'rss' | 'atom' | 'json'): string {
  return `${feeds.path}.${ext}${feeds.query ? `?${feeds.query}` : ''}`;
}

function feedHead(feeds: FeedLinks | undefined): SafeHtml {
  if (!feeds) return html``;
  return html`${FEED_TYPES.map(
    ([
      ext,
      type,
      name,
    ]) => html`<link rel="alternate" type="${type}" title="${feeds.title} (${name})" href="${feedUrl(feeds, ext)}">
`,
  )}`;
}

/** Visible links to a list's feeds, for readers who subscribe by hand. */
export function feedLinks(feeds: FeedLinks): SafeHtml {
  return html`<p class="feeds meta">Follow: ${FEED_TYPES.map(([ext, , name], i) => html`${i ? ' · ' : ''}<a href="${feedUrl(feeds, ext)}">${name}</a>`)}</p>`;
}

export function layout(site: SiteContext, page: PageShell): SafeHtml {
  const title = page.title ? `${page.title} — ${site.siteName}` : site.siteName;
  return html`<!doctype html>
<html lang="${site.language}" dir="${textDirection(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ''}
${page.canonicalUrl ? html`<link rel="canonical" href="${page.canonicalUrl}">` : ''}
${feedHead(page.feeds)}${page.head ?? ''}
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header>
<a class="brand" href="/">${site.siteName}</a>
<nav aria-label="Site"><ul><li><a href="/">Latest</a></li><li><a href="/search">Search</a></li><li><a href="/sources">Sources</a></li><li><a href="/about">About</a></li></ul></nav>
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
<footer><p><a href="/api/v1/openapi.json">API</a> · <a href="/feed.rss">RSS</a> · <a href="/feed.atom">Atom</a> · <a href="/feed.json">JSON Feed</a></p><p>${site.siteName} follows publishers' feeds and links every article to its source. Machine translations may contain mistakes; the original is one click away.</p></footer>
</body>
</html>
`;
}
