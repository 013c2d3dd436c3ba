/**
 * What an article says, as weighted terms that can meet across languages: names (the same in
 * most languages, and one key for known spellings: Pionyang = Pyongyang), numbers, and word
 * stems: the Snowball stem of the sample's language (stemmers.ts) where there is one, else the
 * word. Stems are cut to five letters so close languages share them (presidente / president /
 * presidenta → "presi"); with English translations present, translated articles meet on English.
 */
import { readText, type Mention } from '../enrich/mentions.js';
import { foldName, spellingKey } from '../enrich/spellings.js';
import { dictionaryFor } from './dictionary.js';
import { stemmerFor } from './stemmers.js';
import { withoutConsentNotices } from '../extract/consent-notice.js';

export type { Mention };

/** Five letters: best B-cubed on NTREX es/ca/gl/eu/en among 4–7 (measured with bench/cluster.ts). */
const STEM_LETTERS = 5;
/** Weights per occurrence: a known entity or a number says more about the event than a word. */
const WEIGHT = { word: 1, name: 2, entity: 3, number: 2 } as const;

export type TermWeights = Map<string, number>;

export interface TextSample {
  title: string;
  text: string;
  /** The sample's language when known (word frequencies are kept per language: see clusterer.ts). */
  language?: string | null;
}

/** Adds the terms of a text to `into`, scaled; returns the names mentioned. */
export function addTerms(
  text: string,
  into: TermWeights,
  scale = 1,
  language: string | null = null,
  useDictionary = true,
): Mention[] {
  const wordOf = wordTerm(language);
  // A word's English senses as English word terms: the article meets English news on them.
  const dictionary = useDictionary ? dictionaryFor(language) : null;
  const english = dictionary ? englishTerm() : null;
  return readText(
    text,
    {
      entity(entity) {
        bump(into, `e:${spellingKey(entity.key)}`, WEIGHT.entity * scale);
        // A person's surname too, so "Scholz" alone meets "Olaf Scholz". Not a place's last word:
        // "Korea" of North Korea counted the country twice (NTREX untranslated 0.926 -> 0.935).
        if (entity.kind === 'person')
          bump(into, `n:${spellingKey(entity.key).split(' ').at(-1)!.slice(0, STEM_LETTERS)}`, WEIGHT.name * scale);
      },
      number(digits) {
        // One digit alone is too common to mean anything.
        if (digits.length >= 2) bump(into, `#${digits}`, WEIGHT.number * scale);
      },
      word(folded, isName, written) {
        bump(into, wordOf(folded, written), WEIGHT.word * scale);
        if (dictionary)
          for (const e of dictionary.english(written.toLowerCase())) bump(into, english!(e), WEIGHT.word * scale);
        if (isName) bump(into, `n:${folded.slice(0, STEM_LETTERS)}`, WEIGHT.name * scale);
      },
    },
    language,
  );
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
function wordTerm(language: string | null): (folded: string, written: string) => string {
  const stem = stemmerFor(language);
  if (!stem) return (folded) => folded.slice(0, STEM_LETTERS);
  const clitics = language === 'ar' ? arabicConjunction : null;
  return (_folded, written) => {
    const lower = written.toLowerCase();
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
  headline: Headline;
}

/**
 * What the article's headlines (its own and its translation's) say besides who and where: word
 * stems, numbers and entities that are neither people nor places. A headline names the event
 * ("parade", "missiles"); the people and places in it are often the same for the next event.
 */
export interface Headline {
  terms: Set<string>;
  /** The languages its text has words in (its own, its translation's): headlines meet on words only in a shared one. */
  languages: string[];
}

/** The raw term counts of an article: its own text and, when given, its English translation. */
export function articleTerms(samples: TextSample[]): ArticleTerms {
  const terms: TermWeights = new Map();
  const mentions: Mention[] = [];
  const wordsByLanguage = new Map<string, Set<string>>();
  const headline: Headline = { terms: new Set(), languages: [] };
  for (const s of samples) {
    const own: TermWeights = new Map();
    const named = addTerms(s.title, own, TITLE_SCALE, s.language ?? null);
    mentions.push(...named);
    addHeadlineTerms(own, named, headline.terms);
    mentions.push(...addTerms(withoutConsentNotices(s.text), own, 1, s.language ?? null));
    for (const [t, w] of own) terms.set(t, (terms.get(t) ?? 0) + w);
    if (s.language) {
      const words = wordsByLanguage.get(s.language) ?? new Set<string>();
      for (const t of own.keys()) if (isWord(t)) words.add(t);
      wordsByLanguage.set(s.language, words);
    }
  }
  for (const [language, words] of wordsByLanguage) if (words.size > 0) headline.languages.push(language);
  return { terms, mentions, wordsByLanguage, headline };
}

/** A title's terms but names ('n:') and the entities of people and places (see Headline). */
function addHeadlineTerms(title: TermWeights, named: Mention[], into: Set<string>): void {
  const whoOrWhere = new Set(
    named
      .filter((m) => m.known?.kind === 'person' || m.known?.kind === 'place')
      .map((m) => `e:${spellingKey(m.known!.key)}`),
  );
  for (const term of title.keys()) if (!isNameTerm(term) && !whoOrWhere.has(term)) into.add(term);
}

/**
 * Whether two headlines meet on what happened (a shared word, number or organisation). True when
 * either has nothing to say or they share no language: then words could not meet, and the headline
 * is no evidence either way.
 */
export function headlinesMeet(a: Headline | undefined, b: Headline | undefined): boolean {
  if (!a || !b || a.terms.size === 0 || b.terms.size === 0) return true;
  if (!a.languages.some((l) => b.languages.includes(l))) return true;
  for (const term of a.terms) if (b.terms.has(term)) return true;
  return false;
}

/** A word stem, not a name ('n:'), entity ('e:') or number ('#'). */
export function isWord(term: string): boolean {
  return term.charCodeAt(0) !== 35 && term.charCodeAt(1) !== 58;
}

/** A capitalised word's name term ('n:'), which repeats the word. */
export function isNameTerm(term: string): boolean {
  return term.charCodeAt(0) === 110 && term.charCodeAt(1) === 58;
}

/** Names, known entities and numbers: the same in every language. */
export function isAnchorTerm(term: string): boolean {
  const c = term.charCodeAt(0);
  // '#', or 'n:' / 'e:' (a stem never has a colon).
  return c === 35 || ((c === 110 || c === 101) && term.charCodeAt(1) === 58);
}
