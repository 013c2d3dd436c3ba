/**
 * HTML-aware translation. Each run of text and inline elements inside a block (p, li, h2, td, …)
 * becomes one stream segment; inline elements ride as wordbound blanks on their words, so a
 * `<strong>` stays around the words it wrapped even when apertium reorders, and no words glue at tag
 * edges. `<br>`/`<img>` split a run; pre, code blocks, script and style are left untranslated.
 * The run rule lives here only (cutRuns): the translation returns each run's source and translated
 * text, and html-lines.ts maps an article's plain paragraphs with those pairs.
 */
import { parseHTML } from 'linkedom';
import { nameInLanguage } from './protect-names.js';
import {
  encodeRun,
  keepFirstLetterCase,
  lowerAfterLeadingName,
  NameBook,
  restoreNames,
  translateAroundNames,
  type StreamTranslate,
} from './segments.js';
import { parseStream, type Piece } from './stream.js';

const inlineTags = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'I',
  'INS',
  'KBD',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
]);
const untranslatedTags = new Set(['PRE', 'CODE', 'SCRIPT', 'STYLE', 'SVG', 'MATH', 'TEMPLATE', 'VAR', 'SAMP']);

export type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  outerHTML?: string;
  innerHTML?: string;
  attributes?: ArrayLike<{ name: string; value: string }>;
};

/** A run's source text and its translation as plain text, whitespace collapsed. */
export type RunPair = [source: string, translated: string];
/** A translated document and what each of its runs became. */
export interface HtmlTranslation {
  html: string;
  runs: RunPair[];
}

interface Run {
  nodes: DomNode[];
  stream: string;
  source: string;
}
interface Tags {
  openings: Map<string, { open: string; close: string }>;
  next: number;
}
interface RenderedRun {
  html: string;
  text: string;
}

export async function translateHtmlDocument(
  html: string,
  translate: StreamTranslate,
  book = new NameBook(),
): Promise<HtmlTranslation> {
  const body = parseBody(html);
  joinSplitWords(body);
  const tags: Tags = { openings: new Map(), next: 1 };
  const runs: Run[] = cutRuns(body).map((nodes) => ({
    nodes,
    source: nodes.map((n) => n.textContent ?? '').join(''),
    stream: '',
  }));
  book.readTexts(runs.map((r) => r.source));
  for (const run of runs) run.stream = run.nodes.map((n) => encodeNode(n, [], tags, book)).join('');
  const outputs = runs.length ? await translate(runs.map((r) => r.stream)) : [];
  const rendered = await Promise.all(
    runs.map((run, i) =>
      checkedRun(
        run,
        renderPieces(restoreNames(parseStream(outputs[i] ?? ''), book), tags, run.source, book),
        translate,
        book,
      ),
    ),
  );
  // Each run's translation is written where its first node was, and its other nodes are left out:
  // putting it into the tree instead (innerHTML per run) parsed every run again.
  const replaced: Replaced = { at: new Map(), skip: new Set() };
  runs.forEach((run, i) => {
    replaced.at.set(run.nodes[0]!, keepEdgeSpace(run.source, rendered[i]!.html));
    for (const node of run.nodes.slice(1)) replaced.skip.add(node);
  });
  return {
    html: Array.from(body.childNodes)
      .map((node) => serialize(node, replaced))
      .join(''),
    runs: runs
      .map((run, i): RunPair => [collapseSpace(run.source), collapseSpace(rendered[i]!.text)])
      .filter(([, translated]) => hasLetter(translated)),
  };
}

/**
 * The source text of each run of a document, cut by the same rule as translateHtmlDocument: for HTML
 * a service translated (html-lines.ts pairs it with the runs of its source by position).
 */
export function runTexts(html: string): string[] {
  return cutRuns(parseBody(html)).map((nodes) => collapseSpace(nodes.map((n) => n.textContent ?? '').join('')));
}

