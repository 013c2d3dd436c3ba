/**
 * The body, as a cascade (trafilatura's shape), each step engaging only when the one before it
 * under-delivered:
 *   1. Readability 0.6 over the page with its furniture already removed;
 *   2. baseline rescue: the page's own prose blocks (p, headings, lists, quotes) kept in order, when
 *      Readability returns nothing, throws, the page nests deeper than its recursion survives, or its body
 *      is short and the baseline reads several times more prose (it kept one part of a split article).
 * Both hand back a detached element that the caller tidies and reads.
 */
import { Readability } from '@mozilla/readability';
import { MAX_DEPTH } from './shallow.js';
import { all, maxDepth, measureText, parseFragment, tagOf, type DomDocument, type DomElement } from './dom.js';

/** Readability recurses once per nesting level; our probe overflowed V8's stack at 10,000 levels.
 *  shallow.ts flattens such pages before they get here; this guard keeps the cascade safe on its own. */
const MAX_READABILITY_DEPTH = MAX_DEPTH;
/** Readability slows to seconds past ~100,000 elements; real pages carry a few thousand, heavy ones
 *  20,000. Past this it refuses (throws) and the baseline, which is linear, reads the page. */
const MAX_READABILITY_ELEMENTS = 40_000;
/** A baseline block must read like prose: 40 characters is a short sentence. */
const MIN_PROSE_CHARS = 40;
const BASELINE_BLOCKS = 'p, h2, h3, h4, h5, h6, pre, blockquote, li, figcaption, table';
const BASELINE_CONTAINERS = '[itemprop=articleBody], article, [role=main], main';

/** A Readability body shorter than this (characters) is checked against the baseline: it may have kept
 *  one section of an article split across containers. Longer bodies are trusted as they are.
 *  Calibrated with UNDER_DELIVERED on aeb + wcxb (2026-11-27): 1500/3 gives wcxb F1 0.930 -> 0.939 with aeb
 *  unchanged at 0.958; 2500/2.5 gave wcxb 0.940 but aeb 0.954, 2500/4 aeb 0.956 (precision lost). */
const SHORT_BODY = 1500;
/** The baseline replaces a short Readability body when it reads this many times more prose. */
const UNDER_DELIVERED = 3;

export type BodyMethod = 'readability' | 'baseline';

export interface Body {
  root: DomElement;
  method: BodyMethod;
}

/** `pruned` is the page with furniture removed; `fresh` rebuilds it, since Readability mutates the page. */
export function findBody(pruned: DomDocument, fresh: () => DomDocument): Body | null {
  const tooDeep = maxDepth(pruned.documentElement, MAX_READABILITY_DEPTH) > MAX_READABILITY_DEPTH;
  const readable = tooDeep ? null : readabilityBody(pruned);
  if (readable && measureText(readable, SHORT_BODY).text > SHORT_BODY) return { root: readable, method: 'readability' };
  const baseline = baselineBody(tooDeep ? pruned : fresh());
  if (readable && (!baseline || measureText(baseline).text < UNDER_DELIVERED * measureText(readable).text)) return { root: readable, method: 'readability' };
  return baseline ? { root: baseline, method: 'baseline' } : null;
}

function readabilityBody(document: DomDocument): DomElement | null {
  try {
    // The cast: Readability is typed against the browser DOM, which linkedom implements but this
    // project does not compile against.
    const options = { maxElemsToParse: MAX_READABILITY_ELEMENTS };
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], options).parse();
    return article?.content ? parseFragment(article.content) : null;
  } catch {
    return null; // a stack overflow or a quirk of the page: the baseline takes over
  }
}

/** The prose blocks of the main container (or the whole page), outermost only, in document order. */
export function baselineBody(document: DomDocument): DomElement | null {
  const container = all(document, BASELINE_CONTAINERS)[0] ?? document.body;
  if (!container) return null;
  const kept: string[] = [];
  for (const block of all(container, BASELINE_BLOCKS)) {
    if (block.parentElement?.closest(BASELINE_BLOCKS)) continue; // inside a kept or rejected outer block
    if (isProse(block)) kept.push(block.outerHTML);
  }
  return kept.length > 0 ? parseFragment(kept.join('\n')) : null;
}

function isProse(block: DomElement): boolean {
  const { text, links } = measureText(block);
  if (/^h[2-6]$/.test(tagOf(block))) return text > 0 && text < 200;
  return text >= MIN_PROSE_CHARS && links < 0.5 * text;
}
