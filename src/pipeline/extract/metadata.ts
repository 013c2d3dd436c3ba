/**
 * Page metadata, read before anything is removed: each field from the most explicit source down to the
 * least (JSON-LD and Open Graph, then microdata and markup, then the URL, then the feed's hints).
 */
import type { ExtractHints } from '../../model.js';
import { collapse, textOf, type DomDocument, getAttr } from './dom.js';
import { all, attr, first } from './select.js';
import { articleJsonLd, isObject, namesField, stringField, type JsonObject } from './jsonld.js';
import { findTitle } from './title.js';
import { findImage, type LeadImage } from './image.js';
import { absoluteUrl } from '../sanitize/index.js';
import { findPublishedAt, isoDate } from './dates.js';
import { findByline } from './authors.js';
import { findSection } from './section.js';

export { isoDate } from './dates.js';

export interface Metadata {
  title: string | null;
  /** The standfirst as marked up on the page (.standfirst, .sumario, .chapo...). */
  standfirst: string | null;
  /** og:description / JSON-LD description / meta description: a subtitle unless it is the body's opening. */
  description: string | null;
  byline: string | null;
  publishedAt: string | null;
  languageHint: string | null;
  site: string;
  canonicalUrl: string;
  image: LeadImage;
  tags: string[];
  /** The publisher's section (section.ts). */
  section: string | null;
  /** The page says it is an article (og:type article, JSON-LD Article, a publication date). */
  declaresArticle: boolean;
  /** JSON-LD articleBody as written (lines kept): the body of pages whose HTML is a script shell. */
  articleBody: string | null;
  /** CSS selectors of the parts JSON-LD marks as not free (hasPart.cssSelector of a paywall): on the page
   *  served to us they hold the story, so nothing removes them (paywall.ts). */
  paywalledSelectors: string[];
}

export function readMetadata(document: DomDocument, url: string, hints: ExtractHints): Metadata {
  const ld = articleJsonLd(document);
  const site = findSite(document, ld, url);
  const canonicalUrl = findCanonical(document, url);
  const publishedAt = findPublishedAt(document, ld, url, (key) => meta(document, key)) ?? isoDate(hints.publishedAt);
  return {
    title: findTitle(document, ld, site, hostOf(url)) ?? (collapse(hints.title) || null),
    standfirst: textOf(first(document, STANDFIRST_SELECTOR)) || null,
    description: meta(document, 'og:description') ?? stringField(ld, 'description') ?? meta(document, 'description'),
    byline:
      findByline(document, ld, (key) => meta(document, key), site, url) ??
      (withoutByPrefix(collapse(hints.byline)) || null),
    publishedAt,
    languageHint: findLanguage(document, ld) ?? (collapse(hints.language) || null),
    site,
    canonicalUrl,
    image: findImage(document, ld, url),
    tags: findTags(document, ld),
    section: findSection(document, ld, canonicalUrl, (key) => meta(document, key)),
    articleBody: typeof ld?.articleBody === 'string' ? ld.articleBody : null,
    paywalledSelectors: paywalledParts(ld),
    declaresArticle:
      ld !== null ||
      /article/i.test(meta(document, 'og:type') ?? '') ||
      meta(document, 'article:published_time') !== null ||
      (publishedAt !== null && !listsManyDates(document)),
  };
}

/** hasPart: {isAccessibleForFree: false, cssSelector: ".paywalled"}, one part or several. */
function paywalledParts(ld: JsonObject | null): string[] {
  const parts = Array.isArray(ld?.hasPart) ? ld.hasPart : ld?.hasPart === undefined ? [] : [ld.hasPart];
  return parts
    .filter((part): part is JsonObject => isObject(part) && String(part.isAccessibleForFree).toLowerCase() === 'false')
    .map((part) => part.cssSelector)
    .filter(
      (selector): selector is string => typeof selector === 'string' && selector.length > 0 && selector.length < 200,
    );
}

/** A section page dates each of its teasers: three <time> stamps mean a list, not one story's date. */
function listsManyDates(document: DomDocument): boolean {
  return all(document, 'time[datetime]').length >= 3;
}

