/**
 * Words Apertium's Spanish → English dictionaries do not know (it marks them `*palabra`): first a
 * small table of frequent news words (unknown-words-data.ts), else a Spanish → English cognate
 * ending ("desnuclearización" → "denuclearization", "separatistas" → "separatists"), else the word
 * as written, accents and all (issue 17: a copied "ojala" for "ojalá" or "ibuprofene" for
 * "ibuprofène" misspells the source; an English reader matches the word as written at least as well).
 * Capitalised words (names) are only unmarked, never changed.
 */
import { unknownVerbs, unknownWords } from './unknown-words-data.js';

// Spanish endings and their usual English cognate endings, longest first within each family.
const cognateEndings: [RegExp, string][] = [
  [/izaciones$/, 'izations'],
  [/ización$/, 'ization'],
  [/ciones$/, 'tions'],
  [/ción$/, 'tion'],
  [/siones$/, 'sions'],
  [/sión$/, 'sion'],
  [/idades$/, 'ities'],
  [/idad$/, 'ity'],
  [/ismos$/, 'isms'],
  [/ismo$/, 'ism'],
  [/istas$/, 'ists'],
  [/ista$/, 'ist'],
  [/(?:ic|íc)(?:os|as)$/, 'ic'],
  [/(?:ic|íc)[oa]$/, 'ic'],
  [/os[oa]s?$/, 'ous'],
  [/encias?$/, 'ence'],
  [/ancias?$/, 'ance'],
  [/mente$/, 'ly'],
  [/arios$/, 'aries'],
  [/ari[oa]s?$/, 'ary'],
  [/iv[oa]s?$/, 'ive'],
  [/izar$/, 'ize'],
  [/izó$/, 'ized'],
  [/izad[oa]s?$/, 'ized'],
];

export function guessUnknown(word: string): string {
  if (/^\p{Lu}/u.test(word)) return word;
  const lower = word.toLowerCase();
  const known = unknownWords.get(lower) ?? verbForm(lower);
  if (known) return known;
  for (const [ending, english] of cognateEndings)
    if (ending.test(lower)) return withoutAccents(lower.replace(ending, english));
  return word;
}

function withoutAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

// Regular Spanish verb endings → which English form: base, third person, past, participle, -ing.
const verbEndings: [string, 'base' | 's' | 'past' | 'ing' | 'will'][] = [
  ['aron', 'past'],
  ['ieron', 'past'],
  ['ando', 'ing'],
  ['iendo', 'ing'],
  ['ados', 'past'],
  ['idos', 'past'],
  ['adas', 'past'],
  ['idas', 'past'],
  ['ado', 'past'],
  ['ido', 'past'],
  ['ada', 'past'],
  ['ida', 'past'],
  ['aba', 'past'],
  ['aban', 'past'],
  ['ía', 'past'],
  ['ían', 'past'],
  ['ará', 'will'],
  ['erá', 'will'],
  ['irá', 'will'],
  ['arán', 'will'],
  ['erán', 'will'],
  ['irán', 'will'],
  ['ó', 'past'],
  ['ió', 'past'],
  ['an', 'base'],
  ['en', 'base'],
  ['a', 's'],
  ['e', 's'],
  ['ar', 'base'],
  ['er', 'base'],
  ['ir', 'base'],
];

const longestEndingFirst = [...verbEndings].sort((a, b) => b[0].length - a[0].length);

/** A form of a verb in the table: "sucedió" → "happened", "tuiteando" → "tweeting". */
function verbForm(word: string): string | undefined {
  for (const [ending, form] of longestEndingFirst) {
    if (!word.endsWith(ending)) continue;
    const verb = unknownVerbs.get(word.slice(0, -ending.length));
    if (verb) return english(verb, form);
  }
  return undefined;
}

function english(verb: { base: string; past: string }, form: 'base' | 's' | 'past' | 'ing' | 'will'): string {
  const { base, past } = verb;
  if (form === 'past') return past;
  if (form === 'will') return `will ${base}`;
  if (form === 's')
    return /(?:s|sh|ch|x|z)$/.test(base)
      ? `${base}es`
      : /[^aeiou]y$/.test(base)
        ? `${base.slice(0, -1)}ies`
        : `${base}s`;
  if (form === 'ing') return /[^e]e$/.test(base) ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return base;
}
