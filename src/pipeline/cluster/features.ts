/**
 * What an article says, as weighted terms that can meet across languages: names (the same in
 * most languages, and one key for known spellings: Pionyang = Pyongyang), numbers, and word
 * stems: the Snowball stem of the sample's language (stemmers.ts) where there is one, else the
 * word. Stems are cut to five letters so close languages share them (presidente / president /
 * presidenta → "presi"); with English translations present, translated articles meet on English.
 */
import { foldName, knownSpellings, spellingKey, type KnownEntity } from '../enrich/spellings.js';
import { dictionaryFor } from './dictionary.js';
import { stemmerFor } from './stemmers.js';
import { stopwords } from './stopwords.js';

/** Five letters: best B-cubed on NTREX es/ca/gl/eu/en among 4–7 (measured with bench/cluster.ts). */
const STEM_LETTERS = 5;
/** Weights per occurrence: a known entity or a number says more about the event than a word. */
const WEIGHT = { word: 1, name: 2, entity: 3, number: 2 } as const;
/** Known spellings are at most this many words ("Corea del Norte"). */
const MAX_SPELLING_WORDS = 3;

export type TermWeights = Map<string, number>;

export interface TextSample {
  title: string;
  text: string;
  /** The sample's language when known (word frequencies are kept per language: see clusterer.ts). */
  language?: string | null;
}

interface Token {
  text: string;
  folded: string;
  capitalised: boolean;
  sentenceStart: boolean;
}

const tokenPattern = /\p{L}+|\d+(?:[.,]\d+)*/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(tokenPattern)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index).trim();
    out.push({
      text: m[0],
      folded: foldName(m[0]),
      capitalised: /^\p{Lu}/u.test(m[0]),
      sentenceStart: before === '' || /[.!?:«"“]$/.test(before),
    });
  }
  return out;
}

/** A known entity starting at token i, and how many tokens it spans. */
function knownAt(tokens: Token[], i: number): { entity: KnownEntity; length: number } | null {
  if (!tokens[i]!.capitalised) return null;
  for (let n = Math.min(MAX_SPELLING_WORDS, tokens.length - i); n >= 1; n--) {
    const span = tokens.slice(i, i + n);
    // Tokens are letters only, so their folded forms joined by spaces are the spelling key.
    const head = span
      .slice(0, -1)
      .map((t) => `${t.folded} `)
      .join('');
    const last = span.at(-1)!.folded;
    for (const form of [last, ...uninflected(last)]) {
      const key = head + form;
      const entity = knownSpellings.get(key);
      // Short forms (US, UE, ONU) only in capitals: "us" and "une" are words.
      if (entity && (key.length > 4 || span.every((t) => t.text === t.text.toUpperCase())))
        return { entity, length: n };
    }
  }
  return null;
}

/**
 * Basque declines names with case endings (Eskoziako, Erresuma Batuak, Europar Batasunetik,
 * AEBko): the forms a known name may stand under once one is cut (and the article -a restored).
 * Only forms that end some known spelling are returned, so the lookups stay few.
 */
const CASE_ENDINGS = [
  'rekin',
  'etik',
  'aren',
  'eko',
  'ean',
  'era',
  'ren',
  'tik',
  'ko',
  'ak',
  'ek',
  'en',
  'an',
  'ra',
  'ri',
  'k',
  'n',
];
const knownLastWords: ReadonlySet<string> = new Set([...knownSpellings.keys()].map((k) => k.split(' ').at(-1)!));

function uninflected(folded: string): string[] {
  const out: string[] = [];
  for (const ending of CASE_ENDINGS) {
    if (folded.length - ending.length < 2 || !folded.endsWith(ending)) continue;
    const base = folded.slice(0, -ending.length);
    if (knownLastWords.has(base)) out.push(base);
    if (knownLastWords.has(`${base}a`)) out.push(`${base}a`);
  }
  return out;
}

export interface Mention {
  /** Known entity key, or the capitalised run as written. */
  name: string;
  known: KnownEntity | null;
}

