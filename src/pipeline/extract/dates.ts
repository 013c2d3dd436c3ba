/**
 * The publication date. Each source is read separately (dateEvidence), then one order of trust picks
 * (chooseDate):
 *   1. on a page that declares no publication, a day its text says it was "originally published";
 *   2. a header date labelled as the publication ("Published March 9, 2026", "Posted on ..."); else an
 *      unlabelled header date earlier than a declared publication the CMS re-stamps (one no earlier
 *      than the declared modification);
 *   3. the declared publication: JSON-LD Article datePublished → <meta> (article:published_time...) →
 *      microdata → any JSON-LD node's datePublished (Yoast puts it on the WebPage of an @graph);
 *   4. <time datetime> (not one in a teaser card) → dateCreated → a date in the URL → the first date
 *      written near the <h1> (or in the byline block around an author link);
 *   5. the declared modification (a page that only says when it was updated); the caller then falls
 *      back to the feed's date.
 * Dates keep the offset the page wrote, so a story posted at 23:30 in New York stays on its day.
 * On shared/data/wcxb-dev-articles (588 pages with a true date; 520 right on 2026-11-27) the 68 misses
 * left are: 27 pages whose truth is the shown "Updated" date (or an unlabelled one equal to dateModified)
 * while 26 pages with the same kind of markup have the declared publication as truth, so no rule
 * separates them; 33 whose true date is nowhere in the HTML (most saved without their scripts); 3 where
 * the truth takes the UTC day of a stamp on one page and the local day on another; 4 single cases; and
 * one page with no article body (`npx tsx bench/extract-misses.ts --full --why` lists them).
 */
import { TEXT_NODE, collapse, textOf, type DomDocument, type DomElement, type DomNode, getAttr, textContent, isInside, parentElement, tagOf, childrenOf } from './dom.js';
import { all, attr, closest, matches } from './select.js';
import { allJsonLd, stringField, type JsonObject } from './jsonld.js';

const DATE_META = [
  'article:published_time', 'datepublished', 'og:published_time', 'og:article:published_time', 'og:publish_date', 'pubdate',
  'publishdate', 'publish-date', 'publish_date', 'published-date', 'date-pub', 'date', 'dc.date.issued', 'dc.date',
  'dcterms.created', 'dcterms.issued', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'cxenseparse:publishtime',
  'article.published', 'cludo:date', 'w-published-date', 'published', 'publication_date', 'pub_date', 'date.published',
  'article:published', 'citation_publication_date', 'citation_date', 'citation_online_date',
];
const MODIFIED_META = ['article:modified_time', 'og:article:modified_time', 'og:updated_time', 'datemodified', 'modified-time', 'dcterms.modified', 'last-modified'];

export type MetaLookup = (key: string) => string | null;

/** What a page says about its date, each source read separately (ISO strings keeping the page's offset). */
export interface DateEvidence {
  /** Declared publication: JSON-LD Article datePublished → <meta> → microdata → any JSON-LD node. */
  published: string | null;
  /** Declared last modification (JSON-LD dateModified, article:modified_time...). */
  modified: string | null;
  created: string | null;
  /** <time datetime> of the article (pubdate, else inside <article>, else the first outside a teaser card). */
  time: string | null;
  url: string | null;
  /** Dates written near the headline, in reading order. */
  shown: ShownDate[];
  /** A day the text says the page was first published ("originally published on 26 Sep 2019"), read
   *  only on pages that declare no publication. */
  original: string | null;
}

export function findPublishedAt(document: DomDocument, ld: JsonObject | null, url: string, meta: MetaLookup): string | null {
  return chooseDate(dateEvidence(document, ld, url, meta));
}

