/**
 * Cleaning the chosen body (Readability 0.6's _prepArticle, on measurements): boxes that are not the
 * story are marked in `dropped`, and their measurements leave their ancestors', so the boxes around
 * them are judged on what stays, innermost first, as Readability does when it removes them.
 *   1. forms and fieldsets, when they fail the conditional test below;
 *   2. objects, embeds, footers, asides, iframes and controls, always;
 *   3. share bars (class/id "share") under 500 characters;
 *   4. h1/h2 whose class/id says furniture;
 *   5. tables (data tables kept), lists and divs failing the conditional test: more images than
 *      paragraphs, more list items than paragraphs, inputs, no text, links over a fifth of the text
 *      (half for boxes named like content), or embeds with little text.
 */
import { getAttr, isElement, parentElement, type DomElement, type DomNode } from './dom.js';
import { classAndId, linkDensity, subtract, type PageStats } from './stats.js';
import { classWeight, type Flags } from './class-weight.js';

const ALWAYS = new Set([
  'object',
  'embed',
  'footer',
  'link',
  'aside',
  'iframe',
  'input',
  'textarea',
  'select',
  'button',
]);
const SHARE = /(\b|_)(share|sharedaddy)(\b|_)/i;
/** Readability's share-bar bound (its _charThreshold): a share box is shorter than this. */
const SHARE_MAX = 500;

export function cleanArticle(root: DomElement, page: PageStats, flags: Flags, dropped: Set<DomElement>): void {
  const elements = descendants(root, page);
  const drop = (el: DomElement) => {
    if (isInsideDropped(el, root, dropped)) return;
    dropped.add(el);
    const stats = page.of.get(el);
    if (stats)
      for (let at = parentElement(el); at; at = parentElement(at)) page.of.get(at) && subtract(page.of.get(at)!, stats);
  };
  const dataTables = new Set(elements.filter((el) => el.name === 'table' && isDataTable(el, page)));
  const conditionally = (tag: string) => {
    if (!flags.cleanConditionally) return;
    const list = elements.filter((el) => el.name === tag);
    for (let i = list.length - 1; i >= 0; i--) if (failsConditional(list[i]!, page, flags, dataTables)) drop(list[i]!);
  };
  conditionally('form');
  conditionally('fieldset');
  for (const el of elements) if (ALWAYS.has(el.name)) drop(el);
  for (const el of elements)
    if (el !== root && SHARE.test(classAndId(el)) && (page.of.get(el)?.text ?? 0) < SHARE_MAX) drop(el);
  for (const el of elements) if ((el.name === 'h1' || el.name === 'h2') && classWeight(el, flags) < 0) drop(el);
  conditionally('table');
  conditionally('ul');
  conditionally('div');
}

/** `root` and its elements in document order, hidden and unlikely ones left out. */
function descendants(root: DomElement, page: PageStats): DomElement[] {
  const out: DomElement[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node) || page.excluded.has(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

function isInsideDropped(el: DomElement, root: DomElement, dropped: Set<DomElement>): boolean {
  for (let at: DomElement | null = el; at; at = at === root ? null : parentElement(at))
    if (dropped.has(at)) return true;
  return false;
}

function hasAncestor(el: DomElement, test: (at: DomElement) => boolean, maxDepth = 3): boolean {
  let depth = 0;
  for (let at = parentElement(el); at; at = parentElement(at)) {
    if (maxDepth > 0 && ++depth > maxDepth) return false;
    if (test(at)) return true;
  }
  return false;
}

function failsConditional(el: DomElement, page: PageStats, flags: Flags, dataTables: Set<DomElement>): boolean {
  const stats = page.of.get(el);
  if (!stats) return false;
  const isList = el.name === 'ul' || el.name === 'ol' || (stats.text > 0 && stats.list / stats.text > 0.9);
  if (el.name === 'table' && dataTables.has(el)) return false;
  if (hasAncestor(el, (at) => dataTables.has(at), 0) || hasAncestor(el, (at) => at.name === 'code')) return false;
  const weight = classWeight(el, flags);
  if (weight < 0) return true;
  if (stats.commas >= 10) return false;
  const li = stats.li - 100;
  const headingDensity = stats.text > 0 ? stats.heading / stats.text : 0;
  const inFigure = hasAncestor(el, (at) => at.name === 'figure');
  const density = linkDensity(stats);
  const remove =
    (stats.img > 1 && stats.p / stats.img < 0.5 && !inFigure) ||
    (!isList && li > stats.p) ||
    stats.input > Math.floor(stats.p / 3) ||
    (!isList && headingDensity < 0.9 && stats.text < 25 && (stats.img === 0 || stats.img > 2) && !inFigure) ||
    (!isList && weight < 25 && density > 0.2) ||
    (weight >= 25 && density > 0.5) ||
    (stats.embed === 1 && stats.text < 75) ||
    stats.embed > 1;
  if (isList && remove) {
    // a list of images, one per item, is a gallery: keep it
    if (el.children.some((kid) => isElement(kid) && kid.children.filter(isElement).length > 1)) return true;
    if (stats.img === stats.li + 0) return false;
  }
  return remove;
}

/** Readability's guess at a table of data (kept) rather than a table for layout. */
function isDataTable(table: DomElement, page: PageStats): boolean {
  if (getAttr(table, 'role') === 'presentation' || getAttr(table, 'datatable') === '0') return false;
  if (getAttr(table, 'summary')) return true;
  let rows = 0;
  let columns = 0;
  let nested = false;
  let marked = false;
  const stack: DomNode[] = [...table.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node) || page.excluded.has(node)) continue;
    if (node.name === 'table') nested = true;
    if (node.name === 'caption' && node.children.length > 0) marked = true;
    if (['col', 'colgroup', 'tfoot', 'thead', 'th'].includes(node.name)) marked = true;
    if (node.name === 'tr') {
      rows++;
      columns = Math.max(
        columns,
        node.children.filter((kid) => isElement(kid) && (kid.name === 'td' || kid.name === 'th')).length,
      );
    }
    if (node.name !== 'table') stack.push(...node.children);
  }
  if (marked) return true;
  if (nested) return false;
  if (rows === 1 || columns === 1) return false;
  if (rows >= 10 || columns > 4) return true;
  return rows * columns > 10;
}
