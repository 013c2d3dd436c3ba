/** Reading numbers from paths and query strings; a bad value is the client's error (400), never a 500. */
import { HTTPException } from 'hono/http-exception';
import type { SearchSort } from './site-data.js';
import { MAX_SECTION_LENGTH, isSectionName } from '../pipeline/extract/section.js';

/** A whole number from a query parameter, `fallback` when absent, 400 when malformed or out of range. */
export function intQuery(
  raw: string | undefined,
  name: string,
  range: { min: number; max: number; fallback: number },
): number {
  if (raw === undefined || raw === '') return range.fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new HTTPException(400, { message: `${name} must be a whole number from ${range.min} to ${range.max}` });
  }
  return n;
}

/** An id from a path: anything that is not a positive whole number names nothing, hence 404. */
export function idParam(raw: string, what: string): number {
  const n = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (n < 1) throw new HTTPException(404, { message: `No ${what} ${raw}` });
  return n;
}

/** A BCP 47-looking language tag from a query (`lang=pt-BR`), undefined when absent, 400 when malformed. */
export function languageQuery(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/.test(raw))
    throw new HTTPException(400, { message: 'lang must be a language tag such as "es" or "pt-BR"' });
  return raw;
}

/** A section name from a query (`section=Local news`), undefined when absent, 400 when it cannot be one. */
export function sectionQuery(raw: string | undefined): string | undefined {
  const section = raw?.replace(/\s+/g, ' ').trim();
  if (!section) return undefined;
  if (!isSectionName(section)) {
    throw new HTTPException(400, { message: `section must be a section name of up to ${MAX_SECTION_LENGTH} letters` });
  }
  return section;
}

/** A YYYY-MM-DD date from a query, undefined when absent, 400 when malformed. */
export function dateQuery(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw)))
    throw new HTTPException(400, { message: `${name} must be a date as YYYY-MM-DD` });
  return raw;
}

/** Longest search query read, in characters: a long sentence; more is noise (and a 10 KB query is an attack). */
export const MAX_QUERY_LENGTH = 200;

/** The search text, trimmed and cut to MAX_QUERY_LENGTH (never an error: a reader pasted too much). */
export function searchQuery(raw: string | undefined): string {
  return (raw ?? '').trim().slice(0, MAX_QUERY_LENGTH);
}

/** The order of search results: newest first unless `sort=relevance`; 400 for anything else. */
export function sortQuery(raw: string | undefined): SearchSort {
  if (raw === undefined || raw === '' || raw === 'newest') return 'newest';
  if (raw === 'relevance') return 'relevance';
  throw new HTTPException(400, { message: 'sort must be "newest" or "relevance"' });
}

/** Clients that are not readers (crawlers, feed readers, link previews, scripts): their views are not counted. */
const BOT_AGENT =
  /bot|crawl|spider|slurp|archiver|fetch|feed|preview|monitor|curl|wget|python|java\/|go-http|httpclient|okhttp|node|axios|headless|lighthouse|facebookexternalhit|whatsapp|mastodon|pleroma/i;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT_AGENT.test(userAgent);
}
