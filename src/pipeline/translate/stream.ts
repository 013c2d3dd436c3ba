/**
 * Apertium's stream format, both ways. We deformat ourselves instead of piping through
 * apertium-destxt/-deshtml: those do not honour null-flush in Apertium 3.8, and our own wordbound
 * blanks (`[[t:1]]word[[/]]`) carry inline tags and protected names with their words through
 * reordering. Pure functions, no I/O.
 */

// Characters with a meaning in the stream; a literal one is written with a backslash before it.
const special = /[\\[\]^$/<>@{}]/g;

export function escapeStream(text: string): string {
  return text.replace(special, (c) => `\\${c}`);
}

/** Text wrapped in a wordbound blank: apertium copies the marks onto every word inside. */
export function wordbound(marks: string[], streamText: string): string {
  return marks.length === 0 ? streamText : `[[${marks.join('; ')}]]${streamText}[[/]]`;
}

/** A run of output text and the wordbound marks it carries (empty for plain text). */
export interface Piece {
  text: string;
  marks: string[];
}

/** Splits apertium output into pieces: wordbound runs, plain runs; escapes undone, superblanks opened. */
export function parseStream(output: string): Piece[] {
  const pieces: Piece[] = [];
  let marks: string[] = [];
  let text = '';
  const flush = () => {
    if (text) pieces.push({ text, marks });
    text = '';
  };
  for (let i = 0; i < output.length; i++) {
    const c = output[i]!;
    if (c === '\\' && i + 1 < output.length) {
      text += output[++i];
    } else if (output.startsWith('[[/]]', i)) {
      flush();
      marks = [];
      i += 4;
    } else if (output.startsWith('[[', i)) {
      const end = output.indexOf(']]', i + 2);
      if (end < 0) {
        text += c;
        continue;
      }
      flush();
      marks = output
        .slice(i + 2, end)
        .split(';')
        .map((m) => m.trim())
        .filter((m) => m && m !== '/');
      i = end + 1;
    } else if (c === '[') {
      const end = closingBracket(output, i);
      text += unescape(output.slice(i + 1, end));
      i = end;
    } else {
      text += c;
    }
  }
  flush();
  return pieces;
}

function closingBracket(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']') return i;
  }
  return s.length;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/**
 * Removes Apertium's unknown-word marks (`*word`, `#word`, `@word`) left after `-n` generation,
 * wherever they stand before a letter: after a space, inside a hyphenated word ("gastro-*enterologue")
 * or after a digit ("1*º"). Never when the source itself had that marked word (a hashtag, an @handle,
 * an e-mail address): "5 * 3" and "#JeSuis" survive. `unknown` collects the words that were marked.
 */
export function stripUnknownMarks(text: string, source: string, unknown?: Set<string>): string {
  if (!/[*#@]/.test(text)) return text;
  return text.replace(/([*#@]+)(\p{L}[\p{L}\p{N}_'’-]*)/gu, (all, mark: string, word: string) => {
    if (source.includes(`${mark}${word}`)) return all;
    unknown?.add(word.replace(/['’-]+$/u, ''));
    return word;
  });
}
