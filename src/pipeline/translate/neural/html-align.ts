/**
 * HTML through a model that knows nothing of tags. html.ts cuts the document into runs (the text
 * and inline elements between block tags) and hands each run over as a stream segment whose words
 * carry their inline elements as marks; here each run is translated as plain text and the marks are
 * put back on the translated words:
 *   1. a marked stretch whose text the translation contains verbatim (a linked name, a number) is
 *      marked where it is found;
 *   2. any other marked stretch is marked at the same relative position among the translated words
 *      (word i..j of n → word i·m/n..j·m/n of m).
 * The model gives no alignment, so step 2 is an estimate: the tag wraps about the right words, never
 * loses its place in the run, and never swallows the run. Block elements stay blocks (html.ts).
 */
import { translateHtmlDocument, type HtmlTranslation } from '../html.js';
import { NameBook } from '../segments.js';
import { escapeStream, parseStream, wordbound, type Piece } from '../stream.js';

interface Word {
  text: string;
  marks: string[];
}

export async function translateHtmlAligned(
  html: string,
  to: string,
  translate: (texts: string[]) => Promise<string[]>,
): Promise<HtmlTranslation> {
  // No name placeholders and no Apertium polish: the names check after translation handles names.
  const book = new NameBook(to, null, { names: false });
  return translateHtmlDocument(
    html,
    async (segments) => {
      const pieces = segments.map((segment) => parseStream(segment));
      const plain = pieces.map((p) =>
        p
          .map((piece) => piece.text)
          .join('')
          .replace(/\s+/g, ' '),
      );
      const translated = await translate(plain);
      return pieces.map((p, i) => markedStream(sourceWords(p), translated[i]!));
    },
    book,
  );
}

/**
 * Words, and punctuation marks on their own: "casa." is two, so a link around "casa" does not take
 * the full stop after it.
 */
const wordPattern = /[\p{L}\p{N}\p{M}_]+(?:['’-][\p{L}\p{N}\p{M}_]+)*|\S/gu;

/** The run's words, each with the marks of the piece it is in. */
function sourceWords(pieces: Piece[]): Word[] {
  return pieces.flatMap((piece) => (piece.text.match(wordPattern) ?? []).map((text) => ({ text, marks: piece.marks })));
}

/** The translation as a stream segment, its words wearing the marks their source words wore. */
function markedStream(source: Word[], translation: string): string {
  const parts = translation.match(/\s+|[\p{L}\p{N}\p{M}_]+(?:['’-][\p{L}\p{N}\p{M}_]+)*|\S/gu) ?? [];
  const wordAt = parts.flatMap((part, i) => (/^\s/.test(part) ? [] : [i]));
  const words = wordAt.map((i) => parts[i]!);
  const marks: string[][] = words.map(() => []);
  for (const { start, end, wearing } of markedStretches(source)) {
    const stretch = source.slice(start, end).map((w) => w.text);
    const found = findWords(words, stretch);
    const from = found ?? Math.floor((start * words.length) / source.length);
    const until =
      found !== null ? found + stretch.length : Math.max(from + 1, Math.round((end * words.length) / source.length));
    for (let i = from; i < Math.min(until, words.length); i++) marks[i] = wearing;
  }
  const wordMarks = new Map(wordAt.map((at, k) => [at, marks[k]!]));
  return parts.map((part, i) => wordbound(wordMarks.get(i) ?? [], escapeStream(part))).join('');
}

/** Consecutive source words with the same (non-empty) marks. */
function markedStretches(words: Word[]): { start: number; end: number; wearing: string[] }[] {
  const out: { start: number; end: number; wearing: string[] }[] = [];
  words.forEach((word, i) => {
    const last = out[out.length - 1];
    if (!word.marks.length) return;
    if (last && last.end === i && last.wearing.join(';') === word.marks.join(';')) last.end = i + 1;
    else out.push({ start: i, end: i + 1, wearing: word.marks });
  });
  return out;
}

/**
 * Where `stretch` occurs in `words`, for a stretch with a capital or a digit (a name, a number: what a
 * model copies); else null, and the position decides.
 */
function findWords(words: string[], stretch: string[]): number | null {
  if (!stretch.some((w) => /[\p{Lu}\p{N}]/u.test(w))) return null;
  for (let i = 0; i + stretch.length <= words.length; i++) {
    if (stretch.every((w, k) => words[i + k] === w)) return i;
  }
  return null;
}
