/**
 * Feed dates to ISO 8601. Feeds carry RFC 822 dates (RSS pubDate), W3C/ISO dates (Atom, dc:date,
 * JSON Feed, sitemaps), and in the wild RFC 822 with localized month names or zone abbreviations
 * that Date.parse does not know. Unreadable dates become null, never a wrong date.
 */

// W3C-DTF profile of ISO 8601 (https://www.w3.org/TR/NOTE-datetime), also with a space before the time,
// a missing seconds field and zones written +0200.
const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

// RFC 822/1123 as RSS uses it: optional weekday, day, month name, year, time, zone.
const RFC822_DATE =
  /^(?:[\p{L}.]+,?\s+)?(\d{1,2})[\s-]+([\p{L}.]+)[\s-]+(\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?$/iu;

// Month names by prefix, English first, then the languages of publishers we follow (fr, es, it, de, pt).
const MONTHS: Record<string, number> = {
  jan: 1,
  ene: 1,
  gen: 1,
  feb: 2,
  fev: 2,
  mar: 3,
  apr: 4,
  avr: 4,
  abr: 4,
  may: 5,
  mai: 5,
  mag: 5,
  jun: 6,
  giu: 6,
  jul: 7,
  lug: 7,
  aug: 8,
  aou: 8,
  ago: 8,
  sep: 9,
  set: 9,
  oct: 10,
  okt: 10,
  ott: 10,
  out: 10,
  nov: 11,
  dec: 12,
  dic: 12,
  dez: 12,
};

// Zone abbreviations seen in RSS: the RFC 822 set plus common European ones (hours from UTC).
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  wet: 0,
  west: 1,
  bst: 1,
  cet: 1,
  cest: 2,
  met: 1,
  mest: 2,
  eet: 2,
  eest: 3,
  msk: 3,
};

/** A feed's date string as ISO 8601 in UTC, or null when it cannot be read. */
export function toIsoDate(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const ms = isoMs(text) ?? rfc822Ms(text) ?? Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  // Years outside 1900..9999 come from broken generators (epoch 0 shows as 1970, which we keep).
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 9999 ? date.toISOString() : null;
}

function isoMs(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [, y, mo = '1', d = '1', h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const utc = utcMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms);
  return validParts(Number(mo), Number(d), Number(h), Number(mi)) ? utc - zoneOffsetMs(zone) : null;
}

function rfc822Ms(text: string): number | null {
  const m = RFC822_DATE.exec(text);
  if (!m) return null;
  const [, d, monthName, y, h, mi, s = '0', zone] = m;
  const month = monthNumber(monthName ?? '');
  if (month === null) return null;
  let year = Number(y);
  // RFC 822 allows two-digit years; RFC 2822 says 00-49 are 20xx.
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const utc = utcMs(year, month, Number(d), Number(h), Number(mi), Number(s), 0);
  return validParts(month, Number(d), Number(h), Number(mi)) ? utc - zoneOffsetMs(zone) : null;
}

// Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes the year as written.
function utcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.setUTCHours(hour, minute, second, ms);
}

function monthNumber(name: string): number | null {
  const key = name
    .normalize('NFD')
    .replace(/[^a-z]/gi, '')
    .toLowerCase();
  // French "juin" and "juillet" share their first three letters.
  if (key.startsWith('juil')) return 7;
  if (key.startsWith('juin')) return 6;
  return MONTHS[key.slice(0, 3)] ?? null;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone) return 0; // no zone: read as UTC, the only neutral choice
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return (numeric[1] === '-' ? -minutes : minutes) * 60_000;
  }
  return (ZONES[zone.toLowerCase()] ?? 0) * 3_600_000;
}

function validParts(month: number, day: number, hour: number, minute: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 24 && minute <= 59;
}