/** The parsed body of a fragment, its runs (cut by the rule above) and its HTML again, for html-edit.ts. */
export function bodyRuns(html: string): { runs: DomNode[][]; serialize: () => string } {
  const body = parseBody(html);
  const none: Replaced = { at: new Map(), skip: new Set() };
  return {
    runs: cutRuns(body),
    serialize: () =>
      Array.from(body.childNodes)
        .map((node) => serialize(node, none))
        .join(''),
  };
}

interface Splittable extends DomNode {
  previousSibling: DomNode | null;
  nextSibling: DomNode | null;
  replaceWith(...nodes: DomNode[]): void;
  normalize(): void;
}

/**
 * A formatting tag inside a word ("la<b>dor</b>", "brought<i>s</i>") would make two words of one for
 * the engine: the tag is given up and the word read whole (the word matters more than its bold). Only
 * a tag holding a bare piece of a word glued to a letter counts: "<b>Kim Jong Il</b>father" is a
 * name and a word the page glued, and stays as it is. Links are kept.
 */
function joinSplitWords(body: DomNode): void {
  const letterAt = (text: string | null | undefined, end: boolean) =>
    /\p{L}/u.test((end ? text?.at(-1) : text?.[0]) ?? '');
  const elements = (body as unknown as { querySelectorAll(s: string): ArrayLike<Splittable> }).querySelectorAll(
    [...inlineTags].filter((t) => t !== 'A').join(','),
  );
  for (const element of Array.from(elements)) {
    const parent = element.parentNode as Splittable | null;
    if (!parent || !/^[\p{L}\p{N}]+$/u.test(element.textContent ?? '')) continue;
    const glued =
      letterAt(element.previousSibling?.textContent, true) || letterAt(element.nextSibling?.textContent, false);
    if (!glued) continue;
    element.replaceWith(...Array.from(element.childNodes));
    parent.normalize();
  }
}

function parseBody(html: string): DomNode {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.body as unknown as DomNode;
}

interface Replaced {
  at: Map<DomNode, string>;
  skip: Set<DomNode>;
}

const voidTags = new Set([
  'AREA',
  'BASE',
  'BR',
  'COL',
  'EMBED',
  'HR',
  'IMG',
  'INPUT',
  'LINK',
  'META',
  'SOURCE',
  'TRACK',
  'WBR',
]);
const rawTextTags = new Set(['SCRIPT', 'STYLE']);

/** HTML out of the tree, escaping "&" in attributes too (linkedom's innerHTML writes it bare). */
function serialize(node: DomNode, replaced: Replaced): string {
  const translated = replaced.at.get(node);
  if (translated !== undefined) return translated;
  if (replaced.skip.has(node)) return '';
  if (node.nodeType === 3)
    return rawTextTags.has(node.parentNode?.nodeName ?? '')
      ? (node.textContent ?? '')
      : escapeHtml(node.textContent ?? '');
  if (node.nodeType === 8) return `<!--${node.textContent ?? ''}-->`;
  if (node.nodeType !== 1) return '';
  const { open, close } = openingOf(node);
  return voidTags.has(node.nodeName)
    ? open
    : open +
        Array.from(node.childNodes)
          .map((child) => serialize(child, replaced))
          .join('') +
        close;
}

/**
 * The post-check for HTML: a run whose translation lost a protected name is translated again around
 * its names as plain text (its inline tags are given up for that run: the name matters more).
 */
async function checkedRun(
  run: Run,
  rendered: RenderedRun,
  translate: StreamTranslate,
  book: NameBook,
): Promise<RenderedRun> {
  const spans = book.findNames(run.source.trim());
  if (spans.every((span) => rendered.text.includes(nameInLanguage(span, book.language)))) return rendered;
  const text = await translateAroundNames(run.source.trim(), spans, translate, book);
  return { html: escapeHtml(text), text };
}

