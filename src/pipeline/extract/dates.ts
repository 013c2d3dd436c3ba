/**
 * The publication date. Each source is read separately (dateEvidence), then one order of trust picks
 * (chooseDate). Of declared publications that disagree (the Article's JSON-LD, a page <meta>, another
 * JSON-LD node) the latest counts, the others having been left behind when the story was re-dated;
 * then:
 *   1. on a page that declares no publication, a day its text says it was "originally published";
 *   2. a header date labelled as the publication ("Published March 9, 2026", "Posted on ..."); else an
 *      unlabelled header date earlier than a declared publication the CMS re-stamps (one no earlier
 *      than the declared modification);
 *   3. on a page that declares its publication only as schema.org data (no article:published_time or
 *      kin), a later header day labelled "Updated" or equal to the declared modification: the revision
 *      a guide presents itself as of;
 *   4. the URL's day when the declared instant falls on it in the page's own zone;
 *   5. the declared publication: JSON-LD Article datePublished → <meta> (article:published_time...) →
 *      microdata → any JSON-LD node's datePublished (Yoast puts it on the WebPage of an @graph);
 *   6. <time datetime> (not one in a teaser card) → dateCreated → a date in the URL → the first date
 *      written near the <h1> (or in the byline block around an author link);
 *   7. the declared modification (a page that only says when it was updated); the caller then falls
 *      back to the feed's date.
 * Sources by file: date-declared.ts (JSON-LD, <meta>, microdata, <time>), date-shown.ts (header, byline and
 * labelled text dates), date-url.ts, date-text.ts (written dates), date-iso.ts (stamps with their offset).
 * Dates keep the offset the page wrote, so a story posted at 23:30 in New York stays on its day.
 * On shared/data/wcxb-dev-articles (588 pages with a true date; 543 right on 2026-11-27) the 45 misses
 * left are: 26 whose true date is nowhere in the HTML (we give the shown "Updated" day, the declared
 * modification or nothing); 5 whose truth is the shown "Updated" day while a <meta> states the
 * publication (on 30 pages of the same shape the publication is the truth); 2 whose truth is the
 * publication declared only as schema.org data under an "Updated" header (20 such pages go the other
 * way); 4 whose truth is a teaser card's date; 3 whose truth is the UTC day where the page shows its
 * local day (13 pages take the local day); 5 single cases, one of them a page with no article body
 * (`npx tsx bench/extract-misses.ts --field date --full --why` lists them).
 */
import type { DomDocument } from './dom.js';
import type { JsonObject } from './jsonld.js';
import { isoDate } from './date-iso.js';
import { monthFirst } from './date-text.js';
import { dateInUrl } from './date-url.js';
import { declaredDates, firstDate, timeElement, type MetaLookup } from './date-declared.js';
import { headerDates, originalDay, type ShownDate } from './date-shown.js';

export { isoDate } from './date-iso.js';
export { textDate, textDates } from './date-text.js';
export { dateInUrl } from './date-url.js';
export { headerDate, headerDates, type ShownDate } from './date-shown.js';
export type { MetaLookup } from './date-declared.js';

/** What a page says about its date, each source read separately (ISO strings keeping the page's offset). */
export interface DateEvidence {
  /** Declared publication: JSON-LD Article datePublished → <meta> → microdata → any JSON-LD node. */
  published: string | null;
  /** Declared last modification (JSON-LD dateModified, article:modified_time...). */
  modified: string | null;
  created: string | null;
  /** The publication a page <meta> states (article:published_time...), apart from schema.org data. */
  metaPublished: string | null;
  /** The first datePublished of any JSON-LD node (Yoast's WebPage in an @graph beside the Article). */
  graphPublished: string | null;
  /** <time datetime> of the article (pubdate, else inside <article>, else the first outside a teaser card). */
  time: string | null;
  url: string | null;
  /** Dates written near the headline, in reading order. */
  shown: ShownDate[];
  /** A day the text says the page was first published ("originally published on 26 Sep 2019"), read
   *  only on pages that declare no publication. */
  original: string | null;
}

