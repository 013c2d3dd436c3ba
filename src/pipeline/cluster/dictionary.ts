/**
 * Bilingual dictionaries into English (FreeDict, Debian packages dict-freedict-XXX-eng, dictd
 * format under /usr/share/dictd): a word of an article maps to the English words of its first
 * senses, so an article meets English news on content words, not only on names and numbers.
 * Optional evidence: with no dictionary installed a language simply has none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

export const DICTD_DIR = '/usr/share/dictd';
/**
 * ISO 639-1 → FreeDict's code. German only: Debian's other FreeDict dictionaries into English were
 * tried on semeval-dev's tune half (2026-12-07, pair F1 0.814 with German alone): Polish (36,000
 * headwords) 0.814, Arabic (53,000) 0.805, Polish, Arabic, French, Spanish and Turkish together 0.807.
 * Most are small (Turkish 1,032 headwords, Spanish 4,508, French 8,511), and Apertium's English
 * already serves es, fr, pt, ca, gl and eu.
 */
const FREEDICT: Record<string, string> = { de: 'deu' };
/** English words kept per entry: the first senses are the common ones. */
const MAX_ENGLISH = 3;

export interface Dictionary {
  /** English words (lower case) for a lower-case word, [] when unknown. */
  english(word: string): string[];
}

const loaded = new Map<string, Dictionary | null>();

export function dictionaryFor(language: string | null | undefined, dir = DICTD_DIR): Dictionary | null {
  const code = language ? FREEDICT[language] : undefined;
  if (!code) return null;
  const key = `${dir}/${code}`;
  if (!loaded.has(key)) loaded.set(key, loadFreedict(join(dir, `freedict-${code}-eng`)));
  return loaded.get(key)!;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function b64(s: string): number {
  let n = 0;
  for (const c of s) n = n * 64 + B64.indexOf(c);
  return n;
}

/** Reads the index eagerly (one-word headwords) and entries lazily, memoised. */
export function loadFreedict(base: string): Dictionary | null {
  if (!existsSync(`${base}.index`) || !existsSync(`${base}.dict.dz`)) return null;
  const index = new Map<string, number[]>();
  for (const line of readFileSync(`${base}.index`, 'utf8').split('\n')) {
    const [word, offset, length] = line.split('\t');
    if (!word || !offset || !length || word.includes(' ')) continue;
    const at = index.get(word);
    if (at) at.push(b64(offset), b64(length));
    else index.set(word, [b64(offset), b64(length)]);
  }
  const text = gunzipSync(readFileSync(`${base}.dict.dz`));
  const memo = new Map<string, string[]>();
  const entry = (word: string): string[] => {
    const at = index.get(word) ?? [];
    const out: string[] = [];
    for (let i = 0; i < at.length && out.length < MAX_ENGLISH; i += 2)
      for (const w of sensesOf(text.toString('utf8', at[i]!, at[i]! + at[i + 1]!)))
        if (out.length < MAX_ENGLISH && !out.includes(w)) out.push(w);
    return out;
  };
  return {
    english(word) {
      let out = memo.get(word);
      if (!out) memo.set(word, (out = entry(word)));
      if (out.length === 0) {
        out = inflected(word, entry) ?? compound(word, entry) ?? [];
        memo.set(word, out);
      }
      return out;
    },
  };
}

/** German inflection endings tried, longest first, when a word has no entry ("Öffnungen" → "öffnung"). */
const ENDINGS = ['ern', 'en', 'er', 'es', 'n', 'e', 's'];
/** Linking elements between a compound's parts ("Arbeit-s-markt", "Straße-n-bahn"). */
const LINKS = ['s', 'es', 'n', 'en'];
/** The shortest part of a compound looked up (shorter ones match by accident: "ab", "see"). */
const MIN_PART = 4;

function inflected(word: string, entry: (w: string) => string[]): string[] | null {
  for (const end of ENDINGS) {
    if (word.length - end.length < MIN_PART || !word.endsWith(end)) continue;
    const found = entry(word.slice(0, -end.length));
    if (found.length > 0) return found;
  }
  return null;
}

/**
 * A German compound the dictionary lacks, read as its parts: the longest head with an entry (the
 * head carries the meaning: "Grenzöffnungen" is an opening), and the part before it, linking element
 * cut: its first English senses each ("border", "opening"). Null when no split has both parts.
 */
function compound(word: string, entry: (w: string) => string[]): string[] | null {
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const headPart = word.slice(i);
    const own = entry(headPart);
    const head = own.length > 0 ? own : inflected(headPart, entry);
    if (!head) continue;
    const first = word.slice(0, i);
    const modifier = [first, ...LINKS.filter((l) => first.endsWith(l)).map((l) => first.slice(0, -l.length))]
      .filter((m) => m.length >= MIN_PART)
      .map((m) => entry(m))
      .find((e) => e.length > 0);
    if (modifier) return [modifier[0]!, head[0]!];
  }
  return null;
}

/**
 * The English one-word senses of an entry: the lines after the headword up to its see/synonym
 * notes, without [domain], <grammar>, /pronunciation/ and {cross references}.
 */
export function sensesOf(entry: string): string[] {
  const out: string[] = [];
  for (const line of entry.split('\n').slice(1)) {
    if (/^\s*(see:|Synonym|Note|Example)/i.test(line)) break;
    const clean = line.replace(/\[[^\]]*\]|<[^>]*>|\/[^/]*\/|\{[^}]*\}|\([^)]*\)/g, ' ');
    for (const sense of clean.split(/[,;]/)) {
      // "government Gov." keeps "government": a sense's one long word, its abbreviations dropped.
      const words = sense.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
      if (words.length === 1) out.push(words[0]!);
    }
  }
  return out;
}
