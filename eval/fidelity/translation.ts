/**
 * Translation defects a program can find in one article's translation (issue 17): the audit
 * (bench/fidelity.ts, bench/fidelity-translation.ts) counts them per page and in total. Pure
 * functions over the source and translated paragraphs, paragraph by paragraph.
 */
import { gazetteer } from '../../src/pipeline/translate/gazetteer.js';
import { findNames, nameInLanguage } from '../../src/pipeline/translate/protect-names.js';
import { sourceWords } from './source-words.js';

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
  /**
   * Words the target language's dictionary knows (english-words.ts asks Apertium's): a copied word
   * found there is a translation ("region" for "región", "Mexico" for "México"), not a defect.
   * Without it every candidate counts.
   */
  targetWords?: ReadonlySet<string>;
}

export function translationDefects(text: TranslatedText): TranslationDefects {
  const defects: TranslationDefects = {
    leakedMarks: [],
    strippedAccents: [],
    brokenNames: [],
    namesChecked: 0,
    untranslatedWords: [],
  };
  text.source.forEach((source, i) => {
    const translated = text.translated[i] ?? '';
    defects.leakedMarks.push(...leakedMarks(source, translated));
    const known = (word: string) => text.targetWords?.has(word) ?? false;
    defects.strippedAccents.push(...strippedAccents(source, translated).filter((w) => !known(w)));
    const names = brokenNames(source, translated, text.to);
    defects.brokenNames.push(...names.broken);
    defects.namesChecked += names.checked;
    defects.untranslatedWords.push(...untranslatedWords(source, translated, text.from).filter((w) => !known(w)));
  });
  return defects;
}

/** Sums of many articles' defects (the audit's totals). */
export function addDefects(a: TranslationDefects, b: TranslationDefects): TranslationDefects {
  return {
    leakedMarks: [...a.leakedMarks, ...b.leakedMarks],
    strippedAccents: [...a.strippedAccents, ...b.strippedAccents],
    brokenNames: [...a.brokenNames, ...b.brokenNames],
    namesChecked: a.namesChecked + b.namesChecked,
    untranslatedWords: [...a.untranslatedWords, ...b.untranslatedWords],
  };
}

const wordChars = String.raw`[\p{L}\p{N}ºª_'’-]`;
const markedWord = new RegExp(String.raw`${wordChars}*[*#@]+[\p{L}ºª]${wordChars}*`, 'gu');

/**
 * Words holding a mark right before a letter ("*palabra", "gastro-*enterologue", "1*º") that the
 * source does not hold as written (a hashtag, an @handle, an e-mail address stay).
 */
export function leakedMarks(source: string, translated: string): string[] {
  return [...translated.matchAll(markedWord)].map((m) => m[0]).filter((word) => !source.includes(word));
}

const words = (text: string): string[] => text.match(/\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu) ?? [];

export function foldAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Translated words that the source holds with accents and never without ("ojala" for "ojalá"). */
export function strippedAccents(source: string, translated: string): string[] {
  const inSource = new Set(words(source).map((w) => w.toLowerCase()));
  const accented = new Set([...inSource].filter((w) => foldAccents(w) !== w).map(foldAccents));
  return words(translated).filter((word) => {
    const lower = word.toLowerCase();
    return accented.has(lower) && !inSource.has(lower);
  });
}

/** The translated words a dictionary must judge before the checks above count them (see targetWords). */
export function candidateWords(text: TranslatedText): string[] {
  const found = text.source.flatMap((source, i) => {
    const translated = text.translated[i] ?? '';
    return [...strippedAccents(source, translated), ...untranslatedWords(source, translated, text.from)];
  });
  return [...new Set(found)];
}

/** Protected names of the source (protect-names.ts) missing from the translation in every accepted form. */
export function brokenNames(source: string, translated: string, to: string): { broken: string[]; checked: number } {
  const spans = findNames(source);
  const broken = spans
    .filter((span) => !acceptedForms(span.name, nameInLanguage(span, to)).some((form) => translated.includes(form)))
    .map((span) => span.name);
  return { broken, checked: spans.length };
}

/** The name as written, its target form, and every spelling the gazetteer gives the same entity. */
function acceptedForms(name: string, target: string): string[] {
  const entry = gazetteer.find((e) =>
    Object.values(e.forms).some((f) => f === name || (Array.isArray(f) && f.includes(name))),
  );
  const spellings = entry ? Object.values(entry.forms).flatMap((f) => (typeof f === 'string' ? [f] : [...f])) : [];
  return [name, target, ...spellings];
}

/**
 * Words copied from the source into the translation that are the source language's common words
 * (source-words.ts), or lower-case words with accents copied as written ("según", "também"); a
 * capitalised word is taken for a name and left out.
 */
export function untranslatedWords(source: string, translated: string, from: string): string[] {
  const common = sourceWords[from];
  const inSource = new Set(words(source).map((w) => w.toLowerCase()));
  return words(translated).filter((word) => {
    if (word !== word.toLowerCase() || !inSource.has(word)) return false;
    return (common?.has(word) ?? false) || foldAccents(word) !== word;
  });
}