/** <meta> values by property/name/itemprop (lower-cased), first one wins; built once per page because
 *  a selector per key scanned the whole page twenty times (a third of extraction time on aeb). */
const metaTables = new WeakMap<DomDocument, Map<string, string>>();

function meta(document: DomDocument, key: string): string | null {
  let table = metaTables.get(document);
  if (!table) {
    table = new Map();
    for (const el of all(document, 'meta[content]')) {
      const content = collapse(getAttr(el, 'content'));
      for (const name of ['property', 'name', 'itemprop', 'itemProp']) {
        const k = getAttr(el, name)?.toLowerCase();
        if (k && content && !table.has(k)) table.set(k, content);
      }
    }
    metaTables.set(document, table);
  }
  return table.get(key.toLowerCase()) ?? null;
}

function findSite(document: DomDocument, ld: JsonObject | null, url: string): string {
  const publisher = ld && typeof ld.publisher === 'object' ? stringField(ld, 'publisher') : null;
  return meta(document, 'og:site_name') ?? publisher ?? meta(document, 'application-name') ?? hostOf(url);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || 'local';
  } catch {
    return 'local';
  }
}

/** Standfirst markup first; the description only when it is not just the opening of the body. */
export function chooseSubtitle(metadata: Metadata, opening: string[]): string | null {
  if (metadata.standfirst && metadata.standfirst.length >= 20) return metadata.standfirst;
  const description = metadata.description;
  if (!description) return null;
  const probe = description
    .replace(/(\.\.\.|…)$/, '')
    .trim()
    .toLowerCase();
  return opening.some((p) => p.toLowerCase().startsWith(probe)) ? null : description;
}

const STANDFIRST_SELECTOR = [
  '.standfirst',
  '.article-standfirst',
  '.subtitle',
  '.article-subtitle',
  '.sumario',
  '.entradilla',
  '.bajada',
  '.dek',
  '.article-dek',
  '.chapo',
  '.chapeau',
  '.lede',
  '.article-summary',
  '.summary-lead',
  'p.lead',
  'h2.subheadline',
  '[itemprop=alternativeHeadline]',
].join(', ');

/** "By Jane Roe" → "Jane Roe" (By, Por, Par, Von, Door, Di, Av, Af, De, Автор). */
export function withoutByPrefix(byline: string): string {
  return collapse(byline.replace(/^\s*(by|por|par|von|door|di|av|af|de|автор)\b[\s:]*/iu, ''));
}

function findLanguage(document: DomDocument, ld: JsonObject | null): string | null {
  const declared =
    collapse(attr(document, 'html', 'lang')) ||
    attr(document, 'meta[http-equiv="content-language"], meta[http-equiv="Content-Language"]', 'content') ||
    meta(document, 'og:locale') ||
    stringField(ld, 'inLanguage');
  return declared ? declared.replace(/_/g, '-').split(/[,\s]/)[0]! : null;
}

function findCanonical(document: DomDocument, url: string): string {
  const declared = attr(document, 'link[rel=canonical]', 'href') ?? meta(document, 'og:url');
  return absoluteUrl(declared, url, ['http:', 'https:']) ?? url;
}

function findTags(document: DomDocument, ld: JsonObject | null): string[] {
  const fromMeta = all(document, 'meta[property="article:tag"], meta[name="news_keywords"]').flatMap((m) =>
    (getAttr(m, 'content') ?? '').split(getAttr(m, 'name') === 'news_keywords' ? ',' : /$^/),
  );
  const keywords = ld?.keywords;
  const fromLd =
    typeof keywords === 'string'
      ? keywords.split(',')
      : Array.isArray(keywords)
        ? keywords.filter((k) => typeof k === 'string')
        : [];
  const fromLinks = all(document, 'a[rel~=tag]').map(textOf);
  const seen = new Set<string>();
  return [...fromMeta, ...fromLd, ...fromLinks]
    .map((tag) => collapse(String(tag)))
    .filter(
      (tag) =>
        tag.length > 0 && tag.length < 80 && !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()) !== undefined,
    );
}
