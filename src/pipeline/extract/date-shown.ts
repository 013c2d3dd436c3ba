/**
 * Dates the reader sees: written near the headline, in the byline, or labelled anywhere, each with what
 * its label says it is ("Published", "Updated", or nothing).
 */
import {
  TEXT_NODE,
  collapse,
  type DomDocument,
  type DomElement,
  type DomNode,
  textContent,
  parentElement,
  tagOf,
  childrenOf,
  treeVersion,
  isSpace,
} from './dom.js';
import { all, matches } from './select.js';
import { textDate, writtenDates } from './date-text.js';

/** How far around the <h1> a header date may sit (characters of text): bylines and "5 min read" lines run
 *  to a few hundred; past ~600 we are in the body, where dates are about the story, not the page. */
const HEADER_WINDOW = 600;
/** Ancestors of the <h1> searched, nearest first: headers wrap the h1 in up to ~5 layouts' divs. */
const HEADER_LEVELS = 6;

/** A date the reader sees, with what its label says it is ("Published", "Updated", or nothing). */
export interface ShownDate {
  day: string;
  kind: 'published' | 'updated' | 'plain';
}

/** Dates written out near the headline ("August 16, 2019", "Last updated: Dec 12, 2025", "12.12.2025"):
 *  1. from the nearest ancestor of the <h1> that shows any;
 *  2. else in elements whose tag or class says they hold one;
 *  3. else in the byline block around an author link;
 *  4. else one labelled date anywhere ("Last updated: November 13, 2025" under the text). */
export function headerDates(document: DomDocument, monthFirst = true): ShownDate[] {
  return (
    nearHeadline(document, monthFirst) ??
    inCarriers(document, monthFirst) ??
    inBylineBlock(document, monthFirst) ??
    labelledAnywhere(document, monthFirst)
  );
}

function nearHeadline(document: DomDocument, monthFirst: boolean): ShownDate[] | null {
  const h1 = all(document, 'h1')[0];
  const headline = h1 ? visibleText(h1) : '';
  let scope = h1 ? parentElement(h1) : null;
  let inner: Visible | null = h1 ? headlineVisible(h1) : null;
  for (let level = 0; scope && inner && headline && level < HEADER_LEVELS; level++, scope = parentElement(scope)) {
    inner = visibleAround(inner, scope); // each level read from the one below it, not walked again
    const text = inner.text;
    const at = Math.max(0, text.indexOf(headline));
    const found = labelledDates(
      text.slice(Math.max(0, at - HEADER_WINDOW), at + headline.length + HEADER_WINDOW),
      monthFirst,
    );
    if (found.length > 0) return found;
  }
  return null;
}

/** The <h1>'s visible text with its count of text nodes. */
function headlineVisible(h1: DomElement): Visible {
  const out: string[] = [];
  const read = { texts: 0 };
  readVisible(h1, out, read);
  return { el: h1, text: read.texts >= MAX_TEXTS ? visibleText(h1) : out.join(' '), texts: read.texts };
}

function inCarriers(document: DomDocument, monthFirst: boolean): ShownDate[] | null {
  let carriers = 0;
  for (const el of matches(document, DATE_CARRIERS)) {
    if (carriers++ >= 30) break;
    const found = labelledDates(visibleText(el).slice(0, 200), monthFirst);
    if (found.length > 0) return found;
  }
  return null;
}

/** Links to an author's page: the byline, wherever the layout puts it (some put it under the text). */
const AUTHOR_LINKS = 'a[rel~=author], a[href*="/author/"], a[href*="/authors/"]';
/** A byline block ("Written by Jane Roe" and the date on the next line) stays under ~200 characters;
 *  a bigger parent is the author box or the article. */
const BYLINE_CHARS = 200;

/** The date beside an author link: in its parent or grandparent, while they stay byline-sized. */
function inBylineBlock(document: DomDocument, monthFirst: boolean): ShownDate[] | null {
  let links = 0;
  for (const link of matches(document, AUTHOR_LINKS)) {
    if (links++ >= 10) break;
    let block = parentElement(link);
    for (let level = 0; block && level < 2; level++, block = parentElement(block)) {
      const text = visibleText(block);
      if (text.length > BYLINE_CHARS) break;
      const found = labelledDates(text, monthFirst);
      if (found.length > 0) return found;
    }
  }
  return null;
}

/** "Originally published on", "first posted": the first publication of a page updated or republished since. */
const ORIGINAL_LABEL =
  /\b(originally|first) (published|posted)\b|\b(publicad[oa]|publié|publiée) (originalmente|initialement)\b|\bursprünglich veröffentlicht\b|\boriginariamente pubblicat[oa]\b/giu;
/** How far after its label the date may sit ("originally published in The Conversation on 4 May 2021"). */
const ORIGINAL_REACH = 60;

/** The day the page's text says it was first published, anywhere in the body. */
export function originalDay(document: DomDocument, monthFirst: boolean): string | null {
  const body = all(document, 'body')[0];
  const text = body ? visibleText(body) : '';
  for (const label of text.matchAll(ORIGINAL_LABEL)) {
    const end = label.index + label[0].length;
    const day = textDate(text.slice(end, end + ORIGINAL_REACH), monthFirst);
    if (day) return day;
  }
  return null;
}

