/**
 * Known names and their spellings by language: people, places and organisations that the
 * capitalised-run rule misses ("Kim Jong Un": "Un" reads as an article) or that one word alone
 * would get mistranslated ("Putin" → "put on"). A name found in any spelling is protected and
 * written in the target language's spelling when the table has one, else as found.
 * The table itself is gazetteer-data.ts: extend freely, one line per entity.
 */
import { gazetteerTable } from './gazetteer-data.js';

export interface GazetteerEntry {
  /** p person, l place, o organisation. */
  kind: 'p' | 'l' | 'o';
  /** Spellings by ISO 639-1 language; `en` is the key form. */
  forms: Readonly<Record<string, string | readonly string[]>>;
}

const columns = ['en', 'es', 'fr', 'de', 'pt', 'it', 'ca', 'ru'] as const;

/** Parses gazetteer-data.ts's table (kind, then one column per language). */
export function parseGazetteer(table: string): GazetteerEntry[] {
  return table
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [kind, ...cells] = line.split('\t');
      const forms: Record<string, string | string[]> = {};
      cells.forEach((cell, i) => {
        const spellings = cell
          .split('|')
          .map((s) => s.trim())
          .filter((s) => s && s !== '-');
        if (spellings.length) forms[columns[i]!] = spellings.length === 1 ? spellings[0]! : spellings;
      });
      return { kind: kind === 'l' || kind === 'o' ? kind : 'p', forms };
    });
}

export const gazetteer: readonly GazetteerEntry[] = parseGazetteer(gazetteerTable);

export interface GazetteerMatch {
  start: number;
  end: number;
  name: string;
  entry: GazetteerEntry;
}

interface Spelling {
  text: string;
  entry: GazetteerEntry;
}

/** Every spelling, longest first, so "Vladímir Putin" wins over "Putin". */
const spellings: Spelling[] = gazetteer
  .flatMap((entry) =>
    Object.values(entry.forms)
      .flatMap((f) => (typeof f === 'string' ? [f] : [...f]))
      .map((text) => ({ text, entry })),
  )
  .filter((s, i, all) => all.findIndex((o) => o.text === s.text) === i)
  .sort((a, b) => b.text.length - a.text.length);

const wordPattern = /[\p{L}\p{N}]+/gu;
const isWordChar = /[\p{L}\p{N}]/u;

/** Spellings by their first word, longest first: a scan looks up each word of the text once. */
const byFirstWord = new Map<string, Spelling[]>();
for (const spelling of spellings) {
  const first = spelling.text.match(/[\p{L}\p{N}]+/u)?.[0];
  if (!first || !spelling.text.startsWith(first)) continue;
  byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), spelling]);
}

/** Known names in the text, left to right, not overlapping. */
export function gazetteerMatches(text: string): GazetteerMatch[] {
  const found: GazetteerMatch[] = [];
  let after = 0;
  for (const word of text.matchAll(wordPattern)) {
    if (word.index < after) continue;
    const spelling = byFirstWord
      .get(word[0])
      ?.find((s) => text.startsWith(s.text, word.index) && !isWordChar.test(text[word.index + s.text.length] ?? ' '));
    if (!spelling) continue;
    after = word.index + spelling.text.length;
    found.push({ start: word.index, end: after, name: spelling.text, entry: spelling.entry });
  }
  return found;
}

/** The name as the target language writes it, or null to keep it as found. */
export function targetForm(entry: GazetteerEntry, language: string): string | null {
  const form = entry.forms[language];
  if (form === undefined) return null;
  return typeof form === 'string' ? form : (form[0] ?? null);
}
