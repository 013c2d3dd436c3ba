/**
 * Plain text ↔ stream segments. Each text line becomes one null-flushed segment; protected names ride
 * in wordbound blanks (`n:K`) and are put back verbatim afterwards, wherever apertium moved them.
 */
import { gazetteerMatches } from './gazetteer.js';
import { noteAccentedWords, respellCopies, withoutAccents } from './pivot-spellings.js';
import { polish, type FeatureSwitches } from './polish.js';
import { deNamesOf, extendToKnownNames, findNames, nameInLanguage, type NameSpan } from './protect-names.js';
import { dropAnimateA } from './source-edits.js';
import { dropPersonalA } from './personal-a.js';
import { escapeStream, parseStream, stripUnknownMarks, wordbound, type Piece } from './stream.js';
import { guessUnknown } from './unknown-words.js';

/** Translates already-encoded stream segments, one output per input. */
export type StreamTranslate = (segments: string[]) => Promise<string[]>;

/** What a pivot's earlier hop passes on to the next (NameBook.passOn). */
export interface Carried {
  /** Its unknown words and protected names: the next hop passes them through as written. */
  keep: ReadonlySet<string>;
  /** The article's own accented words by their letters without accents (pivot-spellings.ts). */
  spellings: ReadonlyMap<string, string>;
}

/**
 * Protected names met so far, by their mark, and what one translation knows of its pair: the
 * source language (for polish.ts) and which features are on (all by default; the bench turns each
 * off in turn to measure it).
 */
export class NameBook {
  private readonly names = new Map<string, string>();
  /** Words the engine marked unknown in this hop (a pivot's next hop passes them through). */
  readonly unknown = new Set<string>();
  /** "Funes de Rioja"-shaped names met anywhere in the text being translated (readTexts). */
  private readonly deNames = new Set<string>();
  /** The accented words of the article's own text (readTexts), for a pivot's next hop. */
  private readonly spellings = new Map<string, string>();
  /** The carried words, longest first and with plain spaces (withKeptWords), sorted once per hop. */
  private readonly kept: string[];

  /**
   * `language`: the target language, for names the gazetteer spells differently there. `carried`:
   * null when the text is the article's own; through a pivot, what the earlier hop passes on: its
   * unknown words and protected names go through as written (the second hop would mark
   * "*ibuprofène" or turn "Belém" into "Belén"), and a word this hop copies is spelled as the
   * article spelled it.
   */
  constructor(
    readonly language: string | null = null,
    readonly from: string | null = null,
    readonly features: FeatureSwitches = {},
    readonly carried: Carried | null = null,
  ) {
    this.kept = [...(carried?.keep ?? [])].map((w) => w.replace(/\s/g, ' ')).sort((a, b) => b.length - a.length);
  }

  /**
   * The names to protect in a text (none when the names feature is off), and the words to keep.
   * An earlier hop's output is no source text: its capitalised runs are that hop's translation
   * ("Calendário da Stock Car" → "Calendario de la Stock Car", a sentence opener the first hop left
   * to the engine), so only the names carried over and gazetteer names are protected there; taking
   * the run for a name copied the Spanish word into the English.
   */
  findNames(text: string): NameSpan[] {
    if (this.carried) {
      const known = this.features.names === false ? [] : gazetteerMatches(text);
      return withKeptWords(text, known, this.kept);
    }
    return this.features.names === false ? [] : extendToKnownNames(text, findNames(text), this.deNames);
  }

  /**
   * Reads all the texts of one translation first, so a name is written one way in all of them
   * ("Funes de Rioja" alone and in "Daniel Funes de Rioja"), and notes their accented words. An
   * earlier hop's output teaches neither: it is no text of the article's own.
   */
  readTexts(texts: string[]): void {
    if (this.carried) return;
    noteAccentedWords(texts, this.spellings);
    if (this.features.names === false) return;
    for (const text of texts) for (const name of deNamesOf(findNames(text))) this.deNames.add(name);
  }

  /** Output without unknown-word marks; the marked words are noted in `unknown`. */
  unmark(text: string, source: string): string {
    return stripUnknownMarks(text, source, this.unknown);
  }

  /** What the next hop of a pivot gets: this hop's unknown words and names, the article's spellings. */
  passOn(): Carried {
    return {
      keep: new Set([...this.unknown, ...this.distinct()]),
      spellings: this.carried?.spellings ?? this.spellings,
    };
  }

  /**
   * A translated text polished for its pair (polish.ts); unknown-word marks are left for the caller.
   * First a word copied unknown is spelled as the article spelled it, unless the Spanish → English
   * guesses have an English word for it (pivot-spellings.ts): Apertium's pt → es itself writes an
   * unknown "co-mandatário" as "*co-mandatario", and through a pivot the second hop copies the first
   * hop's Spanish ("superfluo" for "supérfluo").
   */
  polish(text: string, source: string): string {
    const toEnglish = this.from === 'es' && this.language === 'en';
    const spellings = this.carried?.spellings ?? this.spellings;
    const copied = respellCopies(text, spellings, (word) => toEnglish && guessUnknown(word) !== word);
    return toEnglish ? polish(copied, source, this.from!, this.features) : copied;
  }

