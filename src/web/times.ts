/**
 * Times as a wire shows them, in the site's time zone and language, always in <time datetime>:
 * "2h ago · 17:20" within a day, "Dec 5, 17:20" before, "Dec 5, 2025" in another year.
 *
 * Relative times go stale on a cached page. The choice here is a short cache: pages are reused for
 * 5 s on the server and 60 s in browsers (app.ts), relative times are counted in whole minutes and
 * hours, and the absolute time stands beside them, so a reader sees at worst "5m ago" for six.
 * (No script: the site has none, and its content security policy forbids them.)
 */
import { html, type SafeHtml } from './html.js';
import { utcIso } from './format.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface TimeContext {
  language: string;
  timeZone?: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const relatives = new Map<string, Intl.RelativeTimeFormat>();

function format(kind: 'clock' | 'day' | 'year' | 'date', site: TimeContext): Intl.DateTimeFormat {
  const timeZone = site.timeZone ?? 'UTC';
  const key = `${kind} ${site.language} ${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    const parts: Intl.DateTimeFormatOptions =
      kind === 'clock'
        ? time
        : kind === 'day'
          ? { month: 'short', day: 'numeric', ...time }
          : kind === 'year'
            ? { year: 'numeric', month: 'short', day: 'numeric' }
            : { year: 'numeric', month: '2-digit', day: '2-digit' };
    found = safeFormat(site.language, { ...parts, timeZone });
    formats.set(key, found);
  }
  return found;
}

function safeFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(language, options);
  } catch {
    return new Intl.DateTimeFormat('en', options); // an unusable language tag
  }
}

function relative(language: string): Intl.RelativeTimeFormat {
  let found = relatives.get(language);
  if (!found) {
    try {
      found = new Intl.RelativeTimeFormat(language, { style: 'narrow', numeric: 'auto' });
    } catch {
      found = new Intl.RelativeTimeFormat('en', { style: 'narrow', numeric: 'auto' });
    }
    relatives.set(language, found);
  }
  return found;
}

/** "now", "5m ago", "2h ago" within a day, else null. */
export function relativeTime(iso: string, now: number, language: string): string | null {
  const ms = now - Date.parse(iso);
  if (!(ms >= -MINUTE_MS) || ms >= DAY_MS) return null; // NaN, the future, or older than a day
  const words = relative(language);
  if (ms < MINUTE_MS) return words.format(0, 'second');
  if (ms < HOUR_MS) return words.format(-Math.floor(ms / MINUTE_MS), 'minute');
  return words.format(-Math.floor(ms / HOUR_MS), 'hour');
}

/** "17:20" on the site's today, "Dec 5, 17:20" this year, "Dec 5, 2025" before. */
export function absoluteTime(iso: string, now: number, site: TimeContext): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const dateOf = format('date', site);
  if (dateOf.format(at) === dateOf.format(now)) return format('clock', site).format(at);
  const sameYear = Math.abs(now - at.getTime()) < 300 * DAY_MS;
  return format(sameYear ? 'day' : 'year', site).format(at);
}

/** Both, as one line of text ("2h ago · 17:20"), or null for an unreadable date. */
export function timeText(iso: string, now: number, site: TimeContext): string | null {
  const absolute = absoluteTime(iso, now, site);
  if (!absolute) return null;
  const ago = relativeTime(iso, now, site.language);
  return ago ? `${ago} · ${absolute}` : absolute;
}

/** `<time datetime="2026-12-05T17:20:00.000Z">2h ago · 17:20</time>`, or nothing for a missing date. */
export function timeStamp(iso: string | null | undefined, now: number, site: TimeContext): SafeHtml {
  const text = iso ? timeText(iso, now, site) : null;
  if (!iso || !text) return html``;
  return html`<time datetime="${utcIso(iso)}">${text}</time>`;
}
