/** Small formatting helpers shared by pages: dates as <time>, language notes. */
import { html, type SafeHtml } from './html.js';

/**
 * A date in the site language, in UTC so the server's time zone never changes a page
 * (and two servers render the same bytes).
 */
export function formatDate(iso: string, language: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** `<time datetime="…">1 May 2024</time>`, or nothing for a missing or unreadable date. */
export function timeTag(iso: string | null | undefined, language: string): SafeHtml {
  if (!iso) return html``;
  const shown = formatDate(iso, language);
  if (!shown) return html``;
  return html`<time datetime="${new Date(iso).toISOString()}">${shown}</time>`;
}
