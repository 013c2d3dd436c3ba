/**
 * Furniture out: everything on a news page that is not the story. Three passes, each cheap and linear:
 *   1. marked boxes: elements whose tag, role, class or id name them as furniture (nav, share bar,
 *      newsletter, cookie banner, breadcrumb...), removed when short or made of links;
 *   2. labelled boxes: a short text that is a furniture phrase (furniture-phrases.ts) marks the box around
 *      it; a "read also" box inside the body gives its links to `related` before it goes;
 *   3. captions that are only an image file name.
 */
import type { RelatedLink } from '../../model.js';
import { absoluteUrl } from '../sanitize/index.js';
import { PHRASES, type FurnitureKind } from './furniture-phrases.js';
import {
  childrenOf,
  collapse,
  elementChildren,
  getAttr,
  isInside,
  isElement,
  isSpace,
  isTextNode,
  measureText,
  parentElement,
  remove,
  setAttr,
  tagOf,
  textOf,
  type DomElement,
  type DomNode,
  type DomRoot,
} from './dom.js';
import { all, closest, first } from './select.js';

/** Tags and roles that are furniture by definition (still guarded by the size test in `isSmallOrLinky`). */
const MARKED_SELECTOR =
  'nav, form, [role=navigation], [role=banner], [role=complementary], [role=contentinfo], dialog, [aria-modal=true]';
/** Class/id words of furniture, matched as whole dash/underscore-separated parts. */
const MARKED_NAME =
  /(^|[-_\s])(ad|ads|advert|advertisement|author-?bio|author-?box|breadcrumbs?|comments?|consent|cookies?|cookie-?banner|gdpr|lee-?tambien|leia-?tambem|lire-?aussi|most-?read|mas-?leidos?|newsletter|popular|pull-?quote|read-?also|related|related-?(articles|news|posts|stories)|share|share-?bar|sharing|skip-?link|social|social-?share|subscribe|subscription|tag-?list|tags)([-_\s]|$)/i;
/** The marked names of "read also" boxes, whose links become `related` when they sit in the body. */
const RELATED_NAME =
  /(^|[-_\s])(lee-?tambien|leia-?tambem|lire-?aussi|read-?also|related(-?(articles|news|posts|stories))?)([-_\s]|$)/i;
/** Unconditional: comment threads are long and made of text, so the size guard would keep them. */
const COMMENTS_SELECTOR = '#comments, #disqus_thread, .comments-area, .comment-list, [id^=comments-]';
/** AMP's ad, share and menu widgets: never story text (their fallback text reads "Publicidade"...). */
const AMP_WIDGETS =
  'amp-ad, amp-embed, amp-sticky-ad, amp-analytics, amp-consent, amp-social-share, amp-sidebar, amp-web-push-widget';
/** "IMG_2023-0412.jpg", "foto-putin-kremlin.jpeg": a caption that is an upload's file name. */
export const FILE_NAME = /^[\w\-.()~%+ ]{1,120}\.(avif|bmp|gif|heic|jpe?g|png|svg|tiff?|webp)$/i;
/** A furniture box is short: 300 characters of non-link text is a long teaser list's worth, not a story's. */
const MAX_BOX_PROSE = 300;
/** Most-read lists run to ten headlines; 1,500 characters covers them, a story body is longer. */
const MAX_BOX_TEXT = 1500;
/** Real pages carry a few dozen labels; junk can carry thousands, each costing a climb. */
const MAX_LABELS = 200;
/** Labels are short; a text node longer than this is prose, never a label. */
const MAX_LABEL = 80;

export function removeFurniture(root: DomRoot, pageUrl: string): RelatedLink[] {
  const related = removeLabelledBoxes(root, pageUrl);
  related.push(...removeMarkedBoxes(root, pageUrl));
  removeFileNameCaptions(root);
  return dedupeLinks(related);
}

