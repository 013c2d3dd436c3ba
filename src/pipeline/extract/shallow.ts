/**
 * Pages nested deeper than any real article (broken markup, or an attack) are read as flat text first.
 * Depth makes everything slow: the HTML parser searches its open-element stack for every stray end tag,
 * and selectors, `closest` and Readability's recursion walk ancestors. A 5 MB junk page nesting ~90,000
 * deep took 34 s just to parse (htmlparser2 via linkedom, measured here). So:
 *   1. a linear scan of the raw tags estimates the nesting; past MAX_RAW_DEPTH the page is never parsed
 *      as a tree: its <head> is kept (metadata) and its text is cut into paragraphs at block tags;
 *   2. otherwise the tree is parsed; past MAX_DEPTH it is rebuilt from its blocks (blocks.ts, linear).
 * Either way the flat copy keeps at most MAX_BLOCKS paragraphs: no real article has a thousand.
 */
import { blockTexts } from './blocks.js';
import {
  createElement,
  bodyOf,
  headOf,
  innerHtml,
  maxDepth,
  parseDocument,
  rootElement,
  type DomDocument,
} from './dom.js';
import { attr } from './select.js';

/** Real article pages stay under ~60 levels; Readability's recursion is safe far beyond 500. */
export const MAX_DEPTH = 500;
/** The raw estimate counts unclosed <p>, <li>... too, so it runs high; 3,000 still flags only junk. */
const MAX_RAW_DEPTH = 3000;
const MAX_BLOCKS = 5000;

const VOID_TAGS = [
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'option',
  '!doctype',
];
/** VOID_TAGS by length, so that a tag name is compared in place rather than cut out and lower-cased. */
const VOID_BY_LENGTH: string[][] = [];
for (const name of VOID_TAGS) (VOID_BY_LENGTH[name.length] ??= []).push(name);
const BLOCK_BREAK =
  /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)\b[^>]*>/gi;

export interface ShallowPage {
  /** The markup `document` was parsed from (the flat rewrite when there was one). */
  html: string;
  document: DomDocument;
}

/** The page parsed as is, or its flat rewrite when it nests deeper than any article. */
export function parseShallow(html: string): ShallowPage {
  if (rawDepth(html) > MAX_RAW_DEPTH) return parsed(flatFromText(html));
  const document = parseDocument(html);
  if (maxDepth(document, MAX_DEPTH) <= MAX_DEPTH) return { html, document };
  return parsed(flatFromTree(document));
}

function parsed(html: string): ShallowPage {
  return { html, document: parseDocument(html) };
}

/** The deepest running count of start tags minus end tags (void and self-closing tags excluded). */
function rawDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  // The tags of /<(\/?)([a-zA-Z!][\w:-]*)[^>]*?(\/?)>/g, scanned by hand: twice as fast as the regex.
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const closing = html.charCodeAt(at + 1) === 47;
    const start = at + (closing ? 2 : 1);
    if (!isNameStart(html.charCodeAt(start))) continue;
    let end = start + 1;
    while (end < html.length && isNameChar(html.charCodeAt(end))) end++;
    const close = html.indexOf('>', end);
    if (close === -1) break;
    const selfClosing = html.charCodeAt(close - 1) === 47 && close - 1 >= end;
    at = close;
    if (selfClosing || isVoidName(html, start, end)) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/** Whether html[start, end) is one of VOID_TAGS, in any case. `c | 32` lower-cases a letter and maps no
 *  other name character onto a letter or "!". */
function isVoidName(html: string, start: number, end: number): boolean {
  const names = VOID_BY_LENGTH[end - start];
  if (!names) return false;
  next: for (const name of names) {
    for (let i = 0; i < name.length; i++) if ((html.charCodeAt(start + i) | 32) !== name.charCodeAt(i)) continue next;
    return true;
  }
  return false;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 33;
}

function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 58 || c === 45;
}

function flatFromText(html: string): string {
  const head = /<head[\s>][\s\S]*?<\/head>/i.exec(html.slice(0, 1_000_000))?.[0] ?? '';
  const lang = /<html[^>]*\slang="?([\w-]+)/i.exec(html.slice(0, 10_000))?.[1];
  const text = html
    .replace(/<head[\s>][\s\S]*?<\/head>/i, '')
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(BLOCK_BREAK, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/</g, '&lt;');
  const blocks = text
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return page(lang ?? null, head.replace(/^<head[^>]*>|<\/head>$/gi, ''), blocks, false);
}

function flatFromTree(document: DomDocument): string {
  const head = headOf(document);
  const headHtml = head && maxDepth(head, MAX_DEPTH) <= MAX_DEPTH ? innerHtml(head) : '';
  const body = bodyOf(document);
  const blocks = blockTexts(body.type === 'root' ? createElement('div', body.children) : body);
  return page(attr(document, 'html', 'lang'), headHtml, blocks, true);
}

function page(lang: string | null, head: string, blocks: string[], escape: boolean): string {
  const paragraphs = blocks.slice(0, MAX_BLOCKS).map((text) => `<p>${escape ? escapeText(text) : text}</p>`);
  const langAttribute = lang ? ` lang="${escapeText(lang)}"` : '';
  return `<!doctype html><html${langAttribute}><head>${head}</head><body>${paragraphs.join('\n')}</body></html>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
