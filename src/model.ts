/**
 * The nouns the pipeline stages, the store and the commands share. Imports nothing, so that any layer
 * can use them without depending on another: extraction makes an Article (with hints from the feed),
 * translation makes Translations, a poll makes PageJobs and ingesting one gives an IngestResult.
 */

export interface RelatedLink {
  title: string;
  url: string;
}

/** The article as extraction hands it on: what the page says, plain text and sanitized HTML. */
export interface Article {
  /** The address the page was fetched from (a file:// URL for a local file without --url). */
  url: string;
  /** The page's own canonical address (link rel=canonical / og:url), else `url`. */
  canonicalUrl: string;
  /** The publisher's name (og:site_name, JSON-LD publisher, else the host). */
  site: string;
  /** The headline, once, without " | Section | Site" suffixes. */
  title: string;
  subtitle: string | null;
  byline: string | null;
  /** ISO 8601 with the offset the page wrote (its own calendar day: 23:30-04:00 stays on that day),
   *  or null when the page declares no date. The store keeps it in UTC. */
  publishedAt: string | null;
  /** Language the page declares (<html lang>, og:locale, JSON-LD inLanguage); a hint, not the answer. */
  languageHint: string | null;
  /** Lead image URL (absolute). */
  image: string | null;
  imageCaption: string | null;
  /** Body blocks in reading order, plain text. */
  paragraphs: string[];
  /** Sanitized body HTML. */
  html: string;
  /** "Read also" links found inside the body, moved out of the text. */
  related: RelatedLink[];
  tags: string[];
  /** The publisher's section ("Politics"), when the page or its address names one. */
  section: string | null;
  /** True when the page shows only a teaser (paywall); the lead is kept, never passed off as the whole. */
  isTeaser: boolean;
}

/** What the feed item already told us; used only where the page is silent. */
export interface ExtractHints {
  title?: string | null;
  publishedAt?: string | null;
  byline?: string | null;
  language?: string | null;
  /** A per-source CSS selector for the body: when it matches, that element is the body. */
  bodySelector?: string | null;
}

/** One article translated into one language, with its provenance. */
export interface Translation {
  language: string;
  sourceLanguage: string;
  engine: string;
  engineVersion: string;
  title: string;
  subtitle: string | null;
  /** The article's image caption, translated with the body (null when it has none; optional on input
   *  to the store for older callers, read back as null). */
  imageCaption?: string | null;
  paragraphs: string[];
  html: string;
  /** Names kept exactly as written in the source (see protect-names.ts). */
  protectedNames: string[];
  /** ISO 8601. */
  translatedAt: string;
  /** The model that translated (a neural engine's "opus-mt-de-en"), null or absent for rule-based engines. */
  model?: string | null;
  /** The pivot language the translation went through ("pt → es → en": "es"), null or absent when direct. */
  via?: string | null;
  /** Names the engine lost or altered and how each was put right (engines that do not protect names). */
  nameRepairs?: NameRepair[];
}

/** One name an engine lost or altered, and what was done about it. */
export interface NameRepair {
  name: string;
  /** What the engine wrote instead ("Pink House"), or null when the name was simply dropped. */
  found: string | null;
  /** retranslated: the sentence again with the name protected; substituted: aligned and replaced; unrepaired: left as it is. */
  action: 'retranslated' | 'substituted' | 'unrepaired';
}

/** A page to ingest, as a poll (or a command) hands it on. */
export interface PageJob {
  url: string;
  sourceId: number | null;
  feedId: number | null;
  hints?: ExtractHints;
  /** The page's article when the poll already fetched and extracted it (a page source that is an article). */
  article?: Article;
}

export interface IngestResult {
  articleId: number;
  created: boolean;
  /** Set when the page was a syndicated copy of an article already stored. */
  duplicateOf: number | null;
  language: string | null;
  translated: string[];
}
