/**
 * Reading a text for the names it mentions: known entities under any of their spellings (spellings.ts,
 * Basque case endings cut), runs of capitalised words inside sentences, numbers and other words. The
 * story clusterer weighs the same reading as terms (../cluster/features.ts), so it is done once, here.
 */
import { foldName, knownSpellings, type KnownEntity } from './spellings.js';
import { stopwords } from './stopwords.js';

/** Known spellings are at most this many words ("Corea del Norte"). */
const MAX_SPELLING_WORDS = 3;

export interface Mention {
  /** Known entity key, or the capitalised run as written. */
  name: string;
  known: KnownEntity | null;
}

/** What a reader of the text is told, token by token (short and function words are skipped). */
export interface TextVisitor {
  entity(entity: KnownEntity): void;
  /** Separators removed, so 1,000 / 1.000 / 1000 meet. */
  number(digits: string): void;
  /** A word, folded and as written; `isName` when capitalised inside a sentence. */
  word(folded: string, isName: boolean, written: string): void;
}

/** Reads a text token by token, telling `visitor` what each is; returns the names mentioned. */
export function readText(text: string, visitor?: TextVisitor): Mention[] {
  const tokens = tokenize(text);
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
      visitor?.entity(known.entity);
      mentions.push({ name: known.entity.key, known: known.entity });
      i += known.length - 1;
      continue;
    }
    const t = tokens[i]!;
    if (/^\d/.test(t.text)) {
      endRun();
      visitor?.number(t.text.replace(/[.,]/g, ''));
      continue;
    }
    if (t.folded.length < 4 || stopwords.has(t.folded)) {
      endRun();
      continue;
    }
    const name = t.capitalised && !t.sentenceStart;
    if (name) run.push(t.text);
    else endRun();
    visitor?.word(t.folded, name, t.text);
  }
  endRun();
  return mentions;
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
