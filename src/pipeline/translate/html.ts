/**
 * HTML-aware translation. Each run of text and inline elements inside a block (p, li, h2, td, …)
 * becomes one stream segment; inline elements ride as wordbound blanks on their words, so a
 * `<strong>` stays around the words it wrapped even when apertium reorders, and no words glue at tag
 * edges. `<br>`/`<img>` split a run; pre, code blocks, script and style are left untranslated.
 */
import { parseHTML } from 'linkedom';
import { encodeRun, keepFirstLetterCase, NameBook, restoreNames, type StreamTranslate } from './segments.js';
import { parseStream, stripUnknownMarks, type Piece } from './stream.js';

const inlineTags = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'I', 'INS', 'KBD', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);
const untranslated = new Set(['PRE', 'CODE', 'SCRIPT', 'STYLE', 'SVG', 'MATH', 'TEMPLATE', 'VAR', 'SAMP']);

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode>; parentNode: DomNode | null; outerHTML?: string; innerHTML?: string };

interface Run { nodes: DomNode[]; stream: string; source: string }
interface Tags { openings: Map<string, { open: string; close: string }>; next: number }

export async function translateHtmlDocument(html: string, translate: StreamTranslate, book = new NameBook()): Promise<string> {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const body = document.body as unknown as DomNode;
  const tags: Tags = { openings: new Map(), next: 1 };
  const runs: Run[] = [];
  collectRuns(body, runs, tags, book);
  const outputs = runs.length ? await translate(runs.map((r) => r.stream)) : [];
  runs.forEach((run, i) => replaceRun(document, run, renderPieces(restoreNames(parseStream(outputs[i] ?? ''), book), tags, run.source)));
  return (body as unknown as { innerHTML: string }).innerHTML;
}

/** Walks blocks; consecutive text/inline children form a run; separators (br, img) end one. */
function collectRuns(element: DomNode, runs: Run[], tags: Tags, book: NameBook): void {
  let current: DomNode[] = [];
  const close = () => {
    if (current.length) addRun(current, runs, tags, book);
    current = [];
  };
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 3 || (child.nodeType === 1 && inlineTags.has(child.nodeName))) current.push(child);
    else {
      close();
      if (child.nodeType === 1 && !untranslated.has(child.nodeName)) collectRuns(child, runs, tags, book);
    }
  }
  close();
}

function addRun(nodes: DomNode[], runs: Run[], tags: Tags, book: NameBook): void {
  const source = nodes.map((n) => n.textContent ?? '').join('');
  if (!/\p{L}/u.test(source)) return;
  runs.push({ nodes, source, stream: nodes.map((n) => encodeNode(n, [], tags, book)).join('') });
}

function encodeNode(node: DomNode, marks: string[], tags: Tags, book: NameBook): string {
  if (node.nodeType === 3) return encodeRun(node.textContent ?? '', marks, book);
  if (node.nodeType !== 1) return '';
  const mark = `t:${tags.next++}`;
  tags.openings.set(mark, openingOf(node));
  return Array.from(node.childNodes).map((c) => encodeNode(c, [...marks, mark], tags, book)).join('');
}

function openingOf(node: DomNode): { open: string; close: string } {
  const outer = node.outerHTML ?? '';
  const inner = node.innerHTML ?? '';
  const cut = outer.lastIndexOf(inner, outer.length - node.nodeName.length - 3);
  const open = cut > 0 ? outer.slice(0, cut) : `<${node.nodeName.toLowerCase()}>`;
  return { open, close: `</${node.nodeName.toLowerCase()}>` };
}

/** Pieces back to HTML: a tag opens where its mark starts and closes where the mark ends. */
function renderPieces(translated: Piece[], tags: Tags, source: string): string {
  const firstWord = translated.findIndex((p) => /\p{L}/u.test(p.text));
  const pieces = translated.map((p, i) => {
    const text = stripUnknownMarks(p.text, source);
    return { ...p, text: i === firstWord ? keepFirstLetterCase(source, text) : text };
  });
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
  return html;
}

function commonPrefix(a: string[], b: string[]): string[] {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function replaceRun(document: unknown, run: Run, html: string): void {
  const first = run.nodes[0]!;
  const parent = first.parentNode as unknown as { insertBefore(n: unknown, ref: unknown): void; removeChild(n: unknown): void };
  const doc = document as { createElement(tag: string): { innerHTML: string; childNodes: ArrayLike<unknown> } };
  const holder = doc.createElement('template') as unknown as { innerHTML: string; content?: { childNodes: ArrayLike<unknown> }; childNodes: ArrayLike<unknown> };
  holder.innerHTML = keepEdgeSpace(run.source, html);
  const fresh = Array.from(holder.content?.childNodes ?? holder.childNodes);
  for (const node of fresh) parent.insertBefore(node, first);
  for (const node of run.nodes) parent.removeChild(node);
}

function keepEdgeSpace(source: string, html: string): string {
  const lead = /^\s/.test(source) ? ' ' : '';
  const trail = /\s$/.test(source) ? ' ' : '';
  return lead + html.trim().replace(/\s+/g, ' ') + trail;
}
