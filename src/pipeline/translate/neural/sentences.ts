/**
 * Text into the pieces a sentence-level model translates: sentences, with the whitespace between
 * them kept so the translation is put together the same way. Marian models are trained on single
 * sentences; a whole paragraph in one go loses clauses at its end.
 */

/** Sentence text and the whitespace that follows it, in order; joined they give the text back. */
export interface SentencePiece {
  text: string;
  space: string;
}

/**
 * A sentence ends at . ! ? … (and closing quotes or brackets after them) followed by whitespace and a
 * capital, a digit or an opening quote, or at a CJK full stop. "Sr. Pérez" splits too early; the
 * model translates both halves and the join reads the same.
 */
const boundary = /(?<=[.!?…]['"”’»)\]]*)(\s+)(?=[\p{Lu}\p{N}"'“‘«¿¡(])|(?<=[。！？])(\s*)/u;

export function splitSentences(text: string): { lead: string; pieces: SentencePiece[] } {
  const lead = /^\s*/.exec(text)![0];
  const parts = text.slice(lead.length).split(new RegExp(boundary.source, 'gu'));
  const pieces: SentencePiece[] = [];
  // split() with two capture groups gives: text, space1, space2, text, …; one of the spaces is undefined.
  for (let i = 0; i < parts.length; i += 3) {
    const space = (parts[i + 1] ?? '') + (parts[i + 2] ?? '');
    const piece = parts[i] ?? '';
    if (piece === '' && pieces.length) pieces[pieces.length - 1]!.space += space;
    else pieces.push({ text: piece, space });
  }
  // The text's trailing whitespace is the last piece's.
  const last = pieces[pieces.length - 1];
  if (last) {
    const trail = /\s*$/.exec(last.text)![0];
    if (trail) {
      last.text = last.text.slice(0, last.text.length - trail.length);
      last.space = trail + last.space;
    }
  }
  return { lead, pieces };
}

/**
 * Token ids cut into parts of at most `max` tokens, at a word start where one is near the limit (a
 * piece starting with "▁"), so a 5,000-word sentence costs bounded time and memory per part.
 */
export function capTokens(ids: number[], tokens: string[], max: number): number[][] {
  const parts: number[][] = [];
  let start = 0;
  while (ids.length - start > max) {
    let cut = start + max;
    for (let i = cut; i > start + max / 2; i--) {
      if (tokens[i]?.startsWith('▁')) {
        cut = i;
        break;
      }
    }
    parts.push(ids.slice(start, cut));
    start = cut;
  }
  parts.push(ids.slice(start));
  return parts;
}
