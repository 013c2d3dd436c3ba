/**
 * Name protection, version 1: find runs of two or more capitalised words ("Vladímir Putin", "Isabel
 * Díaz Ayuso", "Ursula von der Leyen") so the translator can put them back exactly as written. Runs
 * holding an institution or title word (name-stopwords.ts) are left alone, and a sentence's first
 * word is dropped from a run of three or more ("Ayer Pedro Sánchez" → "Pedro Sánchez").
 * The seam for the gazetteer-based protection that comes later: callers only see findNames().
 */
import { gazetteerMatches, targetForm, type GazetteerEntry } from './gazetteer.js';
import { compassWords, institutionWords, landscapeWords, nameStopwords, outletWords } from './name-stopwords.js';

export interface NameSpan {
  start: number;
  end: number;
  name: string;
  /** Set when the name is in the gazetteer: its spellings in other languages. */
  entry?: GazetteerEntry;
}

const capitalised = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*`;
const particle = String.raw`(?:de|del|da|das|do|dos|la|le|van|von|der|den|di|du)`;
const run = new RegExp(String.raw`${capitalised}(?:\s(?:${particle}\s)*${capitalised})+`, 'gu');

/** Names to protect: gazetteer names first, then capitalised runs that do not overlap them. */
export function findNames(text: string): NameSpan[] {
  const known: NameSpan[] = gazetteerMatches(text);
  for (const span of namesEndingInCommonWords(text))
    if (!known.some((k) => k.start < span.end && span.start < k.end)) known.push(span);
  const spans = [...known];
  for (const match of text.matchAll(run)) {
    for (const part of splitAtStopwords(match[0], match.index)) {
      const span = trimSentenceOpener(text, part);
      if (span && isPersonLike(span.name) && !known.some((k) => k.start < span.end && span.start < k.end))
        spans.push(span);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

const connector = String.raw`(?:de|del|da|do|das|dos)`;
const article = String.raw`(?:la|las|los|el|a|o|as|os)`;
const withConnector = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${capitalised}(?:\s${capitalised})?)\s${connector}\s(?:${article}\s)?(${capitalised})(?![\p{L}\p{N}]|\s+\p{Lu})`,
  'gu',
);

/**
 * Names whose last word is a landscape or compass word ("Pilar del Río", "Estrela do Norte", "Diario
 * del Sur"): the run rule leaves them to the translator ("Pilar of the River"), so they are protected
 * whole when the words before the connector are no title or institution word. A compass word ends a name only
 * after an outlet word: "Corea del Sur" and "Carolina del Norte" are the translator's.
 */
function namesEndingInCommonWords(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  for (const match of text.matchAll(withConnector)) {
    const head = match[1]!.split(/\s+/).map((w) => w.toLowerCase());
    const tail = match[2]!.toLowerCase();
    if (head.some((w) => nameStopwords.has(w)) || !landscapeWords.has(tail)) continue;
    if (compassWords.has(tail) && !outletWords.has(head[0]!)) continue;
    spans.push({ start: match.index, end: match.index + match[0].length, name: match[0] });
  }
  return spans;
}

/**
 * A run cut at its title and institution words, particles trimmed from the ends of each part:
 * "Reverendo John Howard Johnson" → "John Howard Johnson", "Universidad de Michigan" → "Michigan"
 * (one word: left to the translator). Measured on NTREX: protecting whole runs cost 0.4 chrF.
 */
function splitAtStopwords(runText: string, offset: number): NameSpan[] {
  const words = [...runText.matchAll(/\S+/g)].map((w) => ({
    text: w[0],
    start: offset + w.index,
    end: offset + w.index + w[0].length,
  }));
  if (words.some((w) => /^\p{Lu}/u.test(w.text) && institutionWords.has(w.text.toLowerCase()))) return [];
  const parts: (typeof words)[] = [[]];
  words.forEach((word, i) => {
    const cut = (/^\p{Lu}/u.test(word.text) && nameStopwords.has(word.text.toLowerCase())) || splitsAtDe(words, i);
    if (cut) parts.push([]);
    else parts.at(-1)!.push(word);
  });
  const particleWord = new RegExp(`^${particle}$`, 'u');
  return parts.flatMap((part) => {
    while (part.length && particleWord.test(part[0]!.text)) part.shift();
    while (part.length && particleWord.test(part.at(-1)!.text)) part.pop();
    if (!part.length) return [];
    return [
      {
        start: part[0]!.start,
        end: part.at(-1)!.end,
        name: runText.slice(part[0]!.start - offset, part.at(-1)!.end - offset),
      },
    ];
  });
}

