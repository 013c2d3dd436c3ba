/**
 * Plain text ↔ stream segments. Each text line becomes one null-flushed segment; protected names ride
 * in wordbound blanks (`n:K`) and are put back verbatim afterwards, wherever apertium moved them.
 */
import { findNames, nameInLanguage, type NameSpan } from './protect-names.js';
import { escapeStream, parseStream, stripUnknownMarks, wordbound, type Piece } from './stream.js';

/** Translates already-encoded stream segments, one output per input. */
export type StreamTranslate = (segments: string[]) => Promise<string[]>;

/** Protected names met so far, by their mark. */
export class NameBook {
  private readonly names = new Map<string, string>();

  /** `language`: the target language, for names the gazetteer spells differently there. */
  constructor(private readonly language: string | null = null) {}

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

/** One run of text as stream, its names wrapped so they survive; `marks` wrap the whole run. */
export function encodeRun(text: string, marks: string[], book: NameBook): string {
  let out = '';
  let at = 0;
  for (const span of findNames(text)) {
    out += wordbound(marks, escapeStream(text.slice(at, span.start)));
    out += wordbound([...marks, book.mark(span)], escapeStream(placeholderWord(span.name)));
    at = span.end;
  }
  return out + wordbound(marks, escapeStream(text.slice(at)));
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
export async function translatePlain(texts: string[], translate: StreamTranslate, book = new NameBook()): Promise<string[]> {
  const lines = texts.map((t) => t.split('\n'));
  const segments: string[] = [];
  for (const line of lines.flat()) if (line.trim()) segments.push(encodeRun(line.trim(), [], book));
  const outputs = segments.length ? await translate(segments) : [];
  let next = 0;
  return lines.map((textLines) =>
    textLines
      .map((line) => {
        if (!line.trim()) return line;
        const pieces = restoreNames(parseStream(outputs[next++] ?? ''), book);
        const translated = keepFirstLetterCase(line, stripUnknownMarks(pieces.map((p) => p.text).join(''), line).trim());
        return keepOuterSpace(line, translated);
      })
      .join('\n'),
  );
}

function keepOuterSpace(source: string, translated: string): string {
  const lead = /^\s*/.exec(source)![0];
  const trail = /\s*$/.exec(source)![0];
  return lead + translated.replace(/\s+/g, ' ') + trail;
}

/** Apertium capitalises a segment's first word; a segment that began in lower case (after a <br>) stays so. */
export function keepFirstLetterCase(source: string, translated: string): string {
  const first = /\p{L}/u.exec(source)?.[0];
  if (!first || first !== first.toLowerCase()) return translated;
  return translated.replace(/\p{L}/u, (c) => c.toLowerCase());
}
