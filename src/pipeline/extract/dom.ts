/**
 * The DOM that extraction uses: htmlparser2 parses into a domhandler tree, and the small functions here
 * stand in for the browser's methods (getAttribute, textContent, remove...); selectors are in select.ts.
 * Chosen by measurement on shared/data/aeb (2026-11-27, same process): htmlparser2's parseDocument
 * 7–9 ms a page against linkedom's parseHTML 69–89 ms (linkedom builds a full DOM over the same
 * tokenizer). htmlparser2 builds no implicit <html>/<head>/<body>: `rootElement`, `headOf` and
 * `bodyOf` find them when present and fall back to the document.
 */
import { parseDocument as parseHtml } from 'htmlparser2';
import { Element, type Document, type Text, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';
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

/** Bumped by every change to the tree's shape (all of which go through this file): select.ts keeps a
 *  page's list of elements until then. */
let shapeVersion = 0;

export function treeVersion(): number {
  return shapeVersion;
}

/** A new detached element holding `children` (moved from wherever they were). */
export function createElement(tag: string, children: ChildNode[] = []): DomElement {
  shapeVersion++;
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

export function collapse(text: string | null | undefined): string {
  if (!text) return '';
  return isCollapsed(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** Whether `collapse` would return `text` as it is (most attribute values and short texts): checked
 *  without the regex and the new string. */
function isCollapsed(text: string): boolean {
  if (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1))) return false;
  for (let i = 1; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? text.charCodeAt(i + 1) === 32 : isSpace(c)) return false;
  }
  return true;
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
    } else if (isTag(at) || isDocument(at))
      for (let i = at.children.length - 1; i >= 0; i--) stack.push(at.children[i]!);
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
  if (storyPath.has(node)) return; // the story's own block: see protectStory
  shapeVersion++;
  if (node.parent) removeElement(node as ChildNode);
}

/** The elements from a body root down to the block that holds most of its text (protectStory). */
const storyPath = new WeakSet<DomNode>();

/**
 * The one rule every clean-up obeys: none may remove the block that holds most of the article's text.
 * Marks the path from `root` down to the innermost element holding more than half of its text (less
 * link text); remove() then leaves those elements in place. Paragraphs inside the block can still go.
 */
export function protectStory(root: DomElement): void {
  const prose = (el: DomNode): number => {
    const size = measureText(el);
    return size.text - size.links;
  };
  const total = prose(root);
  if (total <= 0) return;
  let at: DomElement | null = root;
  while (at) {
    storyPath.add(at);
    let next: DomElement | null = null;
    for (const child of at.children) if (isTag(child) && prose(child) > total / 2) next = child;
    at = next;
  }
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
  return firstByTag(document, 'head');
}

/** The <body>, or whatever holds the page's content when the markup has none. */
export function bodyOf(document: DomDocument): DomRoot {
  const root = rootElement(document);
  return elementChildren(root).find((el) => el.name === 'body') ?? firstByTag(document, 'body') ?? root;
}

/** The first element named `tag` under `root` in document order (walked without recursion). */
function firstByTag(root: DomRoot, tag: string): DomElement | null {
  const stack: DomNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === tag) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return null;
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
  const nodes: DomNode[] = [root];
  const inLinks: boolean[] = [false]; // beside `nodes`: no pair allocated per node
  while (nodes.length > 0 && size.text <= limit) {
    const node = nodes.pop()!;
    const inLink = inLinks.pop()!;
    if (isText(node)) {
      const length = collapsedLength(node.data, true);
      size.text += length;
      if (inLink) size.links += length;
      continue;
    }
    if (!isTag(node) && !isDocument(node)) continue;
    const tag = tagOf(node);
    if (tag === 'script' || tag === 'style' || tag === 'template') continue;
    const linked = inLink || tag === 'a';
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      nodes.push(kids[i]!);
      inLinks.push(linked);
    }
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
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 160 ||
    c === 5760 ||
    (c >= 8192 && c <= 8202) ||
    c === 8232 ||
    c === 8233 ||
    c === 8239 ||
    c === 8287 ||
    c === 12288 ||
    c === 65279
  );
}
