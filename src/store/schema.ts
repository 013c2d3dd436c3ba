/**
 * The tables as Kysely sees them. Column names are snake_case as in SQL (operators' scripts read
 * them); timestamps are ISO 8601 text in UTC, booleans are 0/1 integers and lists are JSON text, so
 * the same query code runs on SQLite and PostgreSQL.
 */
import type { ColumnType, Generated } from 'kysely';

type Bool = number;
type Iso = string;
type JsonText = string;

export interface MigrationsTable {
  name: string;
  ran_at: Iso;
}

export interface SourcesTable {
  id: Generated<number>;
  name: string;
  url: string;
  language: string | null;
  paused: Bool;
  excerpt_only: Bool;
  translate: Bool;
  created_at: Iso;
  /** CSS selector of the article body on this source's pages (migration 0009); null: automatic. */
  body_selector: ColumnType<string | null, string | null | undefined, string | null>;
  /** Section overrides as JSON ({"Deportes":"sport","*":"local"}, migration 0018); null: none. */
  section_overrides: ColumnType<string | null, string | null | undefined, string | null>;
}

export type FeedKind = 'feed' | 'sitemap' | 'page';

export interface FeedsTable {
  id: Generated<number>;
  source_id: number;
  url: string;
  kind: FeedKind;
  etag: string | null;
  last_modified: string | null;
  interval_minutes: number;
  next_fetch_at: Iso;
  last_fetch_at: Iso | null;
  last_success_at: Iso | null;
  error_count: number;
  last_error_code: string | null;
  last_error: string | null;
  created_at: Iso;
}

export interface ArticlesTable {
  id: Generated<number>;
  canonical_url: string;
  url: string;
  site: string;
  title: string;
  subtitle: string | null;
  byline: string | null;
  published_at: Iso | null;
  language: string | null;
  language_confidence: number | null;
  image: string | null;
  image_caption: string | null;
  paragraphs: JsonText;
  html: string;
  related: JsonText;
  tags: JsonText;
  is_teaser: Bool;
  fingerprint: string | null;
  first_seen_at: Iso;
  updated_at: Iso;
  /** The publisher's section ("Politics"), migration 0009; null when the page names none. */
  section: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ArticleSourcesTable {
  article_id: number;
  source_id: number | null;
  feed_id: number | null;
  url: string;
  seen_at: Iso;
  is_first: Bool;
}

export interface TranslationsTable {
  article_id: number;
  language: string;
  source_language: string;
  engine: string;
  engine_version: string;
  title: string;
  subtitle: string | null;
  image_caption: string | null;
  paragraphs: JsonText;
  html: string;
  protected_names: JsonText;
  translated_at: Iso;
  /** 0017: the model and pivot language, null when none (or stored before). */
  model: string | null;
  via: string | null;
  /** 0017: NameRepair[] as JSON, null for an engine that protects names itself. */
  name_repairs: JsonText | null;
}

export interface ItemErrorsTable {
  id: Generated<number>;
  url: string;
  feed_id: number | null;
  source_id: number | null;
  stage: string;
  code: string;
  message: string;
  attempts: number;
  first_at: Iso;
  last_at: Iso;
}

export interface StoriesTable {
  id: Generated<number>;
  title: string;
  language: string | null;
  /** Clustering state (e.g. term weights), JSON; owned by the cluster stage. */
  signature: JsonText;
  article_count: number;
  source_count: number;
  first_published_at: Iso | null;
  last_published_at: Iso | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface StoryArticlesTable {
  story_id: number;
  article_id: number;
  similarity: number | null;
  /** Set when the article is a near-duplicate (syndicated copy) of another one in the story. */
  duplicate_of: number | null;
  added_at: Iso;
}

export interface EntitiesTable {
  id: Generated<number>;
  kind: string;
  name: string;
  normalized_name: string;
  wikidata_id: string | null;
  created_at: Iso;
}

export interface ArticleEntitiesTable {
  article_id: number;
  entity_id: number;
  mentions: number;
  salience: number | null;
}

export interface ViewsTable {
  article_id: number;
  /** YYYY-MM-DD (UTC). Daily counts only: no personal data is kept. */
  day: string;
  count: number;
}

export type JobStatus = 'pending' | 'running' | 'failed';

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: JsonText;
  key: string | null;
  queue: string | null;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: Iso;
  locked_at: Iso | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: Iso;
}

export interface Database {
  migrations: MigrationsTable;
  sources: SourcesTable;
  feeds: FeedsTable;
  articles: ArticlesTable;
  article_sources: ArticleSourcesTable;
  translations: TranslationsTable;
  item_errors: ItemErrorsTable;
  stories: StoriesTable;
  story_articles: StoryArticlesTable;
  entities: EntitiesTable;
  article_entities: ArticleEntitiesTable;
  views: ViewsTable;
  jobs: JobsTable;
}