function removeMarkedBoxes(root: DomRoot, pageUrl: string): RelatedLink[] {
  const related: RelatedLink[] = [];
  // All found before anything is removed: each removal makes select.ts list the page's elements
  // again. What sat inside a removed box is skipped by the isInside test below.
  const comments = all(root, COMMENTS_SELECTOR);
  const widgets = all(root, AMP_WIDGETS);
  const named = new Map<string, boolean>(); // pages repeat their class names: each is tested once
  const marked = all(root, MARKED_SELECTOR).concat(all(root, '*').filter((el) => hasFurnitureName(el, named)));
  for (const el of comments) remove(el);
  for (const el of widgets) remove(el);
  for (const el of marked) {
    if (!isInside(el, root) || !isSmallOrLinky(el) || containsTitle(el)) continue; // size first: it stops early
    if (RELATED_NAME.test(`${getAttr(el, 'class') ?? ''} ${getAttr(el, 'id') ?? ''}`) && isInsideBody(el))
      related.push(...linksIn(el, pageUrl));
    remove(el);
  }
  return related;
}

function hasFurnitureName(el: DomElement, named: Map<string, boolean>): boolean {
  const tag = tagOf(el);
  if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return false;
  return isFurnitureName(getAttr(el, 'class'), named) || isFurnitureName(getAttr(el, 'id'), named);
}

function isFurnitureName(name: string | null, named: Map<string, boolean>): boolean {
  if (!name) return false;
  let known = named.get(name);
  if (known === undefined) named.set(name, (known = MARKED_NAME.test(name)));
  return known;
}

function containsTitle(el: DomElement): boolean {
  return tagOf(el) === 'h1' || first(el, 'h1') !== null;
}

function isSmallOrLinky(el: DomElement): boolean {
  const size = measureText(el, MAX_BOX_TEXT * 4);
  return size.text - size.links < MAX_BOX_PROSE;
}

interface Label {
  kind: FurnitureKind;
  element: DomElement;
  text: string;
}

function removeLabelledBoxes(root: DomRoot, pageUrl: string): RelatedLink[] {
  const related: RelatedLink[] = [];
  for (const label of findLabels(root).slice(0, MAX_LABELS)) {
    const box = boxAround(label);
    if (box === null) continue;
    const run = INLINE_TAGS.has(tagOf(box)) ? inlineRun(box) : [box];
    if (label.kind === 'related' && isInsideBody(box))
      related.push(...run.flatMap((node) => (isElement(node) ? linksIn(node, pageUrl) : [])));
    for (const node of run) remove(node);
  }
  return related;
}

/** Text nodes that are a furniture phrase, in document order (walked without recursion). */
function findLabels(root: DomRoot): Label[] {
  const labels: Label[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTextNode(node)) {
      const kind = labelKind(node.data);
      if (kind && isElement(node.parent)) labels.push({ kind, element: node.parent, text: collapse(node.data) });
      continue;
    }
    const tag = tagOf(node);
    if (tag === 'script' || tag === 'style' || tag === 'template') continue;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return labels;
}

/** The furniture kind of a label text: the whole text is a phrase, or a phrase followed by a colon. */
export function labelKind(raw: string): FurnitureKind | null {
  if (raw.length > MAX_LABEL * 3) return null;
  // Most text nodes are blank or prose: rejected before any string is made or any regex runs.
  let start = 0;
  let end = raw.length;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  if (start === end || end - start > MAX_LABEL * 2) return null;
  const colon = raw.indexOf(':', start);
  if ((colon === -1 || colon >= end) && keepsMore(raw, start, end, LONGEST_PHRASE)) return null; // prose: no phrase is that long
  if (!mayStartPhrase(raw, start, end)) return null; // most short texts (menu links, names) start no phrase
  const trimmed = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  const text = collapse(trimmed)
    .toLowerCase()
    .replace(/\s+:/g, ':')
    .replace(/^[\s»›>|•·:\-–—(]+|[\s»›>|•·\-–—.…)]+$/gu, '');
  if (text.length === 0 || text.length > MAX_LABEL) return null;
  const exact = PHRASE_KINDS.get(text) ?? (text.endsWith(':') ? PHRASE_KINDS.get(text.slice(0, -1)) : undefined);
  if (exact) return exact;
  for (let colon = text.indexOf(':'); colon > 0; colon = text.indexOf(':', colon + 1)) {
    const kind = PHRASE_KINDS.get(text.slice(0, colon));
    if (kind && kind !== 'comments') return kind; // "Lire aussi: <headline>" (a comment count is no label)
  }
  return topicLabel(text);
}

