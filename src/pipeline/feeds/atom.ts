/** Atom 1.0 (and 0.3), as feedsmith parses it, to the normalized ParsedFeed. */
import { parseAtomFeed, type AtomFeed } from 'feedsmith';
import { toIsoDate } from './dates.js';
import { alternateLink } from './rss-like.js';
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

type Entry = AtomFeed.Entry<string>;
type Person = AtomFeed.Person<false>;

/** An Atom document as a ParsedFeed. */
export function fromAtom(text: string, feedUrl: string): ParsedFeed {
  const feed = parseAtomFeed(text);
  const base = resolveBase(feedUrl, feed.xml?.base);
  const language = languageTag(firstPresent(feed.xml?.lang, feed.dc?.languages?.[0]));
  const feedAuthors = feed.authors ?? [];
  return {
    kind: 'atom',
    title: atomText(feed.title),
    siteUrl: alternateLink(feed.links, base),
    language,
    items: uniqueItems((feed.entries ?? []).map((entry) => atomItem(entry, base, language, feedAuthors))),
  };
}

function atomItem(entry: Entry, feedBase: string, feedLanguage: string | null, feedAuthors: Person[]): FeedItem | null {
  const base = resolveBase(feedBase, entry.xml?.base);
  const guid = cleanText(entry.id);
  const url = alternateLink(entry.links, base) ?? httpUrl(guid);
  if (!url) return null;
  // RFC 4287 §4.2.1: an entry without authors takes its source's, then its feed's.
  const people = firstPresent(entry.authors?.length ? entry.authors : null, entry.source?.authors, feedAuthors);
  const content = entry.content?.src ? undefined : entry.content;
  return {
    url,
    title: atomText(entry.title),
    publishedAt: toIsoDate(firstPresent(entry.published, entry.dc?.dates?.[0], entry.updated)),
    summary: summaryText(firstPresent(atomMarkup(entry.summary), atomMarkup(content))),
    author: authorNames([...(people ?? []).map((person) => person.name), ...(entry.dc?.creators ?? [])]),
    language: languageTag(firstPresent(entry.xml?.lang, entry.dc?.languages?.[0])) ?? feedLanguage,
    guid,
  };
}

/** An Atom text construct as plain text: `text` is already text, `html` and `xhtml` are markup. */
function atomText(value: AtomFeed.Text | AtomFeed.Content | undefined): string | null {
  if (!value?.value) return null;
  return isMarkup(value.type) ? htmlToText(value.value) : cleanText(value.value);
}

// Summaries always go through htmlToText later; escape plain text so its "<" survives as text.
function atomMarkup(value: AtomFeed.Text | AtomFeed.Content | undefined): string | null {
  if (!value?.value) return null;
  return isMarkup(value.type) ? value.value : value.value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function isMarkup(type: string | undefined): boolean {
  return type === 'html' || type === 'xhtml' || /html/i.test(type ?? '');
}
