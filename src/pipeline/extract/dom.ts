/**
 * The small slice of the DOM that extraction uses, typed here because the project compiles without the
 * browser's DOM library. linkedom is the parser: about 6× faster than jsdom under Readability on
 * shared/data/aeb (30 vs 4–5 pages/s, shared/data/README.md).
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  nodeType: number;
  nodeName: string;
  parentNode: DomNode | null;
  parentElement: DomElement | null;
  childNodes: ArrayLike<DomNode>;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  textContent: string | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  localName: string;
  id: string;
  className: string;
  innerHTML: string;
  outerHTML: string;
  children: ArrayLike<DomElement>;
  attributes: ArrayLike<{ name: string; value: string }>;
  /** linkedom implements it; false once the element or an ancestor was removed. */
  isConnected?: boolean;
  nextElementSibling: DomElement | null;
  previousElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  contains(node: DomNode): boolean;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement;
  body: DomElement | null;
  head: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses a whole page. linkedom needs an <html> root to expose documentElement/body reliably. */
export function parseDocument(html: string): DomDocument {
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document as unknown as DomDocument;
}

/** Parses a body fragment into a detached <div> of its own document. */
export function parseFragment(html: string): DomElement {
  const document = parseDocument(`<!doctype html><html><head></head><body><div>${html}</div></body></html>`);
  const root = document.body?.firstChild;
  if (!root || root.nodeType !== ELEMENT_NODE) throw new Error('fragment root missing');
  return root as DomElement;
}

export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return []; // a selector linkedom cannot parse finds nothing rather than failing the page
  }
}

export function first(root: DomDocument | DomElement, selector: string): DomElement | null {
  return all(root, selector)[0] ?? null;
}

export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Collapsed text of an element (fine for small elements; body text goes through blocks.ts). */
export function textOf(node: DomNode | null | undefined): string {
  return collapse(node?.textContent);
}

export function attr(root: DomDocument | DomElement, selector: string, name: string): string | null {
  for (const el of all(root, selector)) {
    const value = collapse(el.getAttribute(name));
    if (value) return value;
  }
  return null;
}

export function isElement(node: DomNode | null | undefined): node is DomElement {
  return node?.nodeType === ELEMENT_NODE;
}

export function tagOf(node: DomNode): string {
  return node.nodeName.toLowerCase();
}

/** Depth of the deepest element, walked without recursion (pages can nest thousands deep). */
export function maxDepth(root: DomElement, limit: number): number {
  let deepest = 0;
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === ELEMENT_NODE) stack.push([kids[i]!, depth + 1]);
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
    if (node.nodeType === TEXT_NODE) {
      const length = collapse(node.textContent).length;
      size.text += length;
      if (inLink) size.links += length;
      continue;
    }
    const tag = tagOf(node);
    if (tag === 'script' || tag === 'style' || tag === 'template') continue;
    const linked = inLink || tag === 'a';
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, linked]);
  }
  return size;
}
