/** Small formatting helpers shared by pages: dates as <time>, language notes. */
import { html, type SafeHtml } from './html.js';

/**
 * A date in the site language, in UTC so the server's time zone never changes a page
 * (and two servers render the same bytes).
 */
export function formatDate(iso: string, language: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const day = date.toISOString().slice(0, 10);
  const key = `${language} ${day}`;
  let shown = shownDays.get(key);
  if (shown === undefined) {
    if (shownDays.size >= MAX_SHOWN_DAYS) shownDays.clear();
    shown = dateFormat(language)?.format(date) ?? day;
    shownDays.set(key, shown);
  }
  return shown;
}

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
  const shown = formatDate(iso, language);
  if (!shown) return html``;
  return html`<time datetime="${new Date(iso).toISOString()}">${shown}</time>`;
}
