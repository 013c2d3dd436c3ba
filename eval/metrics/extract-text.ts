/**
 * The metrics of the two extraction sets (eval/sets/extract.ts), as each benchmark publishes them:
 *   aeb  — token 4-gram shingle P/R, means over pages, F1 of the means (implemented exactly as published;
 *          Readability 0.6 reproduces 0.947).
 *   wcxb — word-bag F1 per page (lower-cased `\w+` multisets), mean over pages; plus title / author / date
 *          agreement with the truth (definitions at `metadataHits`).
 */
import type { Page } from '../sets/extract.js';

/** Python's `\w+` over Unicode: letters, digits (all scripts) and underscore. */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const n = words.length < 4 ? Math.min(words.length, 1) : words.length - 3;
  for (let i = 0; i < n; i++) {
    const key = words.length < 4 ? words.join(' ') : words.slice(i, i + 4).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  precision: number | null;
  recall: number | null;
  exact: boolean;
}

/** One page scored as the AEB defines it (shared/data/README.md). */
export function scoreAeb(truthText: string, predicted: string): PageScore {
  const truthTokens = tokens(truthText);
  const predTokens = tokens(predicted);
  const { tp, fp, fn } = overlap(shingles(truthTokens), shingles(predTokens));
  const exact = truthTokens.length === predTokens.length && truthTokens.every((t, i) => t === predTokens[i]);
  if (fp === 0 && fn === 0) return { precision: 1, recall: 1, exact };
  return { precision: tp + fp > 0 ? tp / (tp + fp) : null, recall: tp + fn > 0 ? tp / (tp + fn) : null, exact };
}

/** One page scored as WCXB does: word-bag overlap of lower-cased tokens. */
export function scoreWcxb(truthText: string, predicted: string): PageScore {
  const bag = (text: string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const t of tokens(text.toLowerCase())) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  };
  const { tp, fp, fn } = overlap(bag(truthText), bag(predicted));
  return {
    precision: tp + fp > 0 ? tp / (tp + fp) : 0,
    recall: tp + fn > 0 ? tp / (tp + fn) : 0,
    exact: fp === 0 && fn === 0,
  };
}

function overlap(truth: Map<string, number>, pred: Map<string, number>): { tp: number; fp: number; fn: number } {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const [key, t] of truth) {
    const p = pred.get(key) ?? 0;
    tp += Math.min(t, p);
    fn += Math.max(0, t - p);
  }
  for (const [key, p] of pred) fp += Math.max(0, p - (truth.get(key) ?? 0));
  return { tp, fp, fn };
}

export interface SetScore {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
}

function mean(values: Array<number | null>): number {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : 0;
}

const f1Of = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/** AEB: F1 of the mean P and R. WCXB: the mean of per-page F1 (P and R shown as means). */
export function aggregate(set: Page['set'], scores: PageScore[]): SetScore {
  const precision = mean(scores.map((s) => s.precision));
  const recall = mean(scores.map((s) => s.recall));
  const f1 = set === 'aeb' ? f1Of(precision, recall) : mean(scores.map((s) => f1Of(s.precision ?? 0, s.recall ?? 0)));
  return { f1, precision, recall, accuracy: scores.filter((s) => s.exact).length / Math.max(1, scores.length) };
}

export interface MetaGuess {
  title: string | null;
  author: string | null;
  /** Anything Date.parse reads or an ISO string; compared by its calendar day. */
  date: string | null;
}

export interface MetaHits {
  title: boolean | null;
  author: boolean | null;
  date: boolean | null;
}

/** Each field counts only on pages whose truth has it (null otherwise):
 *  title  — equal after whitespace collapse (case and quotes kept: "exact");
 *  author — equal after lower-casing, dropping a "By" prefix, punctuation and list words ("A, B and C" =
 *           "A, B, C": the same people);
 *  date   — the guess's calendar day (as written, before any time-zone shift) equals the truth's day. */
export function metadataHits(page: Page, guess: MetaGuess): MetaHits {
  const ws = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  const person = (s: string | null | undefined): string =>
    ws(
      (s ?? '')
        .toLowerCase()
        .replace(/^\s*by\s+/, '')
        .replace(/[^\p{L}\p{N}\s]/gu, ' ')
        .replace(/\band\b/g, ' '),
    );
  return {
    title: page.title ? ws(guess.title) === ws(page.title) : null,
    author: page.author ? person(guess.author) === person(page.author) : null,
    date: page.date ? dayOf(guess.date) === page.date : null,
  };
}

/** "2025-09-04T23:30:00-04:00" → 2025-09-04 (the day the page states); other formats through Date.parse. */
export function dayOf(value: string | null): string | null {
  if (!value) return null;
  const iso = /^(\d{4}-\d\d-\d\d)/.exec(value.trim());
  if (iso) return iso[1]!;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

export function rate(hits: Array<boolean | null>): number {
  const counted = hits.filter((h): h is boolean => h !== null);
  return counted.length ? counted.filter(Boolean).length / counted.length : 0;
}
