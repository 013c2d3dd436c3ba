/**
 * Selectors over the extraction DOM (dom.ts): `all`, `first`, `matches`, `is`, `closest`, `attr`.
 * Extraction asks a hundred selector lists of every page, so the common shapes are matched here rather
 * than by css-select: simple alternatives (a tag with classes, ids and attribute tests) are compiled to
 * small tests, alternatives that need an attribute are tried only on elements that have it, lists that
 * all name one tag are tried only on that tag's elements, and a page's elements are listed once until
 * its tree changes. Anything else (combinators, pseudo-classes) goes to css-select.
 */
import { compile } from 'css-select';
import {
  collapse,
  getAttr,
  isElement,
  isSpace,
  parentElement,
  treeVersion,
  type DomDocument,
  type DomElement,
  type DomNode,
  type DomRoot,
} from './dom.js';
import type { AnyNode, Element } from 'domhandler';

type Query = (el: DomElement) => boolean;
const compiled = new Map<string, Query | null>();

/** A selector list as one test. Simple alternatives (a tag with classes, ids and attribute tests, the
 *  bulk of what extraction asks) are matched here; the rest (combinators, pseudo-classes) by css-select.
 *  css-select alone spent a tenth of extraction time on aeb in lists like ".standfirst, .subtitle, ...". */
function query(selector: string): Query | null {
  let q = compiled.get(selector);
  if (q === undefined) {
    try {
      const tests = splitList(selector).map(
        (part) => simpleTest(part) ?? { test: compile<AnyNode, Element>(part) as Query, needs: null },
      );
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
  /** A bare tag name ("nav"): lists of them are answered by one set lookup. */
  tag?: string;
  /** Set when the selector reads one attribute only (".a.b", "[class*=x]", "a[href*=y]"): a list reads
   *  that attribute once per element and hands the value to each such test. Reading `attribs[name]`
   *  is slow (every element's attributes have their own shape), and lists of twenty class tests read it
   *  twenty times per element. */
  onValue?: ValueTest;
  /** Set when the selector is one class name (".byline"). */
  word?: string;
  /** Set when the selector is one [class*=...] test: its text. */
  contains?: string;
}

/** A test of one attribute's value, and of the tag when the selector names one. */
interface ValueTest {
  name: string;
  tag: string | null;
  test: (value: string) => boolean;
}

function simpleTest(selector: string): Simple | null {
  const match = SIMPLE.exec(selector);
  if (!match) return null;
  const tag = match[1] && match[1] !== '*' ? match[1].toLowerCase() : null;
  const checks: Query[] = [];
  const valueChecks: Array<(value: string) => boolean> = [];
  const names = new Set<string>();
  let needs: string | null = null;
  for (const part of match[2]!.matchAll(PART)) {
    const name = part[1] !== undefined ? 'class' : part[2] !== undefined ? 'id' : part[3]!.toLowerCase();
    if (part[1] !== undefined) {
      const word = part[1];
      checks.push((el) => hasWord(el.attribs.class, word));
      valueChecks.push((value) => hasWord(value, word));
    } else if (part[2] !== undefined) {
      const id = part[2];
      checks.push((el) => el.attribs.id === id);
      valueChecks.push((value) => value === id);
    } else {
      const value = part[5] ?? part[6] ?? part[7] ?? '';
      checks.push(attributeTest(name, part[4], value));
      valueChecks.push(valueTest(part[4], value));
    }
    names.add(name);
    needs ??= name;
  }
  if (checks.length === 0)
    return { test: (el) => tag === null || el.name === tag, needs, ...(tag === null ? {} : { tag }) };
  const word: { word?: string; contains?: string } =
    tag === null && checks.length === 1 && match[2]!.startsWith('.') ? { word: match[2]!.slice(1) } : {};
  const contains = /^\[class\*=(?:"([^"]+)"|'([^']+)'|([^\]"']+))\]$/.exec(
    tag === null && checks.length === 1 ? match[2]! : '',
  );
  if (contains) word.contains = contains[1] ?? contains[2] ?? contains[3]!;
  const onValue =
    names.size === 1
      ? {
          onValue: {
            name: needs!,
            tag,
            test:
              valueChecks.length === 1
                ? valueChecks[0]!
                : (value: string) => valueChecks.every((check) => check(value)),
          },
        }
      : {};
  if (checks.length === 1) {
    const check = checks[0]!;
    return { test: (el) => (tag === null || el.name === tag) && check(el), needs, ...onValue, ...word };
  }
  return { test: (el) => (tag === null || el.name === tag) && allOf(checks, el), needs, ...onValue };
}

/** Any of `alternatives`, those that need an attribute tried only on elements that have it: most
 *  elements have no class or id, and lists of twenty class tests are asked of every element of a page. */
function anyOf(alternatives: Simple[]): Query {
  const tags = new Set(alternatives.filter((a) => a.tag !== undefined).map((a) => a.tag!));
  // An alternative that matches only where a [class*=x] of the list matches adds nothing: ".author",
  // ".author-name" and "[class*=authorName]" beside "[class*=author]".
  const needles = alternatives.filter((a) => a.contains !== undefined).map((a) => a.contains!);
  const covered = (a: Simple): boolean =>
    needles.some(
      (needle) =>
        (a.word ?? '').includes(needle) ||
        (a.contains !== undefined && a.contains !== needle && a.contains.includes(needle)),
    );
  const rest = alternatives.filter((a) => a.tag === undefined && !covered(a));
  const free = rest.filter((a) => a.needs === null).map((a) => a.test);
  const groups = new Map<string, { values: ValueTest[]; others: Query[] }>();
  for (const a of rest) {
    if (a.needs === null) continue;
    const group = groups.get(a.needs) ?? groups.set(a.needs, { values: [], others: [] }).get(a.needs)!;
    if (a.onValue) group.values.push(a.onValue);
    else group.others.push(a.test);
  }
  const classes = groups.get('class');
  const words = rest.filter((a) => a.word !== undefined).map((a) => a.word!);
  if (classes && words.length > 1) {
    classes.values = [
      { name: 'class', tag: null, test: anyWordTest(words) },
      ...classes.values.filter((v) => !rest.some((a) => a.word !== undefined && a.onValue === v)),
    ];
  }
  const names = [...groups.keys()];
  const lists = names.map((name) => groups.get(name)!);
  return (el) => {
    if (tags.size > 0 && tags.has(el.name)) return true;
    for (let i = 0; i < free.length; i++) if (free[i]!(el)) return true;
    const attribs = el.attribs;
    for (let g = 0; g < names.length; g++) {
      const value = attribs[names[g]!];
      if (value === undefined) continue;
      const { values, others } = lists[g]!;
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        if ((v.tag === null || v.tag === el.name) && v.test(value)) return true;
      }
      for (let i = 0; i < others.length; i++) if (others[i]!(el)) return true;
    }
    return false;
  };
}

