/**
 * Dates written out in text ("August 16, 2019", "3 août 2024", "12.12.2025", "2025/4/29") → YYYY-MM-DD.
 */
import type { DomDocument } from './dom.js';
import { attr } from './select.js';

/** 03/04/2025 is March 4 in US English (and on pages that do not say their language), 3 April elsewhere. */
export function monthFirst(document: DomDocument): boolean {
  const lang = (attr(document, 'html', 'lang') ?? '').toLowerCase();
  return lang === '' || lang === 'en' || lang === 'en-us';
}

/** Month names (and abbreviations) in en, es, fr, de, it, pt → 1..12. */
export const MONTHS: Record<string, number> = {};
[
  'january february march april may june july august september october november december',
  'jan feb mar apr may jun jul aug sep oct nov dec',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
  // Abbreviations: es, pt, fr, de, it (names already above keep their first meaning).
  'ene feb mar abr may jun jul ago sep oct nov dic',
  'jan fev mar abr mai jun jul ago set out nov dez',
  'janv févr mars avr mai juin juil août sept oct nov déc',
  'jan feb mär apr mai jun jul aug sep okt nov dez',
  'gen feb mar apr mag giu lug ago set ott nov dic',
].forEach((line) => line.split(' ').forEach((name, i) => (MONTHS[name] ??= i + 1)));
MONTHS.sept = 9;

const NAME = '([A-Za-zÀ-ÿ]{3,10})\\.?';
type Parts = (m: RegExpExecArray, monthFirst: boolean) => [string, string, string];
const TEXT_DATES: Array<[RegExp, Parts]> = [
  [
    new RegExp(`\\b${NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'gu'),
    (m) => [m[3]!, m[1]!, m[2]!],
  ],
  [
    new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?${NAME},?\\s+(?:de\\s+)?((?:19|20)\\d\\d)\\b`,
      'gu',
    ),
    (m) => [m[3]!, m[2]!, m[1]!],
  ],
  // Dashes around a month name, as many CMS print it (04-ago-2021, 12-Mar-2024).
  [new RegExp(`\\b(\\d{1,2})-${NAME}-((?:19|20)\\d\\d)\\b`, 'gu'), (m) => [m[3]!, m[2]!, m[1]!]],
  // Year first; a time may follow without a space (2022-11-23T08:10).
  [/\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g, (m) => [m[1]!, m[2]!, m[3]!]],
  // Day first with dots, as Europe writes it (12.12.2025).
  [/\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b/g, (m) => [m[3]!, m[2]!, m[1]!]],
  // Slashes: a part above 12 is the day; otherwise the page's convention (month first in US English).
  [
    /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)\b/g,
    (m, monthFirst) => {
      const dayFirst = Number(m[1]) > 12 || (!monthFirst && Number(m[2]) <= 12);
      return dayFirst ? [m[3]!, m[2]!, m[1]!] : [m[3]!, m[1]!, m[2]!];
    },
  ],
];

/** The first written date in `text`, as YYYY-MM-DD; month names in en, es, fr, de, it, pt. */
export function textDate(text: string, monthFirst = true): string | null {
  return textDates(text, monthFirst)[0] ?? null;
}

/** Every written date in `text`, in order, as YYYY-MM-DD. */
export function textDates(text: string, monthFirst = true): string[] {
  return writtenDates(text, monthFirst).map((found) => found.day);
}

/** Every written date with where it starts and ends in `text`, in order. */
export function writtenDates(text: string, monthFirst: boolean): Array<{ at: number; end: number; day: string }> {
  const found: Array<{ at: number; end: number; day: string }> = [];
  for (const [pattern, parts] of TEXT_DATES) {
    for (const match of text.matchAll(pattern)) {
      const [year, month, day] = parts(match, monthFirst);
      const m = /^\d+$/.test(month) ? Number(month) : MONTHS[month.toLowerCase()];
      const d = Number(day);
      if (!m || m > 12 || d < 1 || d > 31) continue;
      found.push({
        at: match.index,
        end: match.index + match[0].length,
        day: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      });
    }
  }
  return found.sort((x, y) => x.at - y.at);
}
