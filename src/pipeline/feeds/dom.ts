/**
 * The few DOM shapes this stage reads from linkedom. The project compiles without the DOM lib
 * (it runs on Node), and linkedom's own types lean on it, so we name what we use.
 */
export interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  tagName: string;
  innerHTML: string;
  textContent: string | null;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
