/**
 * The DOM that extraction uses: htmlparser2 parses into a domhandler tree, css-select answers selectors,
 * and the small functions here stand in for the browser's methods (getAttribute, closest, remove...).
 * Chosen by measurement on shared/data/aeb (2026-11-27, same process): htmlparser2's parseDocument
 * 7–9 ms a page against linkedom's parseHTML 69–89 ms (linkedom builds a full DOM over the same
 * tokenizer). htmlparser2 builds no implicit <html>/<head>/<body>: `rootElement`, `headOf` and
 * `bodyOf` find them when present and fall back to the document.
 */
import { parseDocument as parseHtml } from 'htmlparser2';
import { Element, type Document, type Text, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';
import { compile } from 'css-select';
import { getInnerHTML, getOuterHTML, removeElement } from 'domutils';

/** domhandler's isTag/isText and `instanceof Document`, written out on the node's `type` (the values of
 *  domelementtype's ElementType): they run for every node of every walk, and through imported bindings
 *  (getters once tsx or a bundler has rewritten the modules) they cost ~8% of extraction on aeb. */
function isTag(node: AnyNode): node is Element {
  const type = node.type;
  return type === 'tag' || type === 'script' || type === 'style';
}

function isText(node: AnyNode): node is Text {
  return node.type === 'text';
}

function isDocument(node: AnyNode): node is Document {
  return node.type === 'root';
}

export type DomNode = AnyNode;
export type DomElement = Element;
export type DomDocument = Document;
export type DomRoot = DomDocument | DomElement;

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function parseDocument(html: string): DomDocument {
  return parseHtml(html);
}

/** Parses a body fragment into a detached <div>. */
export function parseFragment(html: string): DomElement {
  return createElement('div', parseHtml(html).children);
}

/** A new detached element holding `children` (moved from wherever they were). */
export function createElement(tag: string, children: ChildNode[] = []): DomElement {
  treeVersion++;
  const moving = [...children];
  detachAll(moving);
  const el = new Element(tag, {}, moving);
  for (let i = 0; i < moving.length; i++) {
    moving[i]!.parent = el;
    moving[i]!.prev = moving[i - 1] ?? null;
    moving[i]!.next = moving[i + 1] ?? null;
  }
  return el;
}

/** Takes `nodes` out of their parents, each parent's list rebuilt once (removing one by one is
 *  quadratic on a parent of thousands). */
function detachAll(nodes: ChildNode[]): void {
  const moving = new Set(nodes);
  const parents = new Set<ParentNode>();
  for (const node of nodes) if (node.parent) parents.add(node.parent);
  for (const parent of parents) {
    parent.children = parent.children.filter((node) => !moving.has(node));
    parent.children.forEach((node, i, list) => {
      node.prev = list[i - 1] ?? null;
      node.next = list[i + 1] ?? null;
    });
  }
  for (const node of nodes) node.parent = null;
}

type Query = (el: DomElement) => boolean;
const compiled = new Map<string, Query | null>();

/** A selector list as one test. Simple alternatives (a tag with classes, ids and attribute tests, the
 *  bulk of what extraction asks) are matched here; the rest (combinators, pseudo-classes) by css-select.
 *  css-select alone spent a tenth of extraction time on aeb in lists like ".standfirst, .subtitle, ...". */
function query(selector: string): Query | null {
  let q = compiled.get(selector);
  if (q === undefined) {
    try {
      const tests = splitList(selector).map((part) => simpleTest(part) ?? { test: compile<AnyNode, Element>(part) as Query, needs: null });
      q = tests.length === 1 ? tests[0]!.test : anyOf(tests);
    } catch {
      q = null; // a selector css-select cannot parse finds nothing rather than failing the page
    }
    compiled.set(selector, q);
  }
  return q;
}

/** "a, b[x='1,2']" → ["a", "b[x='1,2']"]: commas outside brackets, parentheses and quotes. */
function splitList(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(selector.slice(start).trim());
  return parts;
}

const SIMPLE = /^([a-zA-Z][\w-]*|\*)?((?:\.[\w-]+|#[\w-]+|\[[\w-]+(?:[~^$*|]?=(?:"[^"]*"|'[^']*'|[^\]"']*))?\])*)$/;
const PART = /\.([\w-]+)|#([\w-]+)|\[([\w-]+)(?:([~^$*|]?=)(?:"([^"]*)"|'([^']*)'|([^\]"']*)))?\]/g;

/** A compiled simple selector, and an attribute it cannot match without (null: none). */
interface Simple {
  test: Query;
  needs: string | null;
}

function simpleTest(selector: string): Simple | null {
  const match = SIMPLE.exec(selector);
  if (!match) return null;
  const tag = match[1] && match[1] !== '*' ? match[1].toLowerCase() : null;
  const checks: Query[] = [];
  let needs: string | null = null;
  for (const part of match[2]!.matchAll(PART)) {
    if (part[1] !== undefined) checks.push((el) => hasWord(el.attribs.class, part[1]!));
    else if (part[2] !== undefined) checks.push((el) => el.attribs.id === part[2]);
    else checks.push(attributeTest(part[3]!.toLowerCase(), part[4], part[5] ?? part[6] ?? part[7] ?? ''));
    needs ??= part[1] !== undefined ? 'class' : part[2] !== undefined ? 'id' : part[3]!.toLowerCase();
  }
  if (checks.length === 0) return { test: (el) => tag === null || el.name === tag, needs };
  if (checks.length === 1) {
    const check = checks[0]!;
    return { test: (el) => (tag === null || el.name === tag) && check(el), needs };
  }
  return { test: (el) => (tag === null || el.name === tag) && allOf(checks, el), needs };
}

/** Any of `alternatives`, those that need an attribute tried only on elements that have it: most
 *  elements have no class or id, and lists of twenty class tests are asked of every element of a page. */
function anyOf(alternatives: Simple[]): Query {
  const free = alternatives.filter((a) => a.needs === null).map((a) => a.test);
  const groups = new Map<string, Query[]>();
  for (const a of alternatives) if (a.needs !== null) (groups.get(a.needs) ?? groups.set(a.needs, []).get(a.needs)!).push(a.test);
  const names = [...groups.keys()];
  const lists = names.map((name) => groups.get(name)!);
  return (el) => {
    for (let i = 0; i < free.length; i++) if (free[i]!(el)) return true;
    const attribs = el.attribs;
    for (let g = 0; g < names.length; g++) {
      if (attribs[names[g]!] === undefined) continue;
      const tests = lists[g]!;
      for (let i = 0; i < tests.length; i++) if (tests[i]!(el)) return true;
    }
    return false;
  };
}

function allOf(checks: Query[], el: DomElement): boolean {
  for (let i = 0; i < checks.length; i++) if (!checks[i]!(el)) return false;
  return true;
}

function attributeTest(name: string, operator: string | undefined, value: string): Query {
  switch (operator) {
    case undefined: return (el) => el.attribs[name] !== undefined;
    case '=': return (el) => el.attribs[name] === value;
    case '~=': return (el) => hasWord(el.attribs[name], value);
    case '^=': return (el) => value !== '' && (el.attribs[name]?.startsWith(value) ?? false);
    case '$=': return (el) => value !== '' && (el.attribs[name]?.endsWith(value) ?? false);
    case '*=': return (el) => value !== '' && (el.attribs[name]?.includes(value) ?? false);
    default: return (el) => el.attribs[name] === value || (el.attribs[name]?.startsWith(`${value}-`) ?? false); // |=
  }
}

/** Whether the whitespace-separated list `list` holds `word`. */
function hasWord(list: string | undefined, word: string): boolean {
  if (!list || word === '') return false;
  for (let at = list.indexOf(word); at !== -1; at = list.indexOf(word, at + 1)) {
    const before = at === 0 || isSpace(list.charCodeAt(at - 1));
    const after = at + word.length === list.length || isSpace(list.charCodeAt(at + word.length));
    if (before && after) return true;
  }
  return false;
}

export function all(root: DomRoot, selector: string): DomElement[] {
  const q = query(selector);
  if (!q) return [];
  if (isDocument(root)) return candidates(root, selector).filter(q);
  const found: DomElement[] = [];
  walkUnder(root, (el) => {
    if (q(el)) found.push(el);
    return false;
  });
  return found;
}

/** The elements matching `selector` in document order, found one at a time: for loops that stop at the
 *  first one that serves (a byline, a date), which `all` would match over the whole page first. The tree
 *  must not change while it is iterated. */
export function* matches(root: DomRoot, selector: string): Generator<DomElement> {
  const q = query(selector);
  if (!q) return;
  if (isDocument(root)) {
    for (const el of candidates(root, selector)) if (q(el)) yield el;
    return;
  }
  for (const el of all(root, selector)) yield el;
}

export function first(root: DomRoot, selector: string): DomElement | null {
  const q = query(selector);
  if (!q) return null;
  if (isDocument(root)) return candidates(root, selector).find(q) ?? null;
  let found: DomElement | null = null;
  walkUnder(root, (el) => (q(el) ? ((found = el), true) : false));
  return found;
}

/** Visits the elements under `root` in document order until `visit` returns true. */
function walkUnder(root: DomRoot, visit: (el: DomElement) => boolean): void {
  const stack: DomNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (visit(node)) return;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** Bumped by every change to the tree's shape (all of which go through this file). */
let treeVersion = 0;
const flatLists = new WeakMap<DomRoot, { version: number; elements: DomElement[]; byTag: Map<string, DomElement[]> }>();
/** The one tag every alternative of a selector list requires ("meta[property=...], meta[name=...]"),
 *  else null: such lists are tested only against the elements of that tag. */
const requiredTags = new Map<string, string | null>();

function requiredTag(selector: string): string | null {
  let tag = requiredTags.get(selector);
  if (tag === undefined) {
    const tags = new Set(splitList(selector).map((part) => (SIMPLE.exec(part)?.[1] ?? '*').toLowerCase()));
    tag = tags.size === 1 && !tags.has('*') ? [...tags][0]! : null;
    requiredTags.set(selector, tag);
  }
  return tag;
}

function candidates(root: DomDocument, selector: string): DomElement[] {
  const elements = elementsUnder(root);
  const tag = requiredTag(selector);
  return tag === null ? elements : (flatLists.get(root)!.byTag.get(tag) ?? []);
}

/** The elements under `root` in document order, kept until the tree changes: extraction asks a
 *  hundred selectors of the same page, and filtering one array beats walking the tree for each
 *  (css-select's own selectAll walked it: a fifth of extraction time on aeb). */
function elementsUnder(root: DomRoot): DomElement[] {
  const cached = flatLists.get(root);
  if (cached && cached.version === treeVersion) return cached.elements;
  const elements: DomElement[] = [];
  const byTag = new Map<string, DomElement[]>();
  walkUnder(root, (el) => {
    elements.push(el);
    const list = byTag.get(el.name);
    if (list) list.push(el);
    else byTag.set(el.name, [el]);
    return false;
  });
  flatLists.set(root, { version: treeVersion, elements, byTag });
  return elements;
}

export function is(el: DomElement, selector: string): boolean {
  const q = query(selector);
  return q ? q(el) : false;
}

/** The element itself or its nearest ancestor matching `selector`. */
export function closest(el: DomElement, selector: string): DomElement | null {
  for (let at: DomElement | null = el; at; at = parentElement(at)) if (is(at, selector)) return at;
  return null;
}

export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** All text under `node`, concatenated as the DOM's textContent (walked without recursion). With a
 *  `limit`, the walk stops once the text is surely longer than `limit` characters once collapsed. */
export function textContent(node: DomNode | null | undefined, limit = Number.POSITIVE_INFINITY): string {
  if (!node) return '';
  if (isText(node)) return node.data;
  let out = '';
  const counter = { length: 0, pending: false };
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (isText(at)) {
      out += at.data;
      if (limit !== Number.POSITIVE_INFINITY && countCollapsed(at.data, counter) > limit) return out;
    } else if (isTag(at) || isDocument(at)) for (let i = at.children.length - 1; i >= 0; i--) stack.push(at.children[i]!);
  }
  return out;
}

/** Collapsed text of an element (fine for small elements; body text goes through blocks.ts). With a
 *  `limit`, a longer text is cut short (still longer than `limit`): for "is this short?" tests over
 *  every element of a page, which would otherwise read a page's text once per level of nesting. */
export function textOf(node: DomNode | null | undefined, limit?: number): string {
  return collapse(textContent(node, limit));
}

export function getAttr(el: DomElement, name: string): string | null {
  return el.attribs[name] ?? null;
}

export function setAttr(el: DomElement, name: string, value: string): void {
  el.attribs[name] = value;
}

export function removeAttr(el: DomElement, name: string): void {
  delete el.attribs[name];
}

/** The first non-empty value of attribute `name` among the elements matching `selector`. */
export function attr(root: DomRoot, selector: string, name: string): string | null {
  for (const el of all(root, selector)) {
    const value = collapse(getAttr(el, name));
    if (value) return value;
  }
  return null;
}

export function isElement(node: DomNode | null | undefined): node is DomElement {
  return !!node && isTag(node);
}

export function tagOf(node: DomNode): string {
  return isTag(node) ? node.name : isText(node) ? '#text' : '#other';
}

export function parentElement(node: DomNode): DomElement | null {
  return node.parent && isTag(node.parent) ? node.parent : null;
}

export function childrenOf(node: DomNode): ChildNode[] {
  return isTag(node) || isDocument(node) ? node.children : [];
}

export function elementChildren(node: DomNode): DomElement[] {
  return childrenOf(node).filter(isTag);
}

export function nextElement(node: DomNode): DomElement | null {
  let at = node.next;
  while (at && !isTag(at)) at = at.next;
  return at;
}

export function remove(node: DomNode): void {
  treeVersion++;
  if (node.parent) removeElement(node as ChildNode);
}

/** False once the node or one of its ancestors was removed from under `root`. */
export function isInside(node: DomNode, root: DomNode): boolean {
  for (let at: DomNode | null = node; at; at = at.parent) if (at === root) return true;
  return false;
}

export function innerHtml(el: DomElement): string {
  return getInnerHTML(el, { encodeEntities: 'utf8' });
}

export function outerHtml(node: DomNode): string {
  return getOuterHTML(node, { encodeEntities: 'utf8' });
}

/** The <html> element, or the document itself for a fragment-like page. */
export function rootElement(document: DomDocument): DomRoot {
  return document.children.find((node): node is DomElement => isTag(node) && node.name === 'html') ?? document;
}

export function headOf(document: DomDocument): DomElement | null {
  return first(document, 'head');
}

/** The <body>, or whatever holds the page's content when the markup has none. */
export function bodyOf(document: DomDocument): DomRoot {
  const root = rootElement(document);
  return elementChildren(root).find((el) => el.name === 'body') ?? first(document, 'body') ?? root;
}

export function isTextNode(node: DomNode): node is Text {
  return isText(node);
}

export type { ParentNode };

/** Depth of the deepest element, walked without recursion (pages can nest thousands deep). */
export function maxDepth(root: DomNode, limit: number): number {
  let deepest = 0;
  const nodes: DomNode[] = [root];
  const depths: number[] = [0]; // beside `nodes`: no pair allocated per element
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    const kids = childrenOf(node);
    for (let i = 0; i < kids.length; i++) {
      if (!isTag(kids[i]!)) continue;
      nodes.push(kids[i]!);
      depths.push(depth + 1);
    }
  }
  return deepest;
}

export interface TextSize {
  /** Characters of text (each text node's whitespace collapsed). */
  text: number;
  /** Of which inside links. */
  links: number;
}

/** Text and link-text length of `root`, walked once without recursion; stops early past `limit`
 *  characters, so size tests on huge or deeply nested elements stay linear over the page. */
export function measureText(root: DomNode, limit = Number.POSITIVE_INFINITY): TextSize {
  const size: TextSize = { text: 0, links: 0 };
  const stack: Array<[DomNode, boolean]> = [[root, false]];
  while (stack.length > 0 && size.text <= limit) {
    const [node, inLink] = stack.pop()!;
    if (isText(node)) {
      const length = collapsedLength(node.data, true);
      size.text += length;
      if (inLink) size.links += length;
      continue;
    }
    if (!isTag(node) && !(isDocument(node))) continue;
    const tag = tagOf(node);
    if (tag === 'script' || tag === 'style' || tag === 'template') continue;
    const linked = inLink || tag === 'a';
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, linked]);
  }
  return size;
}

/** `collapse(text).length` (or, with `trim` false, the length with each whitespace run read as one
 *  space and a blank text counting nothing) without building the string: measuring runs per text node. */
export function collapsedLength(text: string, trim: boolean): number {
  let length = 0;
  let pending = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      pending = true;
      continue;
    }
    if (pending && (length > 0 || !trim)) length++;
    pending = false;
    length++;
  }
  if (length === 0) return 0;
  return pending && !trim ? length + 1 : length;
}

/** Adds `text` to a running `collapse(...).length` count and returns it. */
function countCollapsed(text: string, counter: { length: number; pending: boolean }): number {
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      counter.pending = true;
      continue;
    }
    if (counter.pending && counter.length > 0) counter.length++;
    counter.pending = false;
    counter.length++;
  }
  return counter.length;
}

/** The characters JavaScript's \s matches. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}