export function dateEvidence(document: DomDocument, ld: JsonObject | null, url: string, meta: MetaLookup): DateEvidence {
  const graph = allJsonLd(document);
  const firstDate = (candidates: Array<() => string | null>): string | null => {
    for (const candidate of candidates) {
      const iso = isoDate(candidate());
      if (iso) return iso;
    }
    return null;
  };
  const published = firstDate([
    () => stringField(ld, 'datePublished'),
    ...DATE_META.map((key) => () => meta(key)),
    () => microdata(document, 'datepublished'),
    () => firstField(graph, 'datePublished'),
  ]);
  return {
    published,
    modified: firstDate([
      () => stringField(ld, 'dateModified') ?? firstField(graph, 'dateModified'),
      ...MODIFIED_META.map((key) => () => meta(key)),
      () => microdata(document, 'datemodified'),
    ]),
    created: firstDate([() => stringField(ld, 'dateCreated')]),
    time: firstDate([() => timeElement(document)]),
    url: firstDate([() => dateInUrl(url)]),
    shown: headerDates(document, monthFirst(document)),
    original: published ? null : originalDay(document, monthFirst(document)),
  };
}

/** On a page that declares no publication, the day its text says it was originally published →
 *  a date the header labels as the publication ("Published March 9, 2026", "Posted on...") → an
 *  unlabelled header day earlier than a re-stamped declared publication → declared publication →
 *  <time> → dateCreated → URL → the first date in the header → declared modification.
 *  A labelled header date outranks the declared one because it is what the reader is told (on
 *  shared/data/wcxb-dev-articles the two disagree on 4 pages and the label is right on 3). */
export function chooseDate(evidence: DateEvidence): string | null {
  const { published, time, created, url, shown, modified, original } = evidence;
  if (!published && original) return sameDay(original, [time, url, created]);
  const labelled = shown.find((found) => found.kind === 'published')?.day;
  if (labelled) return sameDay(labelled, [published, time, url]);
  const header = shown.find((found) => found.kind === 'plain')?.day;
  if (published && header && isRestamped(published, modified) && header < earliestDay(published)) return sameDay(header, [time, url, created]);
  return published ?? time ?? created ?? url ?? isoDate(shown[0]?.day) ?? modified;
}

/** The first stamp written on `day` (it keeps the time and offset), else the day itself. */
function sameDay(day: string, stamps: Array<string | null>): string | null {
  return stamps.find((iso) => iso?.startsWith(day)) ?? isoDate(day);
}

/** A declared publication with no later modification beside it (none declared, the same day, or even
 *  before it) may be a stamp the CMS rewrites at every save or migration; a header showing an earlier
 *  day then shows the first publication (a page cannot show a publication before it happened). On
 *  shared/data/wcxb-dev-articles this fires on 8 pages and the header's day is the truth on all 8; on
 *  aeb it fires once (a byline dated the day before a re-saved stamp). */
function isRestamped(published: string, modified: string | null): boolean {
  return modified === null || modified.slice(0, 10) <= published.slice(0, 10);
}

/** The earliest calendar day an instant falls on in any time zone (UTC-12): a header day before it
 *  cannot be the same moment shown in the reader's zone. */
function earliestDay(iso: string): string {
  return new Date(Date.parse(iso) - 12 * 3_600_000).toISOString().slice(0, 10);
}

/** 03/04/2025 is March 4 in US English (and on pages that do not say their language), 3 April elsewhere. */
function monthFirst(document: DomDocument): boolean {
  const lang = (attr(document, 'html', 'lang') ?? '').toLowerCase();
  return lang === '' || lang === 'en' || lang === 'en-us';
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
function timeElement(document: DomDocument): string | null {
  const times = all(document, 'time');
  const h1 = all(document, 'h1')[0] ?? null;
  const inTeaser = (time: DomElement): boolean => isTeaser(closest(time, 'article'), h1);
  const marked = times.find((t) => getAttr(t, 'pubdate') !== null) ?? times.find((t) => closest(t, 'article') && !inTeaser(t)) ?? times.find((t) => !inTeaser(t));
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

/** /2024/03/15/, /2024-03-15-, /20240315/, /2023/october/03/ in the path. */
export function dateInUrl(url: string): string | null {
  const match = /\/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/\-_.+]|$)/.exec(url);
  if (match) return `${match[1]}-${match[2]}-${match[3]}`;
  const named = /\/((?:19|20)\d\d)\/([a-z]{3,9})\/(0?[1-9]|[12]\d|3[01])(?=\/|$)/i.exec(url);
  const month = named ? MONTHS[named[2]!.toLowerCase()] : undefined;
  return named && month ? `${named[1]}-${String(month).padStart(2, '0')}-${named[3]!.padStart(2, '0')}` : null;
}

