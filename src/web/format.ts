/** Small formatting helpers shared by pages: dates as <time>, language notes. */
import { html, type SafeHtml } from './html.js';

/**
 * A date in the site language, in UTC so the server's time zone never changes a page
 * (and two servers render the same bytes).
 */
export function formatDate(iso: string, language: string): string | null {
  const utc = utcIso(iso);
  return utc ? shownDay(utc, language) : null;
}

function shownDay(utc: string, language: string): string {
  const day = utc.slice(0, 10);
  const key = `${language} ${day}`;
  let shown = shownDays.get(key);
  if (shown === undefined) {
    if (shownDays.size >= MAX_SHOWN_DAYS) shownDays.clear();
    shown = dateFormat(language)?.format(new Date(utc)) ?? day;
    shownDays.set(key, shown);
  }
  return shown;
}

/**
 * The time as `toISOString()` writes it ("2026-12-06T17:20:00.000Z"), or null when unreadable. A
 * time already written so is returned as it is, and any other is parsed once a line, not twice (two
 * Dates and two toISOString() a result line were ~3 % of a new search's main thread).
 */
export function utcIso(iso: string): string | null {
  // Days past the 28th are parsed: Date rolls "February 30" over to March.
  if (iso.length === 24 && CANONICAL_ISO.test(iso) && iso.slice(8, 10) <= '28') return iso;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const CANONICAL_ISO = /^\d{4}-(?:0[1-9]|1[0-2])-[0-3]\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * Days already formatted, by language and UTC day: Intl's format() was ~2% of a search page's CPU
 * (20 dates a page, few distinct days). Cleared when full; a few years of days fit.
 */
const shownDays = new Map<string, string>();
const MAX_SHOWN_DAYS = 5_000;

// Building an Intl formatter costs far more than using one (front page of 20 items: 2.0 → 0.6 ms per request with the cache).
const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

function dateFormat(language: string): Intl.DateTimeFormat | null {
  if (!dateFormats.has(language)) {
    let format: Intl.DateTimeFormat | null = null;
    try {
      format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      // An unusable language tag: ISO dates below.
    }
    dateFormats.set(language, format);
  }
  return dateFormats.get(language) ?? null;
}

/** `<time datetime="…">1 May 2024</time>`, or nothing for a missing or unreadable date. */
export function timeTag(iso: string | null | undefined, language: string): SafeHtml {
  if (!iso) return html``;
  const utc = utcIso(iso);
  if (!utc) return html``;
  return html`<time datetime="${utc}">${shownDay(utc, language)}</time>`;
}
