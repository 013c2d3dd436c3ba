/** RSS 0.9x/2.0 and RSS 1.0 (RDF), as feedsmith parses them, to the normalized ParsedFeed. */
import { parseRdfFeed, parseRssFeed, type AtomFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import { toIsoDate } from './dates.js';
import {
  authorNames,
  cleanText,
  firstPresent,
  htmlToText,
  httpUrl,
  languageTag,
  resolveBase,
  summaryText,
  uniqueItems,
} from './normalize.js';
import type { FeedItem, ParsedFeed } from './types.js';

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;

/** An RSS 0.9x/2.0 document as a ParsedFeed. */
export function fromRss(text: string, feedUrl: string): ParsedFeed {
  const feed = parseRssFeed(text);
  const base = resolveBase(feedUrl, feed.xml?.base);
  const language = languageTag(firstPresent(feed.language, feed.dc?.languages?.[0], feed.xml?.lang));
  return {
    kind: 'rss',
    title: htmlToText(feed.title),
    siteUrl: httpUrl(feed.link, base) ?? alternateLink(feed.atom?.links, base),
    language,
    items: uniqueItems((feed.items ?? []).map((item) => rssItem(item, base, language))),
  };
}

/** An RSS 1.0 (or 0.90) RDF document as a ParsedFeed. */
export function fromRdf(text: string, feedUrl: string): ParsedFeed {
  const feed = parseRdfFeed(text);
  const base = resolveBase(feedUrl, feed.xml?.base);
  const language = languageTag(firstPresent(feed.dc?.languages?.[0], feed.xml?.lang));
  return {
    kind: 'rdf',
    title: htmlToText(feed.title),
    siteUrl: httpUrl(feed.link, base),
    language,
    items: uniqueItems((feed.items ?? []).map((item) => rdfItem(item, base, language))),
  };
}

function rssItem(item: RssItem, feedBase: string, feedLanguage: string | null): FeedItem | null {
  const base = resolveBase(feedBase, item.xml?.base);
  const guid = cleanText(item.guid?.value);
  // A guid stands in for a missing link only when it is itself an absolute URL.
  const url = httpUrl(item.link, base) ?? alternateLink(item.atom?.links, base) ?? httpUrl(guid);
  if (!url) return null;
  return {
    url,
    title: htmlToText(firstPresent(item.title, item.dc?.titles?.[0])),
    publishedAt: toIsoDate(firstPresent(item.pubDate, ...dcDates(item), item.atom?.published, item.atom?.updated)),
    summary: summaryText(firstPresent(item.description, item.content?.encoded, item.dc?.descriptions?.[0])),
    author: authorNames([...(item.dc?.creators ?? []), ...(item.authors ?? []).map((person) => person.name)]),
    language: languageTag(firstPresent(item.dc?.languages?.[0], item.xml?.lang)) ?? feedLanguage,
    guid,
  };
}

function rdfItem(item: RdfItem, feedBase: string, feedLanguage: string | null): FeedItem | null {
  const base = resolveBase(feedBase, item.xml?.base);
  const guid = cleanText(item.rdf?.about);
  const url = httpUrl(item.link, base) ?? httpUrl(guid);
  if (!url) return null;
  return {
    url,
    title: htmlToText(firstPresent(item.title, item.dc?.titles?.[0])),
    publishedAt: toIsoDate(firstPresent(...dcDates(item))),
    summary: summaryText(firstPresent(item.description, item.content?.encoded, item.dc?.descriptions?.[0])),
    author: authorNames(item.dc?.creators ?? []),
    language: languageTag(firstPresent(item.dc?.languages?.[0], item.xml?.lang)) ?? feedLanguage,
    guid,
  };
}

/** Dublin Core dates in the order they mean "published": dc:date, dcterms:issued, dcterms:created. */
function dcDates(item: RssItem | RdfItem): Array<string | undefined> {
  return [item.dc?.dates?.[0], item.dcterms?.issued?.[0], item.dcterms?.created?.[0], item.dcterms?.modified?.[0]];
}

/** The `rel="alternate"` link (rel absent means alternate, RFC 4287 §4.2.7.2), preferring HTML. */
export function alternateLink(links: Array<AtomFeed.Link<string>> | undefined, base: string): string | null {
  const alternates = (links ?? []).filter((link) => !link.rel || link.rel === 'alternate');
  const html = alternates.find((link) => !link.type || /html/i.test(link.type));
  return httpUrl((html ?? alternates[0])?.href, base);
}