function allOf(checks: Query[], el: DomElement): boolean {
  for (let i = 0; i < checks.length; i++) if (!checks[i]!(el)) return false;
  return true;
}

function attributeTest(name: string, operator: string | undefined, value: string): Query {
  const test = valueTest(operator, value);
  return (el) => {
    const actual = el.attribs[name];
    return actual !== undefined && test(actual);
  };
}

/** An attribute selector's test of the attribute's value. */
function valueTest(operator: string | undefined, value: string): (actual: string) => boolean {
  switch (operator) {
    case undefined:
      return () => true;
    case '=':
      return (actual) => actual === value;
    case '~=':
      return (actual) => hasWord(actual, value);
    case '^=':
      return (actual) => value !== '' && actual.startsWith(value);
    case '$=':
      return (actual) => value !== '' && actual.endsWith(value);
    case '*=':
      return (actual) => value !== '' && actual.includes(value);
    default:
      return (actual) => actual === value || actual.startsWith(`${value}-`); // |=
  }
}

/** Whether a class value holds any of `words`: its names are cut at whitespace once and each is
 *  compared with the words of its length only (lists of a dozen class names searched the value once
 *  per name). */
function anyWordTest(words: string[]): (value: string) => boolean {
  const byLength: string[][] = [];
  for (const word of words) (byLength[word.length] ??= []).push(word);
  return (value) => {
    let start = 0;
    while (start < value.length) {
      while (start < value.length && isSpace(value.charCodeAt(start))) start++;
      let end = start;
      while (end < value.length && !isSpace(value.charCodeAt(end))) end++;
      const candidates = byLength[end - start];
      if (candidates !== undefined)
        for (let i = 0; i < candidates.length; i++) if (value.startsWith(candidates[i]!, start)) return true;
      start = end;
    }
    return false;
  };
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
  if (root.type === 'root') return candidates(root, selector).filter(q);
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
export function matches(root: DomRoot, selector: string): Iterable<DomElement> {
  const q = query(selector);
  if (!q) return [];
  if (root.type !== 'root') return all(root, selector);
  return { [Symbol.iterator]: () => matching(candidates(root, selector), q) };
}

/** The elements of `list` that pass `q`, one per step. Written out rather than a generator: one result
 *  record serves every step (a generator makes one per element found, and its frame per call). */
function matching(list: DomElement[], q: Query): Iterator<DomElement> {
  let i = 0;
  const result = { value: undefined as DomElement | undefined, done: false };
  return {
    next: () => {
      while (i < list.length) {
        const el = list[i++]!;
        if (q(el)) {
          result.value = el;
          return result as IteratorResult<DomElement>;
        }
      }
      result.value = undefined;
      result.done = true;
      return result as IteratorResult<DomElement>;
    },
  };
}

export function first(root: DomRoot, selector: string): DomElement | null {
  const q = query(selector);
  if (!q) return null;
  if (root.type === 'root') return candidates(root, selector).find(q) ?? null;
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
    if (!isElement(node)) continue;
    if (visit(node)) return;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

const flatLists = new WeakMap<
  DomRoot,
  { version: number; elements: DomElement[]; byTag: Map<string, DomElement[]> | null }
>();
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
  if (tag === null) return elements;
  const flat = flatLists.get(root)!;
  flat.byTag ??= byTag(elements);
  return flat.byTag.get(tag) ?? [];
}

/** `elements` by tag name, each list in document order: made when a list needs it, not at each listing
 *  of the page (which happens after every change to the tree). */
function byTag(elements: DomElement[]): Map<string, DomElement[]> {
  const lists = new Map<string, DomElement[]>();
  for (const el of elements) {
    const list = lists.get(el.name);
    if (list) list.push(el);
    else lists.set(el.name, [el]);
  }
  return lists;
}

/** The elements under `root` in document order, kept until the tree changes: extraction asks a
 *  hundred selectors of the same page, and filtering one array beats walking the tree for each
 *  (css-select's own selectAll walked it: a fifth of extraction time on aeb). */
function elementsUnder(root: DomRoot): DomElement[] {
  const cached = flatLists.get(root);
  if (cached && cached.version === treeVersion()) return cached.elements;
  const elements: DomElement[] = [];
  walkUnder(root, (el) => {
    elements.push(el);
    return false;
  });
  flatLists.set(root, { version: treeVersion(), elements, byTag: null });
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

/** The first non-empty value of attribute `name` among the elements matching `selector`. */
export function attr(root: DomRoot, selector: string, name: string): string | null {
  for (const el of all(root, selector)) {
    const value = collapse(getAttr(el, name));
    if (value) return value;
  }
  return null;
}