/** How far around the <h1> a header date may sit (characters of text): bylines and "5 min read" lines run
 *  to a few hundred; past ~600 we are in the body, where dates are about the story, not the page. */
const HEADER_WINDOW = 600;
/** Ancestors of the <h1> searched, nearest first: headers wrap the h1 in up to ~5 layouts' divs. */
const HEADER_LEVELS = 6;

/** A date the reader sees, with what its label says it is ("Published", "Updated", or nothing). */
export interface ShownDate {
  day: string;
  kind: 'published' | 'updated' | 'plain';
}

/** Dates written out near the headline ("August 16, 2019", "Last updated: Dec 12, 2025", "12.12.2025"):
 *  1. from the nearest ancestor of the <h1> that shows any;
 *  2. else in elements whose tag or class says they hold one;
 *  3. else in the byline block around an author link;
 *  4. else one labelled date anywhere ("Last updated: November 13, 2025" under the text). */
export function headerDates(document: DomDocument, monthFirst = true): ShownDate[] {
  return nearHeadline(document, monthFirst) ?? inCarriers(document, monthFirst) ?? inBylineBlock(document, monthFirst) ?? labelledAnywhere(document, monthFirst);
}

function nearHeadline(document: DomDocument, monthFirst: boolean): ShownDate[] | null {
  const h1 = all(document, 'h1')[0];
  const headline = h1 ? visibleText(h1) : '';
  let scope = h1 ? parentElement(h1) : null;
  for (let level = 0; scope && headline && level < HEADER_LEVELS; level++, scope = parentElement(scope)) {
    const text = visibleText(scope);
    const at = Math.max(0, text.indexOf(headline));
    const found = labelledDates(text.slice(Math.max(0, at - HEADER_WINDOW), at + headline.length + HEADER_WINDOW), monthFirst);
    if (found.length > 0) return found;
  }
  return null;
}

function inCarriers(document: DomDocument, monthFirst: boolean): ShownDate[] | null {
  let carriers = 0;
  for (const el of matches(document, DATE_CARRIERS)) {
    if (carriers++ >= 30) break;
    const found = labelledDates(visibleText(el).slice(0, 200), monthFirst);
    if (found.length > 0) return found;
  }
  return null;
}

/** Links to an author's page: the byline, wherever the layout puts it (some put it under the text). */
const AUTHOR_LINKS = 'a[rel~=author], a[href*="/author/"], a[href*="/authors/"]';
/** A byline block ("Written by Jane Roe" and the date on the next line) stays under ~200 characters;
 *  a bigger parent is the author box or the article. */
const BYLINE_CHARS = 200;

/** The date beside an author link: in its parent or grandparent, while they stay byline-sized. */
function inBylineBlock(document: DomDocument, monthFirst: boolean): ShownDate[] | null {
  let links = 0;
  for (const link of matches(document, AUTHOR_LINKS)) {
    if (links++ >= 10) break;
    let block = parentElement(link);
    for (let level = 0; block && level < 2; level++, block = parentElement(block)) {
      const text = visibleText(block);
      if (text.length > BYLINE_CHARS) break;
      const found = labelledDates(text, monthFirst);
      if (found.length > 0) return found;
    }
  }
  return null;
}

