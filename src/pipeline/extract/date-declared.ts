/**
 * The dates a page declares for machines: JSON-LD (the Article, then any node of an @graph), <meta>
 * names, microdata, and the article's <time datetime>.
 */
import { collapse, textOf, type DomDocument, type DomElement, getAttr, isInside } from './dom.js';
import { all, closest } from './select.js';
import { allJsonLd, stringField, type JsonObject } from './jsonld.js';
import { isoDate } from './date-iso.js';

const DATE_META = [
  'article:published_time',
  'datepublished',
  'og:published_time',
  'og:article:published_time',
  'og:publish_date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published-date',
  'date-pub',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'dcterms.issued',
  'dcterms.date',
  'sailthru.date',
  'parsely-pub-date',
  'cxenseparse:publishtime',
  'article.published',
  'cludo:date',
  'w-published-date',
  'published',
  'publication_date',
  'pub_date',
  'date.published',
  'article:published',
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
];
/** The <meta> names of DATE_META that are not schema.org's own datePublished (written as <meta
 *  itemprop=datePublished> beside the JSON-LD by the same plugins). */
const PAGE_META = DATE_META.filter((key) => key !== 'datepublished');
const MODIFIED_META = [
  'article:modified_time',
  'og:article:modified_time',
  'og:updated_time',
  'datemodified',
  'modified-time',
  'dcterms.modified',
  'last-modified',
];

export type MetaLookup = (key: string) => string | null;

/** The declared publication, modification and creation (ISO strings keeping the page's offset). */
export interface DeclaredDates {
  /** JSON-LD Article datePublished → <meta> → microdata → any JSON-LD node's datePublished. */
  published: string | null;
  /** JSON-LD dateModified (the Article, else any node) → <meta> → microdata. */
  modified: string | null;
  /** JSON-LD Article dateCreated. */
  created: string | null;
  /** The publication a page <meta> states (article:published_time and kin), apart from schema.org
   *  data (JSON-LD, microdata, <meta name=datePublished>); null when only schema.org declares one. */
  metaPublished: string | null;
  /** The first datePublished of any JSON-LD node (Yoast's WebPage in an @graph beside the Article). */
  graphPublished: string | null;
}

export function declaredDates(document: DomDocument, ld: JsonObject | null, meta: MetaLookup): DeclaredDates {
  const graph = allJsonLd(document);
  const published = firstDate([
    () => stringField(ld, 'datePublished'),
    ...DATE_META.map((key) => () => meta(key)),
    () => microdata(document, 'datepublished'),
    () => firstField(graph, 'datePublished'),
  ]);
  return {
    published,
    metaPublished: published && firstDate(PAGE_META.map((key) => () => meta(key))),
    graphPublished: published && firstDate([() => firstField(graph, 'datePublished')]),
    modified: firstDate([
      () => stringField(ld, 'dateModified') ?? firstField(graph, 'dateModified'),
      ...MODIFIED_META.map((key) => () => meta(key)),
      () => microdata(document, 'datemodified'),
    ]),
    created: firstDate([() => stringField(ld, 'dateCreated')]),
  };
}

/** The first candidate that reads as a plausible date. */
export function firstDate(candidates: Array<() => string | null>): string | null {
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

/** itemprop=datePublished and its kin (htmlparser2 lower-cases attribute names, so React's itemProp and
 *  dateTime are found as itemprop and datetime). */
function microdata(document: DomDocument, prop: string): string | null {
  for (const el of all(document, '[itemprop]')) {
    if (getAttr(el, 'itemprop')?.toLowerCase() !== prop) continue;
    const value = collapse(getAttr(el, 'content') ?? getAttr(el, 'datetime') ?? textOf(el, 100));
    if (value) return value;
  }
  return null;
}

/** The article's <time>: marked pubdate, else inside an <article> that holds a story, else the first
 *  outside a teaser card. */
export function timeElement(document: DomDocument): string | null {
  const times = all(document, 'time');
  const h1 = all(document, 'h1')[0] ?? null;
  const inTeaser = (time: DomElement): boolean => isTeaser(closest(time, 'article'), h1);
  const marked =
    times.find((t) => getAttr(t, 'pubdate') !== null) ??
    times.find((t) => closest(t, 'article') && !inTeaser(t)) ??
    times.find((t) => !inTeaser(t));
  return marked ? collapse(getAttr(marked, 'datetime')) || null : null;
}

/** An <article> without the page's headline and with less text than this is a teaser card (headline,
 *  date, a line of summary) that dates another story: related and latest-news lists wrap each item in
 *  one. The headline's own <article> is the story, however short. */
const TEASER_CHARS = 1000;

function isTeaser(card: DomElement | null, h1: DomElement | null): boolean {
  if (!card || (h1 && isInside(h1, card))) return false;
  return textOf(card, 4 * TEASER_CHARS).length < TEASER_CHARS; // raw text runs longer than collapsed
}