/** Adds the terms of a text to `into`, scaled; returns the names mentioned. */
export function addTerms(text: string, into: TermWeights, scale = 1, language: string | null = null): Mention[] {
  const tokens = tokenize(text);
  const word = wordTerm(language);
  // A word's English senses as English word terms: the article meets English news on them.
  const dictionary = dictionaryFor(language);
  const english = dictionary ? englishTerm() : null;
  const mentions: Mention[] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length > 0) mentions.push({ name: run.join(' '), known: null });
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const known = knownAt(tokens, i);
    if (known) {
      endRun();
      bump(into, `e:${spellingKey(known.entity.key)}`, WEIGHT.entity * scale);
      // A person's surname too, so "Scholz" alone meets "Olaf Scholz". Not a place's last word:
      // "Korea" of North Korea counted the country twice (NTREX untranslated 0.926 -> 0.935).
      if (known.entity.kind === 'person')
        bump(into, `n:${spellingKey(known.entity.key).split(' ').at(-1)!.slice(0, STEM_LETTERS)}`, WEIGHT.name * scale);
      mentions.push({ name: known.entity.key, known: known.entity });
      i += known.length - 1;
      continue;
    }
    const t = tokens[i]!;
    if (/^\d/.test(t.text)) {
      endRun();
      // Separators removed so 1,000 / 1.000 / 1000 meet; one digit alone is too common to mean anything.
      const digits = t.text.replace(/[.,]/g, '');
      if (digits.length >= 2) bump(into, `#${digits}`, WEIGHT.number * scale);
      continue;
    }
    if (t.folded.length < 4 || stopwords.has(t.folded)) {
      endRun();
      continue;
    }
    const name = t.capitalised && !t.sentenceStart;
    if (name) run.push(t.text);
    else endRun();
    bump(into, word(t), WEIGHT.word * scale);
    if (dictionary)
      for (const e of dictionary.english(t.text.toLowerCase())) bump(into, english!(e), WEIGHT.word * scale);
    if (name) bump(into, `n:${t.folded.slice(0, STEM_LETTERS)}`, WEIGHT.name * scale);
  }
  endRun();
  return mentions;
}

/**
 * Snowball stems are cut to STEM_LETTERS too: close languages keep meeting on them (events.jsonl
 * es/en/fr/de/pt fell to B-cubed 0.964 with whole stems, 1.000 cut), while the stemmer still
 * folds short inflected words. Whole stems for German alone: semeval-dev de-de tune F1 0.649 -> 0.611
 * (five letters act as a compound's head: Bundesregierung, Bundesregierungen).
 */

function englishTerm(): (word: string) => string {
  const stem = stemmerFor('en')!;
  return (w) => foldName(stem(w)).slice(0, STEM_LETTERS);
}

/**
 * Arabic writes "and" / "so" (و، ف) onto the next word; Snowball strips the article and
 * prepositions (الكتاب، بالكتاب → كتاب) but not و before ال (والكتاب stayed whole).
 */
const arabicConjunction = /^[وف](?=ال)/u;

/** A word's term: its Snowball stem in its language (diacritics folded), else its first letters. */
function wordTerm(language: string | null): (t: Token) => string {
  const stem = stemmerFor(language);
  if (!stem) return (t) => t.folded.slice(0, STEM_LETTERS);
  const clitics = language === 'ar' ? arabicConjunction : null;
  return (t) => {
    const lower = t.text.toLowerCase();
    return foldName(stem(clitics ? lower.replace(clitics, '') : lower)).slice(0, STEM_LETTERS);
  };
}

function bump(into: TermWeights, term: string, by: number): void {
  into.set(term, (into.get(term) ?? 0) + by);
}

/** Title words count double: a headline names the event. */
const TITLE_SCALE = 2;

export interface ArticleTerms {
  terms: TermWeights;
  mentions: Mention[];
  /** The word stems each language's sample used (for per-language document frequencies). */
  wordsByLanguage: Map<string, Set<string>>;
}

/** The raw term counts of an article: its own text and, when given, its English translation. */
export function articleTerms(samples: TextSample[]): ArticleTerms {
  const terms: TermWeights = new Map();
  const mentions: Mention[] = [];
  const wordsByLanguage = new Map<string, Set<string>>();
  for (const s of samples) {
    const own: TermWeights = new Map();
    mentions.push(...addTerms(s.title, own, TITLE_SCALE, s.language ?? null));
    mentions.push(...addTerms(s.text, own, 1, s.language ?? null));
    for (const [t, w] of own) terms.set(t, (terms.get(t) ?? 0) + w);
    if (s.language) {
      const words = wordsByLanguage.get(s.language) ?? new Set<string>();
      for (const t of own.keys()) if (isWord(t)) words.add(t);
      wordsByLanguage.set(s.language, words);
    }
  }
  return { terms, mentions, wordsByLanguage };
}

/** A word stem, not a name ('n:'), entity ('e:') or number ('#'). */
export function isWord(term: string): boolean {
  return term.charCodeAt(0) !== 35 && term.charCodeAt(1) !== 58;
}
