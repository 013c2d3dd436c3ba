/**
 * One linear pass over the page that measures every element for the body scorer (score.ts) and the
 * cleaner (clean.ts): text length, link text, commas, and counts of paragraphs, images, list items,
 * inputs, embeds, heading and list text. It also lists the paragraphs to score. The page is not changed:
 * hidden and (with `stripUnlikely`) unlikely elements are only left out, as Readability 0.6 removes them.
 * The rules are Readability 0.6's (its scores reproduce AEB 0.947), read as data over a domhandler tree.
 */
import {
  collapsedLength,
  getAttr,
  isElement,
  isTextNode,
  tagOf,
  type DomElement,
  type DomNode,
  type DomRoot,
} from './dom.js';

export interface Stats {
  text: number;
  /** Link text, links to "#..." counting 0.3 (Readability: in-page links are less of a sign of furniture). */
  link: number;
  commas: number;
  p: number;
  img: number;
  li: number;
  input: number;
  embed: number;
  heading: number;
  list: number;
  /** Holds an element that keeps a <div> from reading as a paragraph (Readability's DIV_TO_P_ELEMS). */
  block: boolean;
}

/** A block of prose to score: its text, and the first ancestor its score goes to. */
export interface Paragraph {
  first: DomElement;
  text: number;
  commas: number;
}

export interface PageStats {
  of: Map<DomElement, Stats>;
  /** Hidden or unlikely elements, read as absent. */
  excluded: Set<DomElement>;
  paragraphs: Paragraph[];
}

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'svg',
  'iframe',
  'textarea',
  'select',
  'button',
]);
const DIV_TO_P = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const SCORED = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
const PHRASING = new Set([
  'abbr',
  'audio',
  'b',
  'bdo',
  'br',
  'button',
  'cite',
  'code',
  'data',
  'datalist',
  'dfn',
  'em',
  'embed',
  'i',
  'img',
  'input',
  'kbd',
  'label',
  'mark',
  'math',
  'meter',
  'noscript',
  'object',
  'output',
  'progress',
  'q',
  'ruby',
  'samp',
  'script',
  'select',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'textarea',
  'time',
  'var',
  'wbr',
]);
const EMBEDS = new Set(['object', 'embed', 'iframe']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Readability 0.6's words of furniture and of content, matched against class + id. */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow/i;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
/** Readability's commas (/[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g), counted by code
 *  rather than by matching, which made an array per text node. */
function countCommas(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0x2c ||
      (c >= 0x60c &&
        (c === 0x60c ||
          c === 0xfe50 ||
          c === 0xfe10 ||
          c === 0xfe11 ||
          c === 0x2e41 ||
          c === 0x2e34 ||
          c === 0x2e32 ||
          c === 0xff0c))
    )
      count++;
  }
  return count;
}
/** Readability scores only blocks of at least this many characters. */
const MIN_PARAGRAPH = 25;

export function emptyStats(): Stats {
  return { text: 0, link: 0, commas: 0, p: 0, img: 0, li: 0, input: 0, embed: 0, heading: 0, list: 0, block: false };
}

export function classAndId(el: DomElement): string {
  return `${getAttr(el, 'class') ?? ''} ${getAttr(el, 'id') ?? ''}`;
}

