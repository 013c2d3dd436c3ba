/**
 * What a fetched body is, from its first element: which feed format, or HTML, or nothing usable.
 * Only the prolog and the root's name are read, so a large body costs nothing here.
 */
export type Sniffed =
  | { type: 'empty' }
  | { type: 'html' }
  | { type: 'json' }
  | { type: 'xml'; root: string; body: string }
  | { type: 'text' };

// Roots that only HTML pages (or fragments of them) start with.
const HTML_ROOTS = new Set(['html', 'head', 'body', 'meta', 'link', 'script', 'style', 'title', 'div', 'p', 'table']);
// The prolog before the root: XML declaration, processing instructions (stylesheets), comments,
// and a DOCTYPE with an optional internal subset (RSS 0.91 declares its entities there).
const PROLOG_PART = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*/i;
const HTML_DOCTYPE = /^<!doctype\s+html[\s>]/i;

/** Root local names of the feed formats this stage reads. */
export const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'urlset', 'sitemapindex']);
// Where a feed starts after junk: PHP warnings and plugin output printed before the XML are a
// classic of WordPress feeds. Only the first 4 KiB are searched; a real feed starts early.
const LATE_FEED_START = /<\?xml\s|<(?:[\w-]+:)?(?:rss|feed|rdf|urlset|sitemapindex)[\s>]/i;
const JUNK_SEARCH_CHARS = 4_096;

/**
 * The kind of document `text` is, judged by its first non-prolog characters. For XML, `body` is
 * the document from its first markup on (any junk printed before the feed left out).
 */
export function sniff(text: string): Sniffed {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return { type: 'empty' };
  if (start.startsWith('{')) return { type: 'json' };
  const root = rootName(start);
  if (looksLikeHtmlStart(start, root)) return { type: 'html' };
  if (root !== null && FEED_ROOTS.has(root)) return { type: 'xml', root, body: start };
  const late = LATE_FEED_START.exec(start.slice(0, JUNK_SEARCH_CHARS));
  const lateRoot = late ? rootName(start.slice(late.index)) : null;
  if (late && lateRoot !== null && FEED_ROOTS.has(lateRoot))
    return { type: 'xml', root: lateRoot, body: start.slice(late.index) };
  return root === null ? { type: 'text' } : { type: 'xml', root, body: start };
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
  for (let match = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*/.exec(rest); match;) {
    rest = rest.slice(match[0].length);
    match = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*/.exec(rest);
  }
  return rest;
}
