/**
 * Snowball stemmers per language (ISO 639-1 codes, as the language detector gives them), from
 * @orama/stemmers (the Snowball algorithms compiled to JavaScript). Languages Snowball has no
 * stemmer for here (pl, ca, gl, eu, …) get null: features.ts cuts their words to a prefix instead.
 */
import { stemmer as ar } from '@orama/stemmers/arabic';
import { stemmer as bg } from '@orama/stemmers/bulgarian';
import { stemmer as da } from '@orama/stemmers/danish';
import { stemmer as de } from '@orama/stemmers/german';
import { stemmer as el } from '@orama/stemmers/greek';
import { stemmer as en } from '@orama/stemmers/english';
import { stemmer as es } from '@orama/stemmers/spanish';
import { stemmer as fi } from '@orama/stemmers/finnish';
import { stemmer as fr } from '@orama/stemmers/french';
import { stemmer as ga } from '@orama/stemmers/irish';
import { stemmer as hu } from '@orama/stemmers/hungarian';
import { stemmer as hy } from '@orama/stemmers/armenian';
import { stemmer as id } from '@orama/stemmers/indonesian';
import { stemmer as it } from '@orama/stemmers/italian';
import { stemmer as lt } from '@orama/stemmers/lithuanian';
import { stemmer as nl } from '@orama/stemmers/dutch';
import { stemmer as no } from '@orama/stemmers/norwegian';
import { stemmer as pt } from '@orama/stemmers/portuguese';
import { stemmer as ro } from '@orama/stemmers/romanian';
import { stemmer as ru } from '@orama/stemmers/russian';
import { stemmer as sr } from '@orama/stemmers/serbian';
import { stemmer as sv } from '@orama/stemmers/swedish';
import { stemmer as ta } from '@orama/stemmers/tamil';
import { stemmer as tr } from '@orama/stemmers/turkish';
import { stemmer as uk } from '@orama/stemmers/ukrainian';

export type Stem = (lowerCaseWord: string) => string;

const stemmers: Record<string, Stem> = {
  ar,
  bg,
  da,
  de,
  el,
  en,
  es,
  fi,
  fr,
  ga,
  hu,
  hy,
  id,
  it,
  lt,
  nl,
  no,
  nb: no,
  pt,
  ro,
  ru,
  sr,
  sv,
  ta,
  tr,
  uk,
};

/** Stems are memoised per language: news repeats its words, and a stemmer call costs ~1 µs. */
const MEMO_LIMIT = 100_000;
const memos = new Map<string, Map<string, string>>();

/** The stemmer of a language, memoised; null when there is none. */
export function stemmerFor(language: string | null | undefined): Stem | null {
  if (!language) return null;
  const stem = stemmers[language.slice(0, 2).toLowerCase()];
  if (!stem) return null;
  let memo = memos.get(language);
  if (!memo) memos.set(language, (memo = new Map()));
  const m = memo;
  return (word) => {
    let s = m.get(word);
    if (s === undefined) {
      if (m.size >= MEMO_LIMIT) m.clear();
      s = stem(word);
      m.set(word, s);
    }
    return s;
  };
}
