/**
 * Lines about the article rather than of it, which pages put inside the body: the byline ("By Jane Roe",
 * an element marked author/byline), photo credits ("Photo: Hau Dinh, AP") and datelines ("PUBLISHED:
 * 10:48, Tue, Nov 19, 2019 | UPDATED: ..."). Only short blocks that stand alone are touched: an
 * author's name inside a sentence stays. The byline has a field of its own; credits and datelines have
 * none and are no part of the story (shared/data/aeb's truth leaves all three out).
 */
import { getAttr, isInside, measureText, parentElement, remove, textOf, type DomElement } from './dom.js';
import { all, closest } from './select.js';

/** A credit line is short: "Robert Burns, AP National Security Writer" is 41 characters. */
const MAX_CREDIT = 100;
/** Inline tags count as a line of their own when their parent holds at most this much more text. */
const STANDALONE_SLACK = 10;
/** Readability's byline words in class/id. */
const BYLINE_NAME = /byline|author|dateline|writtenby|p-author/i;
const PHOTO_CREDIT =
  /^\(?\s*(photos?|photograph|images?|pictures?|fotos?|fotografía|credits?|crédits?|bild)\s*(by|de|:|\||credit)/i;
const DATELINE =
  /^(published|updated|posted|last updated|first published|publicado|actualizado|publié|mis à jour|veröffentlicht|aktualisiert|pubblicato|aggiornato)\b/i;
const CANDIDATES = 'p, div, address, li, header, section, h4, h5, h6, figcaption, span, small, strong, b, em, i, a';
const BLOCKS = new Set(['p', 'div', 'address', 'li', 'header', 'section', 'h4', 'h5', 'h6', 'figcaption']);

export function removeCredits(root: DomElement, byline: string | null): void {
  const bylineText = byline ? plain(byline) : null;
  for (const el of all(root, CANDIDATES)) {
    if (!isInside(el, root)) continue;
    const length = measureText(el, MAX_CREDIT).text;
    if (length === 0 || length > MAX_CREDIT || !standsAlone(el, length)) continue;
    const text = textOf(el);
    if (isCredit(el, text, bylineText)) remove(el);
  }
}

function isCredit(el: DomElement, text: string, byline: string | null): boolean {
  if (PHOTO_CREDIT.test(text)) return true;
  if (DATELINE.test(text) && /\d/.test(text)) return true;
  const line = plain(text);
  if (byline && (line === byline || line === `by ${byline}`)) return true;
  return isMarkedByline(el) && closest(el, 'blockquote, table') === null;
}

function isMarkedByline(el: DomElement): boolean {
  const names = `${getAttr(el, 'class') ?? ''} ${getAttr(el, 'id') ?? ''}`;
  return (
    BYLINE_NAME.test(names) || getAttr(el, 'rel') === 'author' || (getAttr(el, 'itemprop') ?? '').includes('author')
  );
}

/** A block, or an inline element that is all of its parent's text. */
function standsAlone(el: DomElement, length: number): boolean {
  if (BLOCKS.has(el.name)) return true;
  const parent = parentElement(el);
  return parent !== null && measureText(parent, length + STANDALONE_SLACK).text <= length + STANDALONE_SLACK;
}

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
