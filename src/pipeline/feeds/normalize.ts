/** Small normalizers shared by every feed format: text, URLs, languages, and the final item list. */
import { markupText } from './html-text.js';
import type { FeedItem } from './types.js';

// A summary is a teaser for lists; the article body comes from extraction. 1,000 characters (three
// short paragraphs) keeps a publisher's teaser whole and cuts a full content:encoded body; a
// judgement, not a measurement.
const MAX_SUMMARY_CHARS = 1_000;
const LOOKS_LIKE_TAG = /<\/?[a-z][^<>]*>/i;

/** Whitespace collapsed and trimmed; null when nothing is left. */
export function cleanText(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/**
 * HTML (or text that may hold markup and entities) to one line of plain text. Publishers
 * sometimes escape their markup twice; a second pass removes tags the first one uncovered.
 */
export function htmlToText(value: string | null | undefined): string | null {
  let text = value ?? '';
  for (let pass = 0; pass < 2 && /[<&]/.test(text); pass++) {
    text = markupText(text);
    if (!LOOKS_LIKE_TAG.test(text)) break;
  }
  return cleanText(text);
}

/** Plain-text summary, cut at a word boundary when longer than a teaser. */
export function summaryText(value: string | null | undefined): string | null {
  const text = htmlToText(value);
  if (!text || text.length <= MAX_SUMMARY_CHARS) return text;
  const cut = text.slice(0, MAX_SUMMARY_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > MAX_SUMMARY_CHARS / 2 ? lastSpace : MAX_SUMMARY_CHARS)}…`;
}

/**
 * An absolute http(s) URL resolved against `base`, or null. Other schemes (javascript:, data:,
 * mailto:) are never article addresses, and a hostile feed must not get one through.
 */
export function httpUrl(raw: string | null | undefined, base?: string | null): string | null {
  const text = raw?.trim();
  if (!text) return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The base for relative links: each xml:base resolved against the one around it. */
export function resolveBase(outer: string, ...inner: Array<string | null | undefined>): string {
  let base = outer;
  for (const next of inner) {
    if (!next?.trim()) continue;
    try {
      base = new URL(next.trim(), base).href;
    } catch {
      // An unusable xml:base is ignored; the outer base still holds.
    }
  }
  return base;
}

/** A language tag in BCP 47 case (`fr-FR`, `es`, `zh-Hant-TW`), or null when it is not one. */
export function languageTag(raw: string | null | undefined): string | null {
  const text = raw?.trim().replace(/_/g, '-');
  if (!text || !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(text)) return null;
  return text
    .split('-')
    .map((part, i) => {
      if (i === 0) return part.toLowerCase();
      if (part.length === 2) return part.toUpperCase();
      if (part.length === 4) return part[0]!.toUpperCase() + part.slice(1).toLowerCase();
      return part.toLowerCase();
    })
    .join('-');
}

/** Authors' names joined, or null. */
export function authorNames(names: Array<string | null | undefined>): string | null {
  const unique = [...new Set(names.map((name) => htmlToText(name)).filter((name) => name !== null))];
  return unique.length > 0 ? unique.join(', ') : null;
}

/** First value that is neither null, undefined nor blank. */
export function firstPresent<T>(...values: Array<T | null | undefined>): T | null {
  for (const value of values) {
    if (value !== null && value !== undefined && String(value).trim() !== '') return value;
  }
  return null;
}

/** Items whose address is missing dropped, repeats of an address collapsed into the first. */
export function uniqueItems(items: Array<FeedItem | null>): FeedItem[] {
  const seen = new Set<string>();
  const kept: FeedItem[] = [];
  for (const item of items) {
    if (!item || seen.has(item.url)) continue;
    seen.add(item.url);
    kept.push(item);
  }
  return kept;
}
