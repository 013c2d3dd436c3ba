/**
 * What a fetched body is, from its first element: which feed format, or HTML, or nothing usable.
 * Only the prolog and the root's name are read, so a large body costs nothing here.
 */
export type Sniffed =
  | { type: 'empty' }
  | { type: 'html' }
  | { type: 'json' }
  | { type: 'xml'; root: string }
  | { type: 'text' };

// Roots that only HTML pages (or fragments of them) start with.
const HTML_ROOTS = new Set(['html', 'head', 'body', 'meta', 'link', 'script', 'style', 'title', 'div', 'p', 'table']);
// The prolog before the root: XML declaration, processing instructions (stylesheets), comments,
// and a DOCTYPE with an optional internal subset (RSS 0.91 declares its entities there).
const PROLOG_PART = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*/i;
const HTML_DOCTYPE = /^<!doctype\s+html[\s>]/i;

/** The kind of document `text` is, judged by its first non-prolog characters. */
export function sniff(text: string): Sniffed {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return { type: 'empty' };
  if (start.startsWith('{')) return { type: 'json' };
  const root = rootName(start);
  if (looksLikeHtmlStart(start, root)) return { type: 'html' };
  return root === null ? { type: 'text' } : { type: 'xml', root };
}

/** True when the body is an HTML page (a site's front page served where a feed was expected). */
export function looksLikeHtml(text: string): boolean {
  return sniff(text).type === 'html';
}

function looksLikeHtmlStart(start: string, root: string | null): boolean {
  if (HTML_DOCTYPE.test(skipDeclarations(start))) return true;
  return root !== null && HTML_ROOTS.has(root);
}

/** The root element's local name, lower case (`rdf:RDF` → `rdf`), or null when there is none. */
export function rootName(text: string): string | null {
  const body = skipProlog(text.replace(/^\uFEFF/, '').trimStart());
  const match = /^<([A-Za-z_][\w.:-]*)/.exec(body);
  if (!match?.[1]) return null;
  return match[1].split(':').pop()!.toLowerCase();
}

function skipProlog(text: string): string {
  let rest = text;
  for (let match = PROLOG_PART.exec(rest); match; match = PROLOG_PART.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  return rest;
}

// Like skipProlog but stops at a DOCTYPE, so the DOCTYPE itself can be read.
function skipDeclarations(text: string): string {
  let rest = text;
  for (let match = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*/.exec(rest); match; ) {
    rest = rest.slice(match[0].length);
    match = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*/.exec(rest);
  }
  return rest;
}
