/**
 * A tiny HTML template helper: `html` escapes every interpolated value unless it is already
 * SafeHtml (made by `html` itself or by `raw()`). Use `raw()` only for HTML that was sanitized
 * upstream (article bodies from the pipeline's sanitize stage).
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
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

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
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
