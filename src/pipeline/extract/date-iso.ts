/**
 * Date stamps as ISO 8601 with the offset the page wrote ("2025-09-04T23:30:00.000-04:00"), or null for
 * text that is no plausible publication date.
 */
import { collapse } from './dom.js';

/** Earliest plausible publication (the web news era); later than two days ahead is a wrong field. */
const EARLIEST_MS = Date.UTC(1990, 0, 1);
const AHEAD_MS = 2 * 86_400_000;

/** "2025-09-04", "2025-09-04T23:30", "2025-09-04 23:30:00.5 -04:00", "...Z": parts of an ISO-like stamp. */
const ISO_LIKE =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T\s]+(\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d\d(?::?\d\d)?)?$/i;
/** A zone after a time of day ("19:24:33 -0400", "10:00 GMT"); "03-09-2026" ends in no zone. */
const ZONE_AT_END = /\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d\d:?\d\d)$/i;

/** ISO 8601 with the offset the page wrote (so the date stays on the page's own day: a story posted at
 *  23:30 in New York is dated that day, not the next one in UTC), or null for text that is no plausible
 *  publication date (before 1990 or in the future). A stamp without a zone is read as UTC wall time, so
 *  "2024-03-15" stays on its day whatever the machine's zone. */
export function isoDate(value: string | null | undefined): string | null {
  const text = collapse(value);
  if (!text || !/\d{4}|\d{1,2}[ ./-]\d{1,2}/.test(text)) return null;
  const iso = ISO_LIKE.exec(text);
  if (iso) return plausible(fromIsoParts(iso));
  const zone = ZONE_AT_END.exec(text)?.[1];
  const time = Date.parse(zone ? text : `${text} UTC`) || Date.parse(text);
  if (Number.isNaN(time)) return null;
  return plausible(withOffset(time, zone ? offsetMinutes(zone) : 0));
}

function fromIsoParts(m: RegExpExecArray): string | null {
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone] = m;
  const ms = frac.padEnd(3, '0').slice(0, 3);
  const offset = offsetMinutes(zone ?? 'Z');
  const text = `${y}-${mo}-${d}T${h}:${mi}:${sec}.${ms}${offsetText(offset)}`;
  const time = Date.parse(text);
  if (Number.isNaN(time) || new Date(time - offset * -60_000).getUTCDate() !== Number(d)) return null; // 2025-02-30
  return text;
}

function plausible(iso: string | null): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return time >= EARLIEST_MS && time <= Date.now() + AHEAD_MS ? iso : null;
}

/** "+02:00", "-0400", "+05", "Z", "UTC" → minutes east of UTC. */
function offsetMinutes(zone: string): number {
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The instant written as wall time at `minutes` east of UTC. */
function withOffset(time: number, minutes: number): string {
  return new Date(time + minutes * 60_000).toISOString().replace('Z', offsetText(minutes));
}