  /** Source edits before the engine (source-edits.ts). */
  editSource(text: string): string {
    return this.from === 'es' && this.language === 'en' && this.features.personalA !== false
      ? dropAnimateA(text)
      : text;
  }

  mark(span: NameSpan): string {
    const mark = `n:${this.names.size + 1}`;
    this.names.set(mark, nameInLanguage(span, this.language));
    return mark;
  }

  nameOf(mark: string): string | undefined {
    return this.names.get(mark);
  }

  distinct(): string[] {
    return [...new Set(this.names.values())];
  }
}

/**
 * The names, plus each kept word or name found whole in the text where no name already stands.
 * `kept` comes longest first, so a kept "Les Rangers" is not cut by a kept "Rangers" met earlier in
 * the article, and with plain spaces: any space matches any other (the first hop's tidying wrote
 * "Le\u00a0Bal" as "Le Bal").
 */
function withKeptWords(text: string, names: NameSpan[], kept: string[]): NameSpan[] {
  const spans = [...names];
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const flat = text.replace(/\s/g, ' '); // one space for one space: offsets stay the text's
  for (const word of kept) {
    for (let at = flat.indexOf(word); at >= 0; at = flat.indexOf(word, at + word.length)) {
      const end = at + word.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
      if (spans.some((s) => s.start < end && at < s.end)) continue;
      spans.push({ start: at, end, name: text.slice(at, end) });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** One run of text as stream, its names wrapped so they survive; `marks` wrap the whole run. */
export function encodeRun(text: string, marks: string[], book: NameBook, spans = book.findNames(text)): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += wordbound(marks, escapeStream(book.editSource(dropPersonalA(text.slice(at, span.start), span))));
    out += wordbound([...marks, book.mark(span)], escapeStream(placeholderWord(span.name)));
    at = span.end;
  }
  return out + wordbound(marks, escapeStream(book.editSource(text.slice(at))));
}

/**
 * The one word that stands for a name inside apertium: the name's letters run together
 * ("Kim Jong Un" → "Kimjongun"). One unknown capitalised word passes through transfer like a proper
 * noun; several words do not: apertium read "Un en" of "Kim Jong Un en el Kremlin" as one unit and
 * the "en" was lost with the name.
 */
export function placeholderWord(name: string): string {
  const letters = name.replace(/[^\p{L}\p{N}]+/gu, '');
  return letters ? letters[0]!.toUpperCase() + letters.slice(1).toLowerCase() : 'Nomen';
}

/** Replaces each protected name's translated words by the name as written (once, where it starts). */
export function restoreNames(pieces: Piece[], book: NameBook): Piece[] {
  const out: { piece: Piece; nameMark?: string }[] = [];
  const placed = new Set<string>();
  for (const piece of pieces) {
    const nameMark = piece.marks.find((m) => m.startsWith('n:'));
    const name = nameMark ? book.nameOf(nameMark) : undefined;
    if (!nameMark || name === undefined) {
      out.push({ piece });
    } else if (!placed.has(nameMark)) {
      placed.add(nameMark);
      out.push({ piece: { text: name, marks: piece.marks.filter((m) => m !== nameMark) }, nameMark });
    } else if (/^\s+$/.test(out.at(-1)?.piece.text ?? '') && out.at(-2)?.nameMark === nameMark) {
      // A later word of the same name: drop it and the space that joined it to the earlier one.
      out.pop();
    }
  }
  return out.map((entry) => entry.piece);
}

/** Translates plain texts; every line of every text keeps its place, empty lines stay empty. */
export async function translatePlain(
  texts: string[],
  translate: StreamTranslate,
  book = new NameBook(),
): Promise<string[]> {
  const lines = texts.map((t) => t.split('\n'));
  book.readTexts(texts);
  const segments: string[] = [];
  const names = new Map<string, NameSpan[]>();
  for (const line of lines.flat()) {
    const source = line.trim();
    if (!source) continue;
    names.set(source, book.findNames(source));
    segments.push(encodeRun(source, [], book, names.get(source)));
  }
  const outputs = segments.length ? await translate(segments) : [];
  let next = 0;
  const done = lines.map((textLines) =>
    textLines.map((line) => {
      if (!line.trim()) return Promise.resolve(line);
      const pieces = restoreNames(parseStream(outputs[next++] ?? ''), book);
      return finishLine(line, pieces.map((p) => p.text).join(''), names.get(line.trim()) ?? [], translate, book);
    }),
  );
  return Promise.all(done.map(async (textLines) => (await Promise.all(textLines)).join('\n')));
}

/** Tidies one translated line; when a protected name went missing, translates around the names. */
async function finishLine(
  line: string,
  output: string,
  spans: NameSpan[],
  translate: StreamTranslate,
  book: NameBook,
): Promise<string> {
  const source = line.trim();
  let translated = tidy(source, book.unmark(book.polish(output, source), source), spans, book);
  if (spans.some((span) => !translated.includes(nameInLanguage(span, book.language)))) {
    translated = tidy(source, await translateAroundNames(source, spans, translate, book), spans, book);
  }
  return keepOuterSpace(line, translated);
}

/**
 * The post-check's stronger protection: the text between names is translated piece by piece and the
 * names are put between the pieces as written, so no name can be lost or merged (the sentence reads
 * less well, which is why this is the fallback).
 */
export async function translateAroundNames(
  source: string,
  spans: NameSpan[],
  translate: StreamTranslate,
  book: NameBook,
): Promise<string> {
  const gaps: string[] = [];
  let at = 0;
  for (const span of spans) {
    gaps.push(dropPersonalA(source.slice(at, span.start), span));
    at = span.end;
  }
  gaps.push(source.slice(at));
  const wanted = gaps.filter((g) => /\p{L}/u.test(g));
  const outputs = wanted.length ? await translate(wanted.map((g) => escapeStream(book.editSource(g.trim())))) : [];
  let next = 0;
  const pieces = gaps.map((g) => {
    if (!/\p{L}/u.test(g)) return g;
    const text = parseStream(outputs[next++] ?? '')
      .map((p) => p.text)
      .join('')
      .trim();
    return (
      (/^\s/.test(g) ? ' ' : '') +
      keepFirstLetterCase(g, book.unmark(book.polish(text, g), g)) +
      (/\s$/.test(g) ? ' ' : '')
    );
  });
  return pieces.reduce(
    (out, piece, i) => out + piece + (i < spans.length ? nameInLanguage(spans[i]!, book.language) : ''),
    '',
  );
}

function tidy(source: string, translated: string, spans: NameSpan[], book: NameBook): string {
  const spaced = translated
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?)\]»”])/g, (all, mark: string) => (source.includes(` ${mark}`) ? all : mark));
  return lowerAfterLeadingName(source, keepFirstLetterCase(source, spaced.trim()), spans, book.language);
}