/**
 * "Most read in Sport", "Lo más leído de la semana", "Самые популярные диеты": a most-read or related
 * phrase and a few words of topic, nothing like a sentence after it.
 */
function topicLabel(text: string): FurnitureKind | null {
  if (/[.!?;:]/.test(text)) return null;
  const words = text.split(' ');
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const kind = PHRASE_KINDS.get(words.slice(0, n).join(' '));
    if ((kind === 'most-read' || kind === 'related') && words.length - n <= 3) return kind;
  }
  return null;
}

/** Phrase → kind; the first kind listed for a phrase wins. */
const PHRASE_KINDS = new Map<string, FurnitureKind>();
for (const { kind, phrase } of PHRASES) if (!PHRASE_KINDS.has(phrase)) PHRASE_KINDS.set(phrase, kind);
/** Without a colon a label is a whole phrase, so a text keeping more characters than the longest phrase
 *  is none (infinite, so never a shortcut, if a phrase ever holds a colon). */
const LONGEST_PHRASE = PHRASES.some(({ phrase }) => phrase.includes(':'))
  ? Number.POSITIVE_INFINITY
  : Math.max(0, ...PHRASES.map(({ phrase }) => phrase.length));
/** The first characters of the phrases: a label's normalised text starts with one of them. */
const PHRASE_STARTS = new Set([...PHRASE_KINDS.keys()].map((phrase) => phrase.charCodeAt(0)));

/** Whether the first character labelKind's normalising keeps of text[start, end) (past whitespace and
 *  the punctuation it strips in front: »›>|•·:-–—), lower-cased, starts a phrase. A surrogate is let
 *  through (its lower case is not one code unit's). */
function mayStartPhrase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || isLeadDroppable(c)) continue;
    if (c >= 0xd800 && c <= 0xdfff) return true;
    const lower = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : String.fromCharCode(c).toLowerCase().charCodeAt(0);
    return PHRASE_STARTS.has(lower);
  }
  return false; // nothing kept: no label
}

function isLeadDroppable(c: number): boolean {
  if (c < 0x80) return c === 0x28 || c === 0x2d || c === 0x3a || c === 0x3e || c === 0x7c;
  return c === 0xb7 || c === 0xbb || c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0x203a;
}

/** Whether labelKind's normalising surely keeps more than `limit` characters of text[start, end): those
 *  that are neither whitespace nor the punctuation it strips at either end (»›>|•·:-–—.…). */
function keepsMore(text: string, start: number, end: number, limit: number): boolean {
  let kept = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || isDroppable(c)) continue;
    if (++kept > limit) return true;
  }
  return false;
}

function isDroppable(c: number): boolean {
  if (c < 0x80) return c === 0x28 || c === 0x29 || c === 0x2d || c === 0x2e || c === 0x3a || c === 0x3e || c === 0x7c;
  return c === 0xb7 || c === 0xbb || c === 0x2013 || c === 0x2014 || c === 0x2022 || c === 0x2026 || c === 0x203a;
}

/** The widest ancestor of the label that is still only this box: short, link-made, no headline. */
function boxAround(label: Label): DomElement | null {
  let box = label.element;
  if (closest(box, 'h1') !== null) return null; // a headline that happens to be "Comments" is not a label
  for (let step = 0; step < 6; step++) {
    const parent = parentElement(box);
    if (parent === null || isContainerOfRecord(parent) || !fitsBox(parent, label) || containsTitle(parent)) break;
    box = parent;
  }
  return box;
}