/**
 * The run rule: walks blocks; consecutive text/inline children form a run; anything else (a block,
 * br, img, a comment) ends one, and untranslated elements are not entered. Runs without a letter are
 * left out.
 */
function cutRuns(element: DomNode, runs: DomNode[][] = []): DomNode[][] {
  let current: DomNode[] = [];
  const close = () => {
    if (current.some((n) => hasLetter(n.textContent ?? ''))) runs.push(current);
    current = [];
  };
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 3 || (child.nodeType === 1 && inlineTags.has(child.nodeName))) current.push(child);
    else {
      close();
      if (child.nodeType === 1 && !untranslatedTags.has(child.nodeName)) cutRuns(child, runs);
    }
  }
  close();
  return runs;
}

function encodeNode(node: DomNode, marks: string[], tags: Tags, book: NameBook): string {
  if (node.nodeType === 3) return encodeRun(node.textContent ?? '', marks, book);
  if (node.nodeType !== 1) return '';
  const mark = `t:${tags.next++}`;
  tags.openings.set(mark, openingOf(node));
  return Array.from(node.childNodes)
    .map((c) => encodeNode(c, [...marks, mark], tags, book))
    .join('');
}

/** The element's start tag rebuilt from its attributes: linkedom's outerHTML writes "&" in them bare. */
function openingOf(node: DomNode): { open: string; close: string } {
  const tag = node.nodeName.toLowerCase();
  const attributes = Array.from(node.attributes ?? []).map(
    (a) => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`,
  );
  return { open: `<${tag}${attributes.join('')}>`, close: `</${tag}>` };
}

/** Pieces back to HTML: a tag opens where its mark starts and closes where the mark ends. */
function renderPieces(translated: Piece[], tags: Tags, source: string, book: NameBook): RenderedRun {
  const firstWord = translated.findIndex((p) => /\p{L}/u.test(p.text));
  const pieces = recase(
    translated.map((p, i) => {
      const text = book.unmark(book.polish(p.text, source), source);
      return { ...p, text: i === firstWord ? keepFirstLetterCase(source, text) : text };
    }),
    source,
    book,
  );
  const tagMarks = pieces.map((p) => p.marks.filter((m) => tags.openings.has(m)));
  let html = '';
  let open: string[] = [];
  pieces.forEach((piece, i) => {
    // Space between two words of the same element stays inside it: "<b>Vladimir Putin</b>".
    const wanted = /^\s+$/.test(piece.text) ? commonPrefix(tagMarks[i - 1] ?? [], tagMarks[i + 1] ?? []) : tagMarks[i]!;
    const keep = commonPrefix(open, wanted).length;
    for (const mark of open.slice(keep).reverse()) html += tags.openings.get(mark)!.close;
    for (const mark of wanted.slice(keep)) html += tags.openings.get(mark)!.open;
    open = wanted;
    html += escapeHtml(piece.text);
  });
  for (const mark of [...open].reverse()) html += tags.openings.get(mark)!.close;
  return { html, text: pieces.map((p) => p.text).join('') };
}

/** lowerAfterLeadingName over the pieces' joined text, the changed letter put back in its piece. */
function recase(pieces: Piece[], source: string, book: NameBook): Piece[] {
  const plain = pieces.map((p) => p.text).join('');
  const fixed = lowerAfterLeadingName(source, plain, book.findNames(source), book.language);
  if (fixed === plain || fixed.length !== plain.length) return pieces;
  let at = 0;
  return pieces.map((p) => {
    const text = fixed.slice(at, at + p.text.length);
    at += p.text.length;
    return { ...p, text };
  });
}

function commonPrefix(a: string[], b: string[]): string[] {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function keepEdgeSpace(source: string, html: string): string {
  const lead = /^\s/.test(source) ? ' ' : '';
  const trail = /\s$/.test(source) ? ' ' : '';
  return lead + html.trim().replace(/\s+/g, ' ') + trail;
}

function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
