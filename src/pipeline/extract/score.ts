/**
 * The body scorer: Readability 0.6's candidate scoring, over the measurements of stats.ts, without
 * changing the page until a body is chosen. The steps, as in Readability's _grabArticle:
 *   1. every paragraph (≥25 characters) gives 1 + its commas + one per 100 characters (at most 3) to up
 *      to five ancestors: all to the first, half to the second, a third of a level's worth above;
 *      an ancestor starts at a score for its tag and ±25 for class/id words;
 *   2. each candidate's score is discounted by its link density; the best one wins;
 *   3. a common ancestor of three near-best candidates, or a parent scoring higher, takes its place;
 *   4. its siblings that score well, or read as prose paragraphs, join it;
 *   5. clean.ts drops the boxes inside that are not the story (data tables kept).
 * Returns the chosen nodes and the elements to drop; `apply` builds the body from them.
 */
import {
  elementChildren,
  getAttr,
  isElement,
  isTextNode,
  parentElement,
  type DomElement,
  type DomNode,
  type DomRoot,
} from './dom.js';
import { cleanArticle } from './clean.js';
import { classWeight, type Flags } from './class-weight.js';
import { classAndId, isParagraphLike, linkDensity, measurePage, type PageStats } from './stats.js';

export type { Flags };

export interface Plan {
  nodes: DomNode[];
  /** Elements inside `nodes` that are not part of the body. */
  dropped: Set<DomElement>;
  /** Characters of text the body will hold. */
  text: number;
}

const TAG_SCORE: Record<string, number> = {
  div: 5,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
};
/** Readability's constants: ancestors scored per paragraph, candidates kept, near-best ratio and count. */
const ANCESTOR_LEVELS = 5;
const TOP_CANDIDATES = 5;
const NEAR_BEST = 0.75;
const MIN_NEAR_BEST = 3;

/** The body by Readability's rules with `flags`, as a plan over the untouched page. */
export function planBody(body: DomRoot, flags: Flags): Plan {
  const page = measurePage(body, flags.stripUnlikely);
  const scores = scoreCandidates(page, flags);
  const top = bestCandidate(body, page, scores);
  const nodes = top ? withSiblings(top, page, scores) : wholeBody(body, page);
  const dropped = new Set<DomElement>();
  for (const node of nodes) if (isElement(node)) cleanArticle(node, page, flags, dropped);
  let text = 0;
  for (const node of nodes)
    if (!(isElement(node) && dropped.has(node)))
      text += isElement(node) ? (page.of.get(node)?.text ?? 0) : isTextNode(node) ? node.data.trim().length : 0;
  for (const el of page.excluded) dropped.add(el);
  return { nodes, dropped, text };
}

function scoreCandidates(page: PageStats, flags: Flags): Map<DomElement, number> {
  const scores = new Map<DomElement, number>();
  for (const paragraph of page.paragraphs) {
    const points = 2 + paragraph.commas + Math.min(Math.floor(paragraph.text / 100), 3);
    let level = 0;
    for (
      let at: DomElement | null = skipWrapper(paragraph.first, page);
      at && level < ANCESTOR_LEVELS;
      at = parentElement(at), level++
    ) {
      if (!at.parent || !isElement(at.parent)) break; // Readability scores no element without an element parent
      if (!scores.has(at)) scores.set(at, (TAG_SCORE[at.name] ?? 0) + classWeight(at, flags));
      scores.set(at, scores.get(at)! + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  }
  for (const [el, score] of scores) scores.set(el, score * (1 - linkDensity(page.of.get(el))));
  return scores;
}

/** A <div> around a single <p> (and nothing else) stands for that paragraph (Readability unwraps it). */
function skipWrapper(el: DomElement, page: PageStats): DomElement | null {
  if (el.name !== 'div' || linkDensity(page.of.get(el)) >= 0.25) return el;
  const kids = elementChildren(el).filter((kid) => !page.excluded.has(kid));
  const loose = el.children.some((kid) => isTextNode(kid) && /\S/.test(kid.data));
  return kids.length === 1 && kids[0]!.name === 'p' && !loose ? (parentElement(el) ?? el) : el;
}

function bestCandidate(body: DomRoot, page: PageStats, scores: Map<DomElement, number>): DomElement | null {
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_CANDIDATES);
  let top = ranked[0]?.[0];
  if (!top || top === body || top.name === 'body') return null;
  const topScore = ranked[0]![1];
  // 3. a common ancestor of three near-best candidates holds the story that they split
  const near = ranked
    .slice(1)
    .filter(([, score]) => score / topScore >= NEAR_BEST)
    .map(([el]) => ancestors(el));
  if (near.length >= MIN_NEAR_BEST) {
    for (let at = parentElement(top); at && at.name !== 'body'; at = parentElement(at)) {
      if (near.filter((list) => list.has(at!)).length >= MIN_NEAR_BEST) {
        top = at;
        break;
      }
    }
  }
  if (!scores.has(top)) scores.set(top, 0);
  // a parent scoring higher than the best so far takes its place (scores fall as we climb; stop at a third)
  let last = scores.get(top)!;
  const threshold = last / 3;
  for (let at = parentElement(top); at && at.name !== 'body'; at = parentElement(at)) {
    const score = scores.get(at);
    if (score === undefined) continue;
    if (score < threshold) break;
    if (score > last) {
      top = at;
      break;
    }
    last = score;
  }
  // an only child speaks for its parent
  for (
    let at = parentElement(top);
    at && at.name !== 'body' && elementChildren(at).filter((kid) => !page.excluded.has(kid)).length === 1;
    at = parentElement(at)
  )
    top = at;
  if (!scores.has(top)) scores.set(top, 0);
  return top;
}

function ancestors(el: DomElement): Set<DomElement> {
  const found = new Set<DomElement>();
  for (let at = parentElement(el); at; at = parentElement(at)) found.add(at);
  return found;
}

/** 4. the candidate and its siblings that score at least a fifth of it (10 at least), or read as prose. */
function withSiblings(top: DomElement, page: PageStats, scores: Map<DomElement, number>): DomNode[] {
  const parent = parentElement(top);
  if (!parent) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = getAttr(top, 'class') ?? '';
  const kept: DomNode[] = [];
  for (const sibling of elementChildren(parent)) {
    if (page.excluded.has(sibling)) continue;
    if (sibling === top) {
      kept.push(sibling);
      continue;
    }
    const bonus = topClass !== '' && getAttr(sibling, 'class') === topClass ? topScore * 0.2 : 0;
    const score = scores.get(sibling);
    if (score !== undefined && score + bonus >= threshold) kept.push(sibling);
    else if (isParagraphLike(sibling, page.of.get(sibling)) && readsAsProse(sibling, page)) kept.push(sibling);
  }
  return kept;
}

function readsAsProse(el: DomElement, page: PageStats): boolean {
  const stats = page.of.get(el);
  if (!stats) return false;
  const density = linkDensity(stats);
  if (stats.text > 80) return density < 0.25;
  return stats.text > 0 && density === 0 && /\.( |$)/.test(textOf(el));
}

function textOf(el: DomElement): string {
  let out = '';
  const stack: DomNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTextNode(node)) out += node.data;
    else if (isElement(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out.trim().replace(/\s{2,}/g, ' ');
}

function wholeBody(body: DomRoot, page: PageStats): DomNode[] {
  return body.children.filter((node) => !(isElement(node) && page.excluded.has(node)));
}

export { classAndId };
