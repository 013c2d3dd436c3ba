/**
 * The DOM that extraction uses: htmlparser2 parses into a domhandler tree, css-select answers selectors,
 * and the small functions here stand in for the browser's methods (getAttribute, closest, remove...).
 * Chosen by measurement on shared/data/aeb (2026-11-27, same process): htmlparser2's parseDocument
 * 7–9 ms a page against linkedom's parseHTML 69–89 ms (linkedom builds a full DOM over the same
 * tokenizer). htmlparser2 builds no implicit <html>/<head>/<body>: `rootElement`, `headOf` and
 * `bodyOf` find them when present and fall back to the document.
 */
import { parseDocument as parseHtml } from 'htmlparser2';
import { Document, Element, Text, isTag, isText, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';
import { compile, selectAll, is as matches } from 'css-select';
import { getInnerHTML, getOuterHTML, removeElement, appendChild } from 'domutils';

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
  const el = new Element(tag, {});
  for (const child of [...children]) {
    if (child.parent) removeElement(child);
    appendChild(el, child);
  }
  return el;
}

type Query = ReturnType<typeof compile<AnyNode, Element>>;
const compiled = new Map<string, Query | null>();

function query(selector: string): Query | null {
  let q = compiled.get(selector);
  if (q === undefined) {
    try {
      q = compile<AnyNode, Element>(selector);
    } catch {
      q = null; // a selector css-select cannot parse finds nothing rather than failing the page
    }
    compiled.set(selector, q);
  }
  return q;
}

export function all(root: DomRoot, selector: string): DomElement[] {
  const q = query(selector);
  return q ? selectAll<AnyNode, Element>(q as never, root) : [];
}

export function first(root: DomRoot, selector: string): DomElement | null {
  return all(root, selector)[0] ?? null;
}

export function is(el: DomElement, selector: string): boolean {
  const q = query(selector);
  return q ? matches<AnyNode, Element>(el, q as never) : false;
}

/** The element itself or its nearest ancestor matching `selector`. */
export function closest(el: DomElement, selector: string): DomElement | null {
  for (let at: DomElement | null = el; at; at = parentElement(at)) if (is(at, selector)) return at;
  return null;
}

export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** All text under `node`, concatenated as the DOM's textContent (walked without recursion). */
export function textContent(node: DomNode | null | undefined): string {
  if (!node) return '';
  if (isText(node)) return node.data;
  let out = '';
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (isText(at)) out += at.data;
    else if (isTag(at) || at instanceof Document) for (let i = at.children.length - 1; i >= 0; i--) stack.push(at.children[i]!);
  }
  return out;
}

/** Collapsed text of an element (fine for small elements; body text goes through blocks.ts). */
export function textOf(node: DomNode | null | undefined): string {
  return collapse(textContent(node));
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
  return isTag(node) || node instanceof Document ? node.children : [];
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
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const kid of childrenOf(node)) if (isTag(kid)) stack.push([kid, depth + 1]);
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
      const length = collapse(node.data).length;
      size.text += length;
      if (inLink) size.links += length;
      continue;
    }
    if (!isTag(node) && !(node instanceof Document)) continue;
    const tag = tagOf(node);
    if (tag === 'script' || tag === 'style' || tag === 'template') continue;
    const linked = inLink || tag === 'a';
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, linked]);
  }
  return size;
}