function isContainerOfRecord(el: DomElement): boolean {
  const tag = tagOf(el);
  return (
    tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article' || getAttr(el, 'itemprop') === 'articleBody'
  );
}

function fitsBox(parent: DomElement, label: Label): boolean {
  const { text, links } = measureText(parent, MAX_BOX_TEXT);
  if (text > MAX_BOX_TEXT) return false;
  const prose = text - label.text.length - links;
  if (label.kind === 'cookies') return text < 1000;
  return prose < 40 || prose < 0.25 * text || isCardList(parent, label);
}

/** Longest text of one teaser card (a linked headline and a line or two of blurb). */
const MAX_CARD_TEXT = 300;

/**
 * A "most read" or "related" label over a list of teaser cards, each a link with a short blurb
 * ("Самые популярные диеты" and six diets): the blurbs are prose, but the box is still furniture.
 */
function isCardList(parent: DomElement, label: Label): boolean {
  if (label.kind !== 'most-read' && label.kind !== 'related') return false;
  const cards = elementChildren(parent).filter((child) => !isInside(label.element, child));
  return (
    cards.length >= 2 &&
    cards.every((card) => {
      const size = measureText(card, MAX_CARD_TEXT + 1);
      return size.text <= MAX_CARD_TEXT && size.links > 0 && first(card, 'a[href]') !== null;
    })
  );
}

const INLINE_TAGS = new Set(['a', 'b', 'em', 'i', 'span', 'strong', 'u']);

/** A label inline in running text ("<b>Lire aussi :</b> <a>…</a><br>"): the label and the links after it. */
function inlineRun(label: DomElement): DomNode[] {
  const run: DomNode[] = [label];
  for (let node = label.next; node !== null; node = node.next) {
    const isGap = isTextNode(node) && /^[\s:·|,-]*$/.test(node.data);
    const isLink = isElement(node) && (tagOf(node) === 'a' || (INLINE_TAGS.has(tagOf(node)) && isAllLinks(node)));
    if (!isGap && !isLink) break;
    run.push(node);
  }
  return run;
}

function isAllLinks(el: DomElement): boolean {
  const size = measureText(el, MAX_BOX_TEXT);
  return size.text > 0 && size.links >= size.text;
}

/** A box is in the body when the story's paragraphs sit beside it (or beside its near ancestors). */
function isInsideBody(box: DomElement): boolean {
  let level: DomElement | null = parentElement(box);
  for (let step = 0; step < 3 && level !== null; step++) {
    let prose = 0;
    let looseText = 0;
    for (const child of childrenOf(level)) {
      if (isTextNode(child)) looseText += collapse(child.data).length;
      else if (child !== box && tagOf(child) === 'p' && measureText(child, 80).text >= 80) prose++;
    }
    // Two real paragraphs beside it, or running text broken by <br> (200 characters: two sentences).
    if (prose >= 2 || looseText >= 200) return true;
    level = parentElement(level);
  }
  return false;
}

function linksIn(box: DomElement, pageUrl: string): RelatedLink[] {
  const links: RelatedLink[] = [];
  const anchors = tagOf(box) === 'a' ? [box] : all(box, 'a[href]');
  for (const a of anchors) {
    const url = absoluteUrl(getAttr(a, 'href'), pageUrl, ['http:', 'https:']);
    const title = textOf(a);
    if (url && title && labelKind(title) === null) links.push({ title, url });
  }
  return links;
}

function dedupeLinks(links: RelatedLink[]): RelatedLink[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.url) && seen.add(link.url) !== undefined);
}

function removeFileNameCaptions(root: DomRoot): void {
  for (const el of all(root, 'figcaption, .caption, .wp-caption-text, [itemprop=caption]')) {
    if (FILE_NAME.test(textOf(el, 200))) remove(el); // a file name is short: longer text is cut at 200
  }
  for (const img of all(root, 'img[alt]')) {
    if (FILE_NAME.test(collapse(getAttr(img, 'alt')))) setAttr(img, 'alt', '');
  }
}
