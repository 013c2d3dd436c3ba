/**
 * Translation defects a program can find in one article's translation (issue 17): the audit
 * (bench/fidelity.ts) counts them per page and in total. A seam: the detectors land with the fixes.
 */

export interface TranslationDefects {
  /** Apertium's unknown-word marks ("*", "#", "@") left in the output. */
  leakedMarks: string[];
  /** Words copied untranslated that differ from their source only by accents ("ojala" for "ojalá"). */
  strippedAccents: string[];
  /** Protected names (source spelling) that are missing or altered in the translation. */
  brokenNames: string[];
  /** How many names the check looked for (the denominator of the broken-name rate). */
  namesChecked: number;
  /** Source-language words left in the English (not names, not shared words). */
  untranslatedWords: string[];
}

export interface TranslatedText {
  /** The source paragraphs (title first). */
  source: string[];
  /** Their translations, one per source paragraph. */
  translated: string[];
  from: string;
  to: string;
}

export function translationDefects(_text: TranslatedText): TranslationDefects {
  return { leakedMarks: [], strippedAccents: [], brokenNames: [], namesChecked: 0, untranslatedWords: [] };
}
