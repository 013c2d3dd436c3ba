/** What the store hands out and takes in: camelCase, real booleans, parsed lists. */
import type { Article, Translation } from '../model.js';
import type { FeedKind } from './schema.js';

export type { FeedKind, Translation };

export interface SourceRow {
  id: number;
  name: string;
  /** The homepage, or the URL the source was added with. */
  url: string;
  /** Language hint for its pages (a prior for detection), e.g. "es". */
  language: string | null;
  paused: boolean;
  /** Keep only the lead (e.g. the publisher's terms ask for it). */
  excerptOnly: boolean;
  translate: boolean;
  createdAt: string;
  /** CSS selector of the article body on its pages (admin override); null: found automatically. */
  bodySelector?: string | null;
  /** Section overrides as the web layer wrote them (JSON text); null: none. */
  sectionOverrides?: string | null;
}

export interface FeedRow {
  id: number;
  sourceId: number;
  url: string;
  kind: FeedKind;
  etag: string | null;
  lastModified: string | null;
  intervalMinutes: number;
  nextFetchAt: string;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  errorCount: number;
  lastErrorCode: string | null;
  lastError: string | null;
  createdAt: string;
}

/** A source with the health of its feeds, for lists and the admin page. */
export interface SourceWithHealth extends SourceRow {
  feeds: FeedRow[];
  articleCount: number;
  /** Sum of its feeds' consecutive error counts. */
  errorCount: number;
  lastError: string | null;
  lastErrorCode: string | null;
  lastSuccessAt: string | null;
}

export interface CreateSourceInput {
  name: string;
  url: string;
  language?: string | null;
  /** Defaults to `url`. */
  feedUrl?: string;
  feedKind?: FeedKind;
  intervalMinutes?: number;
}

/** An extracted article with what the language stage and dedupe add. */
export interface ArticleInput extends Article {
  language?: string | null;
  languageConfidence?: number | null;
  /** Content hash of the body (dedupe's fingerprint). */
  fingerprint?: string | null;
}

export interface SaveArticleInput extends ArticleInput {
  sourceId: number | null;
  feedId: number | null;
  seenAt: string;
}

export interface ArticleRow extends Omit<Article, 'languageHint'> {
  id: number;
  language: string | null;
  languageConfidence: number | null;
  fingerprint: string | null;
  firstSeenAt: string;
  updatedAt: string;
}

/** One outlet/feed that carried an article. */
export interface Carrier {
  articleId: number;
  sourceId: number | null;
  sourceName: string | null;
  feedId: number | null;
  url: string;
  seenAt: string;
  isFirst: boolean;
}

export interface ItemErrorInput {
  url: string;
  feedId: number | null;
  sourceId: number | null;
  /** The stage that failed: fetch, extract, ... */
  stage: string;
  code: string;
  message: string;
  at: string;
}

export interface ItemError extends Omit<ItemErrorInput, 'at'> {
  id: number;
  attempts: number;
  firstAt: string;
  lastAt: string;
}
