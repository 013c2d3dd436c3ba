/**
 * The body, as a cascade (trafilatura's shape), each step engaging only when the one before it
 * under-delivered, all over the one parsed page (furniture already removed):
 *   1. the scorer (score.ts: Readability 0.6's rules on one linear measurement of the page), retried
 *      with fewer rules while it finds under 500 characters, as Readability retries;
 *   2. baseline rescue: the page's own prose blocks (p, headings, lists, quotes) kept in order, when the
 *      scorer finds nothing, or its body is short and the baseline reads several times more prose (it
 *      kept one part of a split article).
 * Both hand back a detached element that the caller tidies and reads. Nothing moves in the page until
 * a plan is chosen.
 */
import {
  bodyOf,
  createElement,
  isElement,
  measureText,
  remove,
  tagOf,
  type DomDocument,
  type DomElement,
  type DomNode,
} from './dom.js';
import { all } from './select.js';
import { planBody, type Flags, type Plan } from './score.js';

/** A baseline block must read like prose: 40 characters is a short sentence. */
const MIN_PROSE_CHARS = 40;
const BASELINE_BLOCKS = 'p, h2, h3, h4, h5, h6, pre, blockquote, li, figcaption, table';
const BASELINE_CONTAINERS = '[itemprop=articleBody], article, [role=main], main';
/** Readability's char threshold: a body under this many characters is looked for again with fewer rules. */
const RETRY_BELOW = 500;
/** Readability's order of giving up rules. */
const ATTEMPTS: Flags[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];

/** A scored body shorter than this (characters) is checked against the baseline: it may have kept
 *  one section of an article split across containers. Longer bodies are trusted as they are.
 *  Calibrated with UNDER_DELIVERED on aeb + wcxb (2026-11-27, then with Readability itself as step 1):
 *  1500/3 gave wcxb F1 0.930 -> 0.939 with aeb unchanged at 0.958. */
const SHORT_BODY = 1500;
/** The baseline replaces a short scored body when it reads this many times more prose. */
const UNDER_DELIVERED = 3;

export type BodyMethod = 'score' | 'baseline';

export interface Body {
  root: DomElement;
  method: BodyMethod;
}

export function findBody(page: DomDocument): Body | null {
  const scored = scoredPlan(page);
  if (scored && scored.text > SHORT_BODY) return { root: build(scored), method: 'score' };
  const baseline = baselineBlocks(page);
  const baselineText = baseline.reduce((sum, block) => sum + measureText(block).text, 0);
  if (scored && (baseline.length === 0 || baselineText < UNDER_DELIVERED * scored.text))
    return { root: build(scored), method: 'score' };
  return baseline.length > 0 ? { root: createElement('div', baseline), method: 'baseline' } : null;
}

/** The first attempt that finds enough text, else the one that found the most. */
function scoredPlan(page: DomDocument): Plan | null {
  let best: Plan | null = null;
  for (const flags of ATTEMPTS) {
    const plan = planBody(bodyOf(page), flags);
    if (plan.text >= RETRY_BELOW) return plan;
    if (!best || plan.text > best.text) best = plan;
  }
  return best && best.nodes.length > 0 ? best : null;
}

function build(plan: Plan): DomElement {
  for (const el of plan.dropped) remove(el);
  return createElement(
    'div',
    plan.nodes.filter((node: DomNode) => !(isElement(node) && plan.dropped.has(node))),
  );
}

/** The prose blocks of the main container (or the whole page), outermost only, in document order. */
export function baselineBlocks(page: DomDocument): DomElement[] {
  const container = all(page, BASELINE_CONTAINERS)[0] ?? bodyOf(page);
  const blocks = all(container, BASELINE_BLOCKS);
  const chosen = new Set(blocks);
  const kept: DomElement[] = [];
  for (const block of blocks) {
    if (insideAnother(block, chosen)) continue; // inside a kept or rejected outer block
    if (isProse(block)) kept.push(block);
  }
  return kept;
}

function insideAnother(block: DomElement, blocks: Set<DomElement>): boolean {
  for (let at = block.parent; at && isElement(at); at = at.parent) if (blocks.has(at)) return true;
  return false;
}

function isProse(block: DomElement): boolean {
  const { text, links } = measureText(block);
  if (/^h[2-6]$/.test(tagOf(block))) return text > 0 && text < 200;
  return text >= MIN_PROSE_CHARS && links < 0.5 * text;
}
