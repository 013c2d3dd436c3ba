/**
 * A tiny HTML template helper: `html` escapes every interpolated value unless it is already
 * SafeHtml (made by `html` itself or by `raw()`). Use `raw()` only for HTML that was sanitized
 * upstream (article bodies from the pipeline's sanitize stage).
 *
 * Pieces rendered once and sent many times (a list item kept with its article's summary) are
 * `KeptHtml`, which encodes its UTF-8 bytes once. A template holding one is pieced: it keeps its
 * text and its kept pieces apart, and `utf8Of` sends it as the bytes of the text between them plus
 * theirs, so a search page encodes its frame, not its twenty results again (encoding a page was
 * an eighth of a new search's main-thread time in bench:web's profile).
 */
export class SafeHtml {
  constructor(protected readonly text: string) {}
  get value(): string {
    return this.text;
  }
  toString(): string {
    return this.value;
  }
}

/** HTML kept and sent many times: its UTF-8 bytes are encoded once. */
export class KeptHtml extends SafeHtml {
  #bytes: Buffer | undefined;
  get bytes(): Buffer {
    return (this.#bytes ??= Buffer.from(this.text));
  }
}

/** HTML holding kept pieces: text and kept pieces in order; the whole text is joined only if asked for. */
class PiecedHtml extends SafeHtml {
  #joined: string | undefined;
  constructor(readonly pieces: readonly (string | KeptHtml)[]) {
    super('');
  }
  override get value(): string {
    if (this.#joined === undefined) {
      let out = '';
      for (const piece of this.pieces) out += typeof piece === 'string' ? piece : piece.value;
      this.#joined = out;
    }
    return this.#joined;
  }
}

/** The UTF-8 bytes of a page: its kept pieces' own bytes, the text between them encoded now. */
export function utf8Of(page: SafeHtml): Buffer<ArrayBuffer> {
  if (!(page instanceof PiecedHtml)) return Buffer.from(page.value);
  let length = 0;
  const parts: (string | Buffer)[] = [];
  for (const piece of page.pieces) {
    if (typeof piece === 'string') {
      if (piece === '') continue;
      parts.push(piece);
      length += Buffer.byteLength(piece);
    } else {
      parts.push(piece.bytes);
      length += piece.bytes.length;
    }
  }
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (const part of parts) at += typeof part === 'string' ? out.write(part, at) : part.copy(out, at);
  return out;
}

/** What may be interpolated: text is escaped, nullish and `false` render as nothing, arrays are joined. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

export function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is cheaper than a replace that calls back per match.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (ch) => ENTITIES[ch] ?? ch) : text;
}

/** Marks a string as already-safe HTML. */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'string') return escapeHtml(value);
  if (value === null || value === undefined || value === false || value === true) return '';
  if (Array.isArray(value)) {
    let out = '';
    for (const v of value) out += render(v);
    return out;
  }
  return escapeHtml(String(value));
}

/** True when `value` is or holds a kept piece (the template is then pieced). */
function holdsKept(value: HtmlValue): boolean {
  if (value instanceof KeptHtml || value instanceof PiecedHtml) return true;
  if (Array.isArray(value)) for (const v of value) if (holdsKept(v)) return true;
  return false;
}

/** Appends `value` to `pieces`: kept pieces stay whole, the rest becomes text. */
function addPieces(pieces: (string | KeptHtml)[], value: HtmlValue): void {
  if (value instanceof KeptHtml) pieces.push(value);
  else if (value instanceof PiecedHtml) pieces.push(...value.pieces);
  else if (Array.isArray(value)) for (const v of value) addPieces(pieces, v);
  else pieces.push(render(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (holdsKept(value)) return pieced(strings, values, i, out);
    out += render(value) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** The rest of an html`` template from value `from` on, as pieces (`done` is the text before it). */
function pieced(strings: TemplateStringsArray, values: HtmlValue[], from: number, done: string): SafeHtml {
  const pieces: (string | KeptHtml)[] = [done];
  for (let i = from; i < values.length; i += 1) {
    addPieces(pieces, values[i]);
    pieces.push(strings[i + 1] ?? '');
  }
  // Adjacent text joined, so a page is a few runs of text between its kept pieces.
  const merged: (string | KeptHtml)[] = [];
  for (const piece of pieces) {
    const last = merged.length - 1;
    if (typeof piece === 'string' && typeof merged[last] === 'string') merged[last] += piece;
    else merged.push(piece);
  }
  return new PiecedHtml(merged);
}

/** Keeps rendered HTML to send many times (see KeptHtml). */
export function kept(markup: SafeHtml): KeptHtml {
  return markup instanceof KeptHtml ? markup : new KeptHtml(markup.value);
}

/**
 * A URL fit for href/src: http(s) absolute URLs and site-relative paths only. Anything else
 * (javascript:, data:, vbscript:, protocol-relative) becomes null, so a hostile feed cannot
 * smuggle script into a link even though the attribute itself is escaped.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
