/** JSON Feed 1.0/1.1, as feedsmith parses it, to the normalized ParsedFeed. */
import { detectJsonFeed, parseJsonFeed, type JsonFeed } from 'feedsmith';
import { toIsoDate } from './dates.js';
import {
  authorNames,
  cleanText,
  firstPresent,
  htmlToText,
  httpUrl,
  languageTag,
  summaryText,
  uniqueItems,
} from './normalize.js';
import type { FeedItem, ParsedFeed } from './types.js';

type Item = JsonFeed.Item<string>;
type Author = JsonFeed.Author;

/** A JSON Feed document (already known to be one) as a ParsedFeed. */
export function fromJsonFeed(json: unknown, feedUrl: string): ParsedFeed {
  const feed = parseJsonFeed(json);
  const language = languageTag(feed.language);
  const feedAuthors = feed.authors ?? [];
  return {
    kind: 'json',
    title: htmlToText(feed.title),
    siteUrl: httpUrl(feed.home_page_url, feedUrl),
    language,
    items: uniqueItems((feed.items ?? []).map((item) => jsonItem(item, feedUrl, language, feedAuthors))),
  };
}

function jsonItem(item: Item, feedUrl: string, feedLanguage: string | null, feedAuthors: Author[]): FeedItem | null {
  const guid = cleanText(item.id === undefined ? undefined : String(item.id));
  const url = httpUrl(item.url, feedUrl) ?? httpUrl(item.external_url, feedUrl) ?? httpUrl(guid);
  if (!url) return null;
  const authors = item.authors?.length ? item.authors : feedAuthors;
  return {
    url,
    title: htmlToText(item.title),
    publishedAt: toIsoDate(firstPresent(item.date_published, item.date_modified)),
    summary: summaryText(firstPresent(item.summary, escapeText(item.content_text), item.content_html)),
    author: authorNames(authors.map((author) => author.name)),
    language: languageTag(item.language) ?? feedLanguage,
    guid,
  };
}

// content_text is plain text; escaped so that summaryText keeps its "<" and "&" as written.
function escapeText(text: string | undefined): string | undefined {
  return text?.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** True when `json` is a JSON Feed (a jsonfeed.org version, or a title with items). */
export function isJsonFeed(json: unknown): boolean {
  return detectJsonFeed(json);
}