/** One date anywhere that says what it is; a label needs one of ANY_LABEL's words, and most pages have none. */
function labelledAnywhere(document: DomDocument, monthFirst: boolean): ShownDate[] {
  const body = all(document, 'body')[0];
  const text = body ? visibleText(body) : '';
  if (!ANY_LABEL.test(text)) return [];
  return labelledDates(text, monthFirst)
    .filter((found) => found.kind !== 'plain')
    .slice(0, 1);
}

/** Elements whose tag or class says they hold a date (or the byline line that usually carries it). */
const DATE_CARRIERS =
  'time, [class*=date], [class*=Date], [class*=published], [class*=ublication], [class*=timestamp], [class*=meta], [class*=byline], [class*=author]';

export function headerDate(document: DomDocument): string | null {
  return headerDates(document)[0]?.day ?? null;
}

const UPDATED_LABEL =
  /\b(updated|modified|revised|reviewed|actualizad[oa]|atualizad[oa]|mis à jour|mise à jour|aktualisiert|aggiornat[oa]|bijgewerkt)\b[^\d]{0,20}$/iu;
const PUBLISHED_LABEL =
  /\b(published|posted|publicad[oa]|publié|publiée|veröffentlicht|pubblicat[oa]|gepubliceerd)\b[^\d]{0,20}$/iu;

/** The label words of UPDATED_LABEL and PUBLISHED_LABEL anywhere (a quick test before the dates are read). */
const ANY_LABEL =
  /\b(updated|modified|revised|reviewed|actualizad[oa]|atualizad[oa]|mis à jour|mise à jour|aktualisiert|aggiornat[oa]|bijgewerkt|published|posted|publicad[oa]|publié|publiée|veröffentlicht|pubblicat[oa]|gepubliceerd)\b/iu;

/** Written dates with the label just before each (after the previous date, at most 40 characters). */
function labelledDates(text: string, monthFirst: boolean): ShownDate[] {
  let from = 0;
  return writtenDates(text, monthFirst).map(({ at, end, day }) => {
    const label = text.slice(Math.max(from, at - 40), at);
    from = end;
    const kind = UPDATED_LABEL.test(label) ? 'updated' : PUBLISHED_LABEL.test(label) ? 'published' : 'plain';
    return { day, kind };
  });
}

/** `collapse(text)`, as a slice when only its ends need trimming (most text nodes: markup's line breaks
 *  and indentation around words), without a regex. */
function collapsedText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? text.charCodeAt(i + 1) === 32 : isSpace(c)) return collapse(text);
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The last text read, while the tree is unchanged: the body's is read for both the original day and a
 *  labelled date. */
let lastRead: { root: DomElement; version: number; text: string } | null = null;

/** Text as a reader sees it: without <script>/<style>, blocks separated by a space; the first 20,000
 *  text nodes. The collapsed text of the text nodes joined by a space, which is the collapsed join of
 *  their texts (whitespace runs merge across the joins) without building the uncollapsed page text. */
function visibleText(root: DomElement): string {
  if (lastRead !== null && lastRead.root === root && lastRead.version === treeVersion()) return lastRead.text;
  const out: string[] = [];
  readVisible(root, out, { texts: 0 });
  const text = out.join(' ');
  lastRead = { root, version: treeVersion(), text };
  return text;
}

/** Most text nodes visibleText reads. */
const MAX_TEXTS = 20_000;

/** Pushes the collapsed non-empty texts under `root` onto `out`, counting the text nodes read, until
 *  `read.texts` reaches MAX_TEXTS. */
function readVisible(root: DomNode, out: string[], read: { texts: number }): void {
  const stack: DomNode[] = [root];
  while (stack.length > 0 && read.texts < MAX_TEXTS) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      read.texts++;
      const text = collapsedText(textContent(node));
      if (text !== '') out.push(text);
      continue;
    }
    if (isUnseen(node)) continue;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

function isUnseen(node: DomNode): boolean {
  const tag = tagOf(node);
  return tag === 'script' || tag === 'style' || tag === 'svg' || tag === 'noscript';
}

/** An element's visible text and the text nodes it was read from. */
interface Visible {
  el: DomElement;
  text: string;
  texts: number;
}

/** visibleText(parent) from its child's, already read: the other children are read and the child's text
 *  put in its place, which is what reading the whole parent gives (the texts are joined by one space
 *  either way) while the parent holds under MAX_TEXTS text nodes; past that, the parent is read whole. */
function visibleAround(inner: Visible, parent: DomElement): Visible {
  if (isUnseen(parent)) return { el: parent, text: '', texts: 0 };
  const out: string[] = [];
  const read = { texts: 0 };
  for (const child of parent.children) {
    if (child !== inner.el) readVisible(child, out, read);
    else {
      read.texts += inner.texts;
      if (inner.text !== '') out.push(inner.text);
    }
    if (read.texts >= MAX_TEXTS) return { el: parent, text: visibleText(parent), texts: MAX_TEXTS };
  }
  return { el: parent, text: out.join(' '), texts: read.texts };
}