const opening = /^[\s¿¡"“«(\[‘'-]*/u;

/**
 * Apertium capitalises the first word it knows when the segment starts with one it does not
 * ("Nguyen Phu Trong Travelled yesterday", "Giles Signalled"): when the source went on in lower
 * case after its leading name or word, so does the output.
 */
export function lowerAfterLeadingName(
  source: string,
  translated: string,
  spans: NameSpan[],
  language: string | null,
): string {
  const src = source.replace(opening, '');
  const out = translated.replace(opening, '');
  const lead = translated.length - out.length;
  const firstWord = /^\p{Lu}[\p{L}'’-]*/u.exec(src)?.[0];
  // The copied first word may carry the article's accents where this hop's source had none
  // ("Encaramos el juego" → "Encarámos The game", pivot-spellings.ts).
  const copiedFirst = /^\p{Lu}[\p{L}'’-]*/u.exec(out)?.[0];
  const firstOut =
    firstWord && copiedFirst && withoutAccents(copiedFirst) === withoutAccents(firstWord) ? copiedFirst : firstWord;
  const leading = spans.filter((s) => source.slice(0, s.start).replace(opening, '') === '');
  const pairs = [
    ...leading.map((s) => [s.name, nameInLanguage(s, language)] as const),
    ...(firstWord ? [[firstWord, firstOut!] as const] : []),
  ];
  for (const [inSource, inOutput] of pairs) {
    if (!src.startsWith(inSource) || !/^\s+\p{Ll}/u.test(src.slice(inSource.length))) continue;
    // A plain prefix test, not a RegExp built per line: this ran for every line (bench profile).
    const at = inOutput.length + 1;
    if (out.startsWith(`${inOutput} `) && /^\p{Lu}\p{Ll}/u.test(out.slice(at, at + 2))) {
      return translated.slice(0, lead + at) + out[at]!.toLowerCase() + translated.slice(lead + at + 1);
    }
  }
  return translated;
}

function keepOuterSpace(source: string, translated: string): string {
  // trimStart/trimEnd, not /\s*$/: that regex is quadratic over a line with many spaces (profile).
  const lead = source.slice(0, source.length - source.trimStart().length);
  const trail = source.slice(source.trimEnd().length);
  return lead + translated + trail;
}

/** Apertium capitalises a segment's first word; a segment that began in lower case (after a <br>) stays so. */
export function keepFirstLetterCase(source: string, translated: string): string {
  const first = /\p{L}/u.exec(source)?.[0];
  if (!first || first !== first.toLowerCase()) return translated;
  return translated.replace(/\p{L}/u, (c) => c.toLowerCase());
}
