/**
 * Odd input the clustering stage notes (and survives): no text, text of numbers only, a publisher's
 * bot check instead of the article, a consent notice in the text, an unknown language, no date, a
 * date in the future. The note travels with the article's story link ("why"), so `cluster
 * --explain` and the store show it.
 */
import { botCheckPhrase } from '../extract/bot-check.js';
import { withoutConsentNotices } from '../extract/consent-notice.js';

/** A date more than a day ahead of now (and of the latest sane date) is a publisher's typo. */
export const FUTURE_SLACK_MS = 86_400_000;

/** What is odd about an article's text and language. */
export function textOddities(title: string, text: string, language: string | null): string[] {
  const out: string[] = [];
  // The text as the clusterer reads it: a consent notice is no part of it (features.ts), only noted.
  const read = withoutConsentNotices(text);
  if (read !== text) out.push('consent-notice');
  const all = `${title}\n${read}`;
  if (all.trim() === '') out.push('empty');
  else if (!/\p{L}/u.test(all)) out.push('numbers-only');
  else if ((all.match(/\p{L}+/gu) ?? []).length < 5) out.push('tiny');
  // Extraction refuses these pages; text given to `cluster` or stored before may still hold one.
  if (botCheckPhrase([title, text])) out.push('bot-check');
  if (!language || language === 'und') out.push('unknown-language');
  return out;
}

/**
 * The time the clusterer uses: the published date, else `fallbackMs` (noted "no-date"); a date
 * beyond `nowMs` + a day is read as `fallbackMs` too (noted "future-date"), so a mistyped 2099
 * neither keeps a story open for decades nor closes every other story.
 */
export function clusterTime(publishedAt: string | null, nowMs: number, fallbackMs: number, oddities: string[]): number {
  const parsed = publishedAt ? Date.parse(publishedAt) : NaN;
  if (Number.isNaN(parsed)) {
    oddities.push('no-date');
    return fallbackMs;
  }
  if (parsed > nowMs + FUTURE_SLACK_MS) {
    oddities.push('future-date');
    return fallbackMs;
  }
  return parsed;
}

/**
 * Empty, numbers-only or a bot check: nothing to tell one event from another, so the article stays
 * alone (a publisher's bot checks are word for word the same: as copies or by their words, every
 * one of them would join one story).
 */
export function withoutEvidence(oddities: string[]): boolean {
  return oddities.includes('empty') || oddities.includes('numbers-only') || oddities.includes('bot-check');
}