export function findPublishedAt(
  document: DomDocument,
  ld: JsonObject | null,
  url: string,
  meta: MetaLookup,
): string | null {
  return chooseDate(dateEvidence(document, ld, url, meta));
}

export function dateEvidence(
  document: DomDocument,
  ld: JsonObject | null,
  url: string,
  meta: MetaLookup,
): DateEvidence {
  const { published, modified, created, metaPublished, graphPublished } = declaredDates(document, ld, meta);
  return {
    published,
    modified,
    created,
    metaPublished,
    graphPublished,
    time: firstDate([() => timeElement(document)]),
    url: firstDate([() => dateInUrl(url)]),
    shown: headerDates(document, monthFirst(document)),
    original: published ? null : originalDay(document, monthFirst(document)),
  };
}

/** The order of trust, as numbered in the comment at the top of this file. A labelled header date
 *  outranks the declared one because it is what the reader is told (on shared/data/wcxb-dev-articles
 *  the two disagree on 4 pages and the label is right on 3). */
export function chooseDate(evidence: DateEvidence): string | null {
  const { time, created, url, shown, modified, original, metaPublished } = evidence;
  const published = laterStamp(laterStamp(evidence.published, metaPublished), evidence.graphPublished); // the re-dated one
  if (!published && original) return sameDay(original, [time, url, created]);
  const labelled = shown.find((found) => found.kind === 'published')?.day;
  if (labelled) return sameDay(labelled, [published, time, url]);
  const header = shown.find((found) => found.kind === 'plain')?.day;
  if (published && header && isRestamped(published, modified) && header < earliestDay(published))
    return sameDay(header, [time, url, created]);
  const revised = revisionShown(evidence);
  if (revised) return sameDay(revised, [modified, time, url]);
  const local = url && published ? localDay(published, url.slice(0, 10)) : null;
  if (local) return sameDay(local, [time, modified, created]);
  return published ?? time ?? created ?? url ?? isoDate(shown[0]?.day) ?? modified;
}

/** The day the header presents the page as of, over a publication declared only for search engines:
 *  the header's first date is later than the declared publication and is labelled "Updated" or is the
 *  declared modification's day, and no page <meta> states the publication (article:published_time
 *  and kin), only schema.org data (JSON-LD, microdata). Guides revised in place (SEO-plugin markup)
 *  are dated by their last revision; where article:published_time is written, the publication stays.
 *  On shared/data/wcxb-dev-articles (2026-11-27) the shown day is the truth on 20 such pages and the
 *  declared publication on 2; where a <meta> states the publication, it is the truth on 30 of 37. */
function revisionShown({ published, metaPublished, modified, shown }: DateEvidence): string | null {
  const first = shown[0];
  if (!published || metaPublished || !first || first.day <= published.slice(0, 10)) return null;
  return first.kind === 'updated' || (first.kind === 'plain' && first.day === modified?.slice(0, 10))
    ? first.day
    : null;
}

/** Declarations of the publication that disagree (the Article's JSON-LD against article:published_time,
 *  or against another JSON-LD node such as Yoast's WebPage): one was left behind when the story was
 *  re-dated or re-saved, and it is the earlier. On shared/data/wcxb-dev-articles (2026-11-27) they
 *  disagree on 5 pages: the latest is the truth on 4, the 5th takes a header label. */
function laterStamp(first: string | null, other: string | null): string | null {
  if (!first || !other) return first ?? other;
  return Date.parse(other) > Date.parse(first) && other.slice(0, 10) !== first.slice(0, 10) ? other : first;
}

/** The URL's day when it differs from the declared publication's day but the instant falls on it in
 *  some zone (UTC-12 to UTC+14): the page writes its own local day there, the declaration is in UTC
 *  (a story posted at 19:05 in California on the 18th, declared 03:05Z on the 19th). */
function localDay(published: string, urlDay: string): string | null {
  if (published.startsWith(urlDay)) return null;
  const latest = new Date(Date.parse(published) + 14 * 3_600_000).toISOString().slice(0, 10);
  return urlDay >= earliestDay(published) && urlDay <= latest ? urlDay : null;
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