/**
 * "de"/"del" between two names is "of" ("la marca Goop de Gwyneth Paltrow", "Juan Carlos Varela de
 * Panamá"); inside one name it joins one given name to one surname ("Luis de Guindos"). Cut when either
 * side holds two or more words (keeping "Daniel Funes de Rioja" whole cost NTREX 0.011 BLEU: the
 * "X Y de Place" it also kept are commoner); NameBook.readTexts keeps a "Funes de Rioja" met
 * elsewhere in the same text whole.
 */
function splitsAtDe(words: { text: string }[], i: number): boolean {
  if (!/^(de|del)$/.test(words[i]!.text)) return false;
  const capitalisedRun = (list: { text: string }[]) => {
    let n = 0;
    for (const w of list)
      if (/^\p{Lu}/u.test(w.text)) n++;
      else break;
    return n;
  };
  return capitalisedRun(words.slice(i + 1)) >= 2 || capitalisedRun(words.slice(0, i).reverse()) >= 2;
}

/** How a protected name is written in the target language: its gazetteer form, else as found. */
export function nameInLanguage(span: NameSpan, language: string | null): string {
  return (span.entry && language && targetForm(span.entry, language)) || span.name;
}

// Endings of Spanish common nouns and adjectives that names almost never have ("Gestión de
// Catástrofes", "Juegos Asiáticos", "Montañas Rocosas"); -ía is left out for García, María.
const commonWordEnding = /(?:ión|dad|dades|icos|icas|osos|osas|mientos?|ciones|siones)$/u;

function isPersonLike(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return (
    words.length >= 2 &&
    !words.some((w) => nameStopwords.has(w.toLowerCase()) || commonWordEnding.test(w.toLowerCase()))
  );
}

function trimSentenceOpener(text: string, span: NameSpan): NameSpan | null {
  const before = text.slice(0, span.start).trimEnd();
  const opensSentence = before === '' || /[.!?¡¿:"“«]$/.test(before);
  const words = span.name.split(' ');
  if (!opensSentence || words.length < 3) return span;
  const first = words[0]!;
  if (nameStopwords.has(words[1]!.toLowerCase())) return span;
  let start = span.start + first.length + 1;
  // "Selon le West Virginia Metro News": the particle after the opener goes with it.
  for (const word of words.slice(1, -1)) {
    if (!new RegExp(`^${particle}$`, 'u').test(word)) break;
    start += word.length + 1;
  }
  return { start, end: span.end, name: text.slice(start, span.end) };
}

/**
 * One name one way in a text: where a run was cut before "de Y" ("Daniel Funes" + "de Rioja") and
 * the text elsewhere holds "Funes de Rioja" as a name, the span is extended over it.
 */
export function extendToKnownNames(text: string, spans: NameSpan[], deNames: ReadonlySet<string>): NameSpan[] {
  if (!deNames.size) return spans;
  return spans.map((span) => {
    const tail = /^\s(?:de|del)\s\p{Lu}[\p{L}'’-]*/u.exec(text.slice(span.end))?.[0];
    const last = span.name.split(/\s+/).at(-1)!;
    if (!tail || span.entry || !deNames.has(`${last}${tail}`)) return span;
    return { start: span.start, end: span.end + tail.length, name: span.name + tail };
  });
}

/** Names of the form "Funes de Rioja" (one word, de/del, one word) among the spans. */
export function deNamesOf(spans: NameSpan[]): string[] {
  return spans.filter((s) => !s.entry && /^\S+\s(?:de|del)\s\S+$/u.test(s.name)).map((s) => s.name);
}

/** The distinct names, in order of first appearance. */
export function distinctNames(spans: NameSpan[]): string[] {
  return [...new Set(spans.map((s) => s.name))];
}
