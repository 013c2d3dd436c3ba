/**
 * The publication date, from the most explicit declaration down to the least:
 *   JSON-LD Article datePublished → <meta> (article:published_time...) → microdata datePublished →
 *   any JSON-LD node's datePublished (Yoast puts it on the WebPage of an @graph) → <time datetime> →
 *   dateCreated → a date in the URL → a date written in the page header near the <h1> →
 *   dateModified (a page that only says when it was updated) → the feed's date (the caller's hint).
 * Measured on shared/data/wcxb-dev-articles (588 pages with a true date): the declared datePublished is
 * right on 339, dateModified on 27 of the rest; 186 pages declare neither (see the header-text reader).
 */
import { TEXT_NODE, all, collapse, type DomDocument, type DomElement, type DomNode, getAttr, textContent, closest, parentElement, tagOf, childrenOf } from './dom.js';
import { allJsonLd, stringField, type JsonObject } from './jsonld.js';

const DATE_META = [
  'article:published_time', 'datepublished', 'og:published_time', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'cludo:date',
  'w-published-date', 'published', 'publication_date', 'pub_date', 'date.published', 'article:published',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified'];

export type MetaLookup = (key: string) => string | null;

export function findPublishedAt(document: DomDocument, ld: JsonObject | null, url: string, meta: MetaLookup): string | null {
  const graph = allJsonLd(document);
  const candidates: Array<() => string | null> = [
    () => stringField(ld, 'datePublished'),
    ...DATE_META.map((key) => () => meta(key)),
    () => microdata(document, 'datepublished'),
    () => firstField(graph, 'datePublished'),
    () => timeElement(document),
    () => stringField(ld, 'dateCreated'),
    () => dateInUrl(url),
    () => headerDate(document),
    () => stringField(ld, 'dateModified') ?? firstField(graph, 'dateModified'),
    ...MODIFIED_META.map((key) => () => meta(key)),
    () => microdata(document, 'datemodified'),
  ];
  for (const candidate of candidates) {
    const iso = isoDate(candidate());
    if (iso) return iso;
  }
  return null;
}

function firstField(objects: JsonObject[], key: string): string | null {
  for (const object of objects) {
    const value = stringField(object, key);
    if (value) return value;
  }
  return null;
}

/** linkedom keeps attribute names as written (React writes itemProp, dateTime), so read both spellings. */
function attribute(el: DomElement, name: string): string | null {
  return getAttr(el, name) ?? getAttr(el, name === 'datetime' ? 'dateTime' : name === 'itemprop' ? 'itemProp' : name);
}

/** Selectors cannot see camel-cased attribute names in linkedom, hence the scan over likely carriers. */
function microdata(document: DomDocument, prop: string): string | null {
  for (const el of [...all(document, '[itemprop]'), ...all(document, 'meta, time, span, div')]) {
    if (attribute(el, 'itemprop')?.toLowerCase() !== prop) continue;
    const value = collapse(getAttr(el, 'content') ?? attribute(el, 'datetime') ?? textContent(el));
    if (value) return value;
  }
  return null;
}

function timeElement(document: DomDocument): string | null {
  const times = all(document, 'time');
  const marked = times.find((t) => getAttr(t, 'pubdate') !== null) ?? times.find((t) => closest(t, 'article')) ?? times[0];
  return marked ? collapse(attribute(marked, 'datetime')) || null : null;
}

/** /2024/03/15/, /2024-03-15-, /20240315/ in the path. */
export function dateInUrl(url: string): string | null {
  const match = /\/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/\-_.]|$)/.exec(url);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** How far around the <h1> a header date may sit (characters of text): bylines and "5 min read" lines run
 *  to a few hundred; past ~600 we are in the body, where dates are about the story, not the page. */
const HEADER_WINDOW = 600;
/** Ancestors of the <h1> searched, nearest first: headers wrap the h1 in up to ~5 layouts' divs. */
const HEADER_LEVELS = 6;

/** A date written out near the headline ("August 16, 2019", "Last updated: Dec 12, 2025", "12.12.2025"),
 *  else in an element whose class says it holds the date. */
export function headerDate(document: DomDocument): string | null {
  const h1 = all(document, 'h1')[0];
  const headline = h1 ? visibleText(h1) : '';
  let scope = (h1 ? parentElement(h1) : null);
  for (let level = 0; scope && headline && level < HEADER_LEVELS; level++, scope = parentElement(scope)) {
    const text = visibleText(scope);
    const at = Math.max(0, text.indexOf(headline));
    const found = textDate(text.slice(Math.max(0, at - HEADER_WINDOW), at + headline.length + HEADER_WINDOW));
    if (found) return found;
  }
  for (const el of all(document, 'time, [class*=date], [class*=Date], [class*=published], [class*=meta]').slice(0, 30)) {
    const found = textDate(visibleText(el).slice(0, 200));
    if (found) return found;
  }
  return null;
}

/** Text as a reader sees it: without <script>/<style>, blocks separated by a space. */
function visibleText(root: DomElement): string {
  const out: string[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0 && out.length < 20_000) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      out.push(textContent(node) ?? '');
      continue;
    }
    const tag = tagOf(node);
    if (tag === 'script' || tag === 'style' || tag === 'svg' || tag === 'noscript') continue;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return collapse(out.join(' '));
}

const MONTHS: Record<string, number> = {};
[
  'january february march april may june july august september october november december',
  'jan feb mar apr may jun jul aug sep oct nov dec',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
].forEach((line) => line.split(' ').forEach((name, i) => (MONTHS[name] ??= i + 1)));
MONTHS.sept = 9;

const NAME = '([A-Za-zÀ-ÿ]{3,10})\\.?';
const TEXT_DATES: Array<[RegExp, (m: RegExpExecArray) => [string, string, string]]> = [
  [new RegExp(`\\b${NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'u'), (m) => [m[3]!, m[1]!, m[2]!]],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?${NAME},?\\s+(?:de\\s+)?((?:19|20)\\d\\d)\\b`, 'u'), (m) => [m[3]!, m[2]!, m[1]!]],
  [/\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b/, (m) => [m[1]!, m[2]!, m[3]!]],
  // Day first with dots, as Europe writes it (12.12.2025); slashes stay out: 03/04 is ambiguous.
  [/\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b/, (m) => [m[3]!, m[2]!, m[1]!]],
];

/** The first written date in `text`, as YYYY-MM-DD; month names in en, es, fr, de, it, pt. */
export function textDate(text: string): string | null {
  let best: { at: number; day: string } | null = null;
  for (const [pattern, parts] of TEXT_DATES) {
    const match = pattern.exec(text);
    if (!match || (best && match.index >= best.at)) continue;
    const [year, month, day] = parts(match);
    const m = /^\d+$/.test(month) ? Number(month) : MONTHS[month.toLowerCase()];
    const d = Number(day);
    if (!m || m > 12 || d < 1 || d > 31) continue;
    best = { at: match.index, day: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
  }
  return best?.day ?? null;
}

/** ISO 8601 in UTC, or null for text that is no plausible publication date (before 1990 or in the future).
 *  A date without a time ("2024-03-15") stays on its day (midnight UTC). */
export function isoDate(value: string | null | undefined): string | null {
  const text = collapse(value);
  if (!text || !/\d{4}|\d{1,2}[ ./-]\d{1,2}/.test(text)) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  if (year < 1990 || time > Date.now() + 2 * 86_400_000) return null;
  return new Date(time).toISOString();
}