/** "Originally published on", "first posted": the first publication of a page updated or republished since. */
const ORIGINAL_LABEL = /\b(originally|first) (published|posted)\b|\b(publicad[oa]|publié|publiée) (originalmente|initialement)\b|\bursprünglich veröffentlicht\b|\boriginariamente pubblicat[oa]\b/giu;
/** How far after its label the date may sit ("originally published in The Conversation on 4 May 2021"). */
const ORIGINAL_REACH = 60;

/** The day the page's text says it was first published, anywhere in the body. */
function originalDay(document: DomDocument, monthFirst: boolean): string | null {
  const body = all(document, 'body')[0];
  const text = body ? visibleText(body) : '';
  for (const label of text.matchAll(ORIGINAL_LABEL)) {
    const end = label.index + label[0].length;
    const day = textDate(text.slice(end, end + ORIGINAL_REACH), monthFirst);
    if (day) return day;
  }
  return null;
}

/** One date anywhere that says what it is; a label needs one of ANY_LABEL's words, and most pages have none. */
function labelledAnywhere(document: DomDocument, monthFirst: boolean): ShownDate[] {
  const body = all(document, 'body')[0];
  const text = body ? visibleText(body) : '';
  if (!ANY_LABEL.test(text)) return [];
  return labelledDates(text, monthFirst).filter((found) => found.kind !== 'plain').slice(0, 1);
}

/** Elements whose tag or class says they hold a date (or the byline line that usually carries it). */
const DATE_CARRIERS = 'time, [class*=date], [class*=Date], [class*=published], [class*=ublication], [class*=timestamp], [class*=meta], [class*=byline], [class*=author]';

export function headerDate(document: DomDocument): string | null {
  return headerDates(document)[0]?.day ?? null;
}

const UPDATED_LABEL = /\b(updated|modified|revised|reviewed|actualizad[oa]|atualizad[oa]|mis à jour|mise à jour|aktualisiert|aggiornat[oa]|bijgewerkt)\b[^\d]{0,20}$/iu;
const PUBLISHED_LABEL = /\b(published|posted|publicad[oa]|publié|publiée|veröffentlicht|pubblicat[oa]|gepubliceerd)\b[^\d]{0,20}$/iu;

/** The label words of UPDATED_LABEL and PUBLISHED_LABEL anywhere (a quick test before the dates are read). */
const ANY_LABEL = /\b(updated|modified|revised|reviewed|actualizad[oa]|atualizad[oa]|mis à jour|mise à jour|aktualisiert|aggiornat[oa]|bijgewerkt|published|posted|publicad[oa]|publié|publiée|veröffentlicht|pubblicat[oa]|gepubliceerd)\b/iu;

/** Written dates with the label just before each (after the previous date, at most 40 characters). */
function labelledDates(text: string, monthFirst: boolean): ShownDate[] {
  let from = 0;
  return writtenDates(text, monthFirst).map(({ at, end, day }) => {
    const label = text.slice(Math.max(from, at - 40), at);
    from = end;
    const kind = UPDATED_LABEL.test(label) ? 'updated' : PUBLISHED_LABEL.test(label) ? 'published' : 'plain';
    return { day, kind };
  });
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
type Parts = (m: RegExpExecArray, monthFirst: boolean) => [string, string, string];
const TEXT_DATES: Array<[RegExp, Parts]> = [
  [new RegExp(`\\b${NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'gu'), (m) => [m[3]!, m[1]!, m[2]!]],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?${NAME},?\\s+(?:de\\s+)?((?:19|20)\\d\\d)\\b`, 'gu'), (m) => [m[3]!, m[2]!, m[1]!]],
  // Year first; a time may follow without a space (2022-11-23T08:10).
  [/\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g, (m) => [m[1]!, m[2]!, m[3]!]],
  // Day first with dots, as Europe writes it (12.12.2025).
  [/\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b/g, (m) => [m[3]!, m[2]!, m[1]!]],
  // Slashes: a part above 12 is the day; otherwise the page's convention (month first in US English).
  [/\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)\b/g, (m, monthFirst) => {
    const dayFirst = Number(m[1]) > 12 || (!monthFirst && Number(m[2]) <= 12);
    return dayFirst ? [m[3]!, m[2]!, m[1]!] : [m[3]!, m[1]!, m[2]!];
  }],
];

