/**
 * Tidying the body that the cascade found, before it is read: furniture Readability kept, the headline
 * repeated at the top, lazy images made real.
 */
import type { RelatedLink } from '../../model.js';
import {
  collapse,
  elementChildren,
  isInside,
  measureText,
  parentElement,
  remove,
  setAttr,
  textOf,
  type DomElement,
} from './dom.js';
import { all, closest } from './select.js';
import { labelKind, removeFurniture } from './furniture.js';
import { blockTexts } from './blocks.js';
import { removeCredits } from './credits.js';
import { imageSource } from './image.js';

/** `repeats`: the headline and the standfirst, which have fields of their own. */
export function tidyBody(
  root: DomElement,
  repeats: Array<string | null>,
  pageUrl: string,
  byline: string | null = null,
): RelatedLink[] {
  const related = removeFurniture(root, pageUrl);
  for (const text of repeats) if (text) removeRepeat(root, text);
  removeCredits(root, byline); // after the headline's repeat: a dateline beside it stands alone then
  removeDateLines(root);
  removeRepeatedQuotes(root);
  loadLazyImages(root, pageUrl);
  return related;
}

/** The headline belongs in `title` only (the standfirst in `subtitle`): drop blocks that repeat it. */
function removeRepeat(root: DomElement, text: string): void {
  const repeat = sameText(text);
  const limit = text.length + 20;
  for (const el of all(root, 'h1, h2, h3, p, header, div')) {
    if (!isInside(el, root) || elementChildren(el).length > 1 || measureText(el, limit).text > limit) continue;
    if (sameText(textOf(el)) === repeat) remove(el);
  }
}

/** "Publié le 7 mars 2024", "Updated 3 hours ago": a block that is a <time> and a few words is a
 *  dateline, which is metadata. 30 characters leaves room for "Published on" in any of our languages. */
function removeDateLines(root: DomElement): void {
  for (const time of all(root, 'time')) {
    const block = closest(time, 'p, div, span, header') ?? time;
    if (block === root) continue;
    if (measureText(block, 200).text - measureText(time, 200).text < 30) remove(block);
  }
}

/** Quotes shorter than this (characters) are not checked for repeats: "Yes," she said. */
const MIN_PULL_QUOTE = 30;

/** A pull quote repeats a sentence of the story in large type: a quote box whose text the story already
 *  holds elsewhere goes (the story's own copy stays). */
function removeRepeatedQuotes(root: DomElement): void {
  const quotes = all(root, 'blockquote, aside, figure, q');
  if (quotes.length === 0) return;
  let story: string | null = null; // read when a quote of pull-quote length turns up (most figures are images)
  for (const quote of quotes) {
    if (!isInside(quote, root)) continue;
    const text = sameText(textOf(quote, 1000));
    if (text.length < MIN_PULL_QUOTE || text.length > 1000) continue;
    story ??= ` ${blockTexts(root).map(sameText).join(' \n ')} `;
    const first = story.indexOf(` ${text} `.trim());
    if (first === -1 || story.indexOf(text, first + text.length) === -1) continue;
    remove(quote);
    story = story.replace(text, ''); // counted once: a second copy of the same quote is then the story's
  }
}

const CAPTIONS = 'figcaption, [class*=caption]';
/** A body whose captions hold at least this share of its text is a gallery: its captions are its story. */
const GALLERY_SHARE = 0.5;

/** The image captions in the body, which stay in its HTML beside their images but are no paragraphs
 *  of the story; none for a gallery. Measured on aeb / wcxb (2026-11-27): figcaption alone
 *  0.960 -> 0.965 / 0.939 -> 0.941; with [class*=caption] too, 0.972 / 0.940. */
export function captionElements(root: DomElement): Set<DomElement> {
  const captions = new Set(all(root, CAPTIONS));
  let length = 0;
  for (const el of captions) {
    const outer = closest(parentElement(el) ?? el, CAPTIONS);
    if (outer && outer !== el && captions.has(outer)) continue; // counted with the outer caption
    length += measureText(el).text;
  }
  return length < GALLERY_SHARE * measureText(root).text ? captions : new Set();
}

export function sameText(text: string): string {
  // Whitespace is neither letter nor number, so the one replace also collapses it.
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A block that is only a furniture label ("Compartir") left behind by a box we could not outline. */
export function isLeftoverLabel(text: string): boolean {
  return text.length < 80 && labelKind(text) !== null;
}

function loadLazyImages(root: DomElement, pageUrl: string): void {
  for (const img of all(root, 'img')) {
    const src = imageSource(img, pageUrl);
    if (src) setAttr(img, 'src', src);
  }
}
