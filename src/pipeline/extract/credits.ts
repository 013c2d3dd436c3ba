/**
 * Lines about the article rather than of it, which pages put inside the body: the byline ("By Jane Roe",
 * an element marked author/byline), photo credits ("Photo: Hau Dinh, AP") and datelines ("PUBLISHED:
 * 10:48, Tue, Nov 19, 2019 | UPDATED: ..."). Only short blocks that stand alone are touched: an
 * author's name inside a sentence stays. The byline has a field of its own; credits and datelines have
 * none and are no part of the story (shared/data/aeb's truth leaves all three out).
 */
import {
  getAttr,
  isElement,
  isInside,
  isTextNode,
  measureText,
  parentElement,
  remove,
  tagOf,
  textOf,
  type DomElement,
} from './dom.js';
import { all, closest } from './select.js';

/** A credit line is short: "Robert Burns, AP National Security Writer" is 41 characters. */
const MAX_CREDIT = 100;
/** A meta line ("05/10/2018 - Publicado por: … - Categoria: … - Tags: …") or an appeal runs longer. */
const MAX_META = 200;
/** Inline tags count as a line of their own when their parent holds at most this much more text. */
const STANDALONE_SLACK = 10;
/** Readability's byline words in class/id. */
const BYLINE_NAME = /byline|author|dateline|writtenby|p-author/i;
const PHOTO_CREDIT =
  /^\(?\s*(photos?|photograph|images?|pictures?|fotos?|fotografía|imagen|credits?|crédits?|bild|фото)\s*(by|de|:|\||credit)/iu;
const DATELINE =
  /^(published|updated|posted|last updated|first published|publicado|actualizado|publié|mis à jour|veröffentlicht|aktualisiert|pubblicato|aggiornato)\b/i;
/** A line that names its kind first: "Tags: …", "Filed under: …", "Publicado por: …", "Tempo de leitura: 2 minutos". */
const META_LABEL =
  /^(tags?|etiquetas?|temas|schlagworte|stichworte|mots-clés|filed under|archivado en|arquivado em|categor(y|ies|ia|ía|ias|ías)|catégories?|kategorien?|publicado por|publicada por|posted in|reading time|tiempo de lectura|tempo de leitura|temps de lecture|lesezeit|tempo di lettura)\s*:/i;
/** "3 min read", "Tempo de leitura: 1 minuto", "Lesezeit 4 Minuten". */
const READING_TIME =
  /^((reading time|tiempo de lectura|tempo de leitura|temps de lecture|lesezeit|tempo di lettura)\s*:?\s*)?\d+\s*(min\.?|minutes?|minutos?|minuten|minuti)(\s+(read|de lectura|de leitura|de lecture|lesezeit|di lettura))?$/i;
/** Words of a line that is only a date: weekdays, months, "de", "às", "à", "um", "at", "le"... */
const DATE_WORDS =
  /^(\d{1,4}(h\d\d)?|h|de|del|às|as|à|a|las|um|uhr|at|on|le|el|o|the|am|pm|(lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta|feira|sábado|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|april|juni|juli|august|september|oktober|november|dezember|january|february|march|may|june|july|october|december)\.?)$/i;
/** A date written with digits: 05/10/2018, 04.05.2015, 2018-10-05. */
const NUMERIC_DATE = /\b(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d\d-\d\d)\b/;
/** Words that make a dated line a line about the article: "Mis à jour le", "Publicado por", "Par". */
const META_WORDS =
  /\b(mis à jour|publié|actualizado|atualizado|publicado|updated|published|aktualisiert|veröffentlicht|aggiornato|pubblicato|par|por|by|von|di|tags?|categoria|categoría|catégorie)\b/i;
/** A subscription appeal: "Suscríbete a …", "Assine já", "Abonnez-vous", "Jetzt abonnieren". */
const APPEAL =
  /^(suscr[íi]bete|suscríbase|hazte (suscriptor|socio)|assine( já| agora| o| a)?|abonnez-vous|abonnieren sie|jetzt abonnieren|abonniere|subscribe (now|today|to)|sign up (for|to|now)|inscr[íi]bete|cadastre-se|abbonati)\b/i;
/** The site's rule for comments: "ATENÇÃO: Comentários … não serão aprovados pelo moderador." */
const COMMENT_POLICY =
  /\b(coment[aá]rios?|comments?|commentaires?|kommentare?|commenti)\b.*\b(moderador(es)?|moderators?|modérateurs?|modération|moderation|moderiert|moderatori?|aprovados?|approved|publicados?|validés?|freigeschaltet)\b/i;
const CANDIDATES =
  'p, div, address, li, header, section, h4, h5, h6, figcaption, dl, dd, span, small, strong, b, em, i, a';
const BLOCKS = new Set(['p', 'div', 'address', 'li', 'header', 'section', 'h4', 'h5', 'h6', 'figcaption', 'dl', 'dd']);

export function removeCredits(root: DomElement, byline: string | null): void {
  const bylineText = byline ? plain(byline) : null;
  for (const el of all(root, CANDIDATES)) {
    if (!isInside(el, root)) continue;
    const length = measureText(el, MAX_META).text;
    if (length === 0 || length > MAX_META) continue;
    if (length <= MAX_CREDIT && isMarkedDate(el)) {
      remove(el); // the page's own publication-date element: metadata wherever it sits
      continue;
    }
    if (!standsAlone(el, length)) continue;
    const text = textOf(el);
    if ((length <= MAX_CREDIT && isCredit(el, text, bylineText)) || isMetaLine(text)) remove(el);
  }
}

function isCredit(el: DomElement, text: string, byline: string | null): boolean {
  if (PHOTO_CREDIT.test(text)) return true;
  if (DATELINE.test(text) && /\d/.test(text)) return true;
  const line = plain(text);
  if (byline && (line === byline || line === `by ${byline}`)) return true;
  return isMarkedByline(el) && closest(el, 'blockquote, table') === null;
}

/** A line about the article: labelled tags or categories, a reading time, a bare date, a dated line of
 *  publication data ("Le Monde | 04.05.2015 à 13h36 • Mis à jour le … | Par"), a subscription appeal,
 *  the site's rule for comments. */
export function isMetaLine(text: string): boolean {
  if (META_LABEL.test(text) || READING_TIME.test(text) || APPEAL.test(text) || COMMENT_POLICY.test(text)) return true;
  if (isBareDate(text)) return true;
  return NUMERIC_DATE.test(text) && /\s[|•·–-]\s|\s[|•·]|[|•·]\s/.test(text) && META_WORDS.test(text);
}

/** "sexta-feira, 22 de outubro de 2010 às 20:13", "Mardi 4 mai 2015": only date words and numbers. */
function isBareDate(text: string): boolean {
  if (text.length > 80 || !/\d/.test(text)) return false;
  const words = text
    .toLowerCase()
    .split(/[\s,:/.|•·–-]+/)
    .filter(Boolean);
  return words.length >= 2 && words.every((word) => DATE_WORDS.test(word));
}

/** itemprop=datePublished (dateModified, dateCreated) holding a written date, outside a sentence. */
function isMarkedDate(el: DomElement): boolean {
  if (!/^date(published|modified|created)$/i.test(getAttr(el, 'itemprop') ?? '') || !/\d/.test(textOf(el, 100)))
    return false;
  const sentence = closest(el, 'p, li, blockquote');
  return sentence === null || sentence === el || measureText(sentence, 200).text <= measureText(el).text + 20;
}

function isMarkedByline(el: DomElement): boolean {
  const names = `${getAttr(el, 'class') ?? ''} ${getAttr(el, 'id') ?? ''}`;
  return (
    BYLINE_NAME.test(names) || getAttr(el, 'rel') === 'author' || (getAttr(el, 'itemprop') ?? '').includes('author')
  );
}

/** A block, an inline element that is all of its parent's text, or one with blocks (or line breaks)
 *  on both sides: a line of its own. */
function standsAlone(el: DomElement, length: number): boolean {
  if (BLOCKS.has(el.name)) return true;
  const parent = parentElement(el);
  if (parent !== null && measureText(parent, length + STANDALONE_SLACK).text <= length + STANDALONE_SLACK) return true;
  return endsLine(el, 'prev') && endsLine(el, 'next');
}

const LINE_BREAKS = new Set([...BLOCKS, 'br', 'h1', 'h2', 'h3', 'ul', 'ol', 'table', 'figure', 'blockquote', 'hr']);

/** The sibling on that side (blank text, comments and scripts skipped) is missing, a block or a line break. */
function endsLine(el: DomElement, side: 'prev' | 'next'): boolean {
  let at = el[side];
  while (at && (isTextNode(at) ? at.data.trim() === '' : !isElement(at) || isSilent(at))) at = at[side];
  return at === null || (isElement(at) && LINE_BREAKS.has(tagOf(at)));
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'meta', 'link']);

/** Markup that shows nothing: scripts, <meta> beside microdata, empty inline elements (icons). */
function isSilent(el: DomElement): boolean {
  return (
    SKIPPED.has(tagOf(el)) || (!LINE_BREAKS.has(tagOf(el)) && tagOf(el) !== 'img' && measureText(el, 1).text === 0)
  );
}

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