/** The first written date in `text`, as YYYY-MM-DD; month names in en, es, fr, de, it, pt. */
export function textDate(text: string, monthFirst = true): string | null {
  return textDates(text, monthFirst)[0] ?? null;
}

/** Every written date in `text`, in order, as YYYY-MM-DD. */
export function textDates(text: string, monthFirst = true): string[] {
  return writtenDates(text, monthFirst).map((found) => found.day);
}

function writtenDates(text: string, monthFirst: boolean): Array<{ at: number; end: number; day: string }> {
  const found: Array<{ at: number; end: number; day: string }> = [];
  for (const [pattern, parts] of TEXT_DATES) {
    for (const match of text.matchAll(pattern)) {
      const [year, month, day] = parts(match, monthFirst);
      const m = /^\d+$/.test(month) ? Number(month) : MONTHS[month.toLowerCase()];
      const d = Number(day);
      if (!m || m > 12 || d < 1 || d > 31) continue;
      found.push({ at: match.index, end: match.index + match[0].length, day: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` });
    }
  }
  return found.sort((x, y) => x.at - y.at);
}

/** Earliest plausible publication (the web news era); later than two days ahead is a wrong field. */
const EARLIEST_MS = Date.UTC(1990, 0, 1);
const AHEAD_MS = 2 * 86_400_000;

/** "2025-09-04", "2025-09-04T23:30", "2025-09-04 23:30:00.5 -04:00", "...Z": parts of an ISO-like stamp. */
const ISO_LIKE = /^(\d{4})-(\d\d)-(\d\d)(?:[T\s]+(\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d\d(?::?\d\d)?)?$/i;
/** A zone after a time of day ("19:24:33 -0400", "10:00 GMT"); "03-09-2026" ends in no zone. */
const ZONE_AT_END = /\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d\d:?\d\d)$/i;

/** ISO 8601 with the offset the page wrote (so the date stays on the page's own day: a story posted at
 *  23:30 in New York is dated that day, not the next one in UTC), or null for text that is no plausible
 *  publication date (before 1990 or in the future). A stamp without a zone is read as UTC wall time, so
 *  "2024-03-15" stays on its day whatever the machine's zone. */
export function isoDate(value: string | null | undefined): string | null {
  const text = collapse(value);
  if (!text || !/\d{4}|\d{1,2}[ ./-]\d{1,2}/.test(text)) return null;
  const iso = ISO_LIKE.exec(text);
  if (iso) return plausible(fromIsoParts(iso));
  const zone = ZONE_AT_END.exec(text)?.[1];
  const time = Date.parse(zone ? text : `${text} UTC`) || Date.parse(text);
  if (Number.isNaN(time)) return null;
  return plausible(withOffset(time, zone ? offsetMinutes(zone) : 0));
}

function fromIsoParts(m: RegExpExecArray): string | null {
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone] = m;
  const ms = frac.padEnd(3, '0').slice(0, 3);
  const offset = offsetMinutes(zone ?? 'Z');
  const text = `${y}-${mo}-${d}T${h}:${mi}:${sec}.${ms}${offsetText(offset)}`;
  const time = Date.parse(text);
  if (Number.isNaN(time) || new Date(time - offset * -60_000).getUTCDate() !== Number(d)) return null; // 2025-02-30
  return text;
}

function plausible(iso: string | null): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return time >= EARLIEST_MS && time <= Date.now() + AHEAD_MS ? iso : null;
}

/** "+02:00", "-0400", "+05", "Z", "UTC" → minutes east of UTC. */
function offsetMinutes(zone: string): number {
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The instant written as wall time at `minutes` east of UTC. */
function withOffset(time: number, minutes: number): string {
  return new Date(time + minutes * 60_000).toISOString().replace('Z', offsetText(minutes));
}