function isHidden(el: DomElement): boolean {
  const style = getAttr(el, 'style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  if (getAttr(el, 'hidden') !== null) return true;
  return getAttr(el, 'aria-hidden') === 'true' && !(getAttr(el, 'class') ?? '').includes('fallback-image');
}

function isUnlikely(el: DomElement, inTableOrCode: boolean): boolean {
  const tag = el.name;
  if (tag === 'body' || tag === 'a' || tag === 'html') return false;
  if (UNLIKELY_ROLES.has(getAttr(el, 'role') ?? '')) return true;
  const names = classAndId(el);
  return !inTableOrCode && UNLIKELY.test(names) && !MAYBE.test(names);
}

/** Whether `el` reads as a paragraph: a <p>, or a <div> holding no block (Readability turns it into a <p>). */
export function isParagraphLike(el: DomElement, stats: Stats | undefined): boolean {
  return el.name === 'p' || (el.name === 'div' && !!stats && !stats.block);
}

export function measurePage(root: DomRoot, stripUnlikely: boolean): PageStats {
  const page: PageStats = { of: new Map(), excluded: new Set(), paragraphs: [] };
  const stack: Array<{ node: DomElement; inTableOrCode: boolean; open: boolean }> = [];
  const push = (node: DomNode, inTableOrCode: boolean) => {
    if (!isElement(node) || SKIPPED.has(node.name)) return;
    if (isHidden(node) || (stripUnlikely && isUnlikely(node, inTableOrCode))) page.excluded.add(node);
    else stack.push({ node, inTableOrCode, open: false });
  };
  const top = root.type === 'root' ? root.children : [root];
  for (let i = top.length - 1; i >= 0; i--) push(top[i]!, false);
  while (stack.length > 0) {
    const entry = stack[stack.length - 1]!;
    if (!entry.open) {
      entry.open = true;
      const inside = entry.inTableOrCode || entry.node.name === 'table' || entry.node.name === 'code';
      const kids = entry.node.children;
      for (let i = kids.length - 1; i >= 0; i--) push(kids[i]!, inside);
      continue;
    }
    stack.pop();
    page.of.set(entry.node, summarize(entry.node, page));
  }
  return page;
}

/** An element's stats from its children's (already measured), plus the paragraphs it holds. */
function summarize(el: DomElement, page: PageStats): Stats {
  const stats = emptyStats();
  const runs = RUNS.reset();
  let brs = 0;
  for (const kid of el.children) {
    if (isTextNode(kid)) {
      const length = textLength(kid.data);
      const commas = length > 0 ? countCommas(kid.data) : 0;
      stats.text += length;
      stats.commas += commas;
      if (length > 0) brs = 0;
      runs.add(length, commas);
      continue;
    }
    if (!isElement(kid)) continue;
    const child = page.of.get(kid);
    const tag = kid.name;
    if (tag === 'br') {
      if (++brs >= 2) runs.breakRun(true);
      continue;
    }
    if (!child) continue;
    brs = 0;
    add(stats, child);
    if (DIV_TO_P.has(tag) || child.block) stats.block = true;
    if (PHRASING.has(tag) || ((tag === 'a' || tag === 'del' || tag === 'ins' || tag === 'font') && !child.block))
      runs.add(child.text, child.commas);
    else runs.breakRun(false);
  }
  runs.breakRun(false);
  const tag = el.name;
  if (runs.count > 0 && (stats.block || runs.split)) {
    stats.block = true; // phrasing runs beside blocks become paragraphs of their own (Readability wraps them)
    stats.p += runs.count;
  }
  if (tag === 'a') stats.link = stats.text * ((getAttr(el, 'href') ?? '').startsWith('#') ? 0.3 : 1);
  if (tag === 'img') stats.img++;
  else if (tag === 'li') stats.li++;
  else if (tag === 'input') stats.input++;
  else if (EMBEDS.has(tag)) stats.embed++;
  else if (HEADINGS.has(tag)) stats.heading = stats.text;
  else if (tag === 'ul' || tag === 'ol') stats.list = stats.text;
  if (isParagraphLike(el, stats)) stats.p++;
  if (
    (SCORED.has(tag) || isParagraphLike(el, stats)) &&
    stats.text >= MIN_PARAGRAPH &&
    el.parent &&
    isElement(el.parent)
  ) {
    page.paragraphs.push({ first: el.parent, text: stats.text, commas: stats.commas });
  }
  if (stats.block)
    for (const run of runs.scored) page.paragraphs.push({ first: el, text: run.text, commas: run.commas });
  return stats;
}

/** Runs of phrasing content directly inside an element, cut at blocks and at two <br> in a row. One
 *  instance serves every element in turn (summarize is not reentrant): no allocation per element. */
class Runs {
  count = 0;
  split = false;
  scored: Array<{ text: number; commas: number }> = [];
  private text = 0;
  private commas = 0;
  private open = false;
  reset(): this {
    this.count = 0;
    this.split = false;
    if (this.scored.length > 0) this.scored = [];
    this.text = 0;
    this.commas = 0;
    this.open = false;
    return this;
  }
  add(text: number, commas: number): void {
    this.open = true;
    this.text += text;
    this.commas += commas;
  }
  breakRun(byBreaks: boolean): void {
    if (byBreaks && this.text > 0) this.split = true;
    if (this.open && this.text > 0) {
      this.count++;
      if (this.text >= MIN_PARAGRAPH) this.scored.push({ text: this.text, commas: this.commas });
    }
    this.open = false;
    this.text = 0;
    this.commas = 0;
  }
}

const RUNS = new Runs();

export function add(into: Stats, from: Stats): void {
  into.text += from.text;
  into.link += from.link;
  into.commas += from.commas;
  into.p += from.p;
  into.img += from.img;
  into.li += from.li;
  into.input += from.input;
  into.embed += from.embed;
  into.heading += from.heading;
  into.list += from.list;
}

export function subtract(into: Stats, from: Stats): void {
  into.text -= from.text;
  into.link -= from.link;
  into.commas -= from.commas;
  into.p -= from.p;
  into.img -= from.img;
  into.li -= from.li;
  into.input -= from.input;
  into.embed -= from.embed;
  into.heading -= from.heading;
  into.list -= from.list;
}

/** Characters of a text node with its whitespace runs read as one space; blank nodes count nothing. */
function textLength(data: string): number {
  return collapsedLength(data, false);
}

export function linkDensity(stats: Stats | undefined): number {
  return stats && stats.text > 0 ? stats.link / stats.text : 0;
}

export { tagOf };
