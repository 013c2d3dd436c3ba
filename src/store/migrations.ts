/**
 * Append-only list of migrations: never edit or reorder one that has shipped; add a new one at the
 * end. Each runs once, in its own write transaction, recorded by name in the `migrations` table.
 * Column types are the portable few (integer, real, text); timestamps are ISO 8601 text.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import { createTranslationCacheTable } from './translation-cache.js';

export interface Migration {
  name: string;
  up(db: Kysely<any>, dialect: StoreDialect): Promise<void>;
}

export const migrations: Migration[] = [
  { name: '0001-sources-feeds', up: createSourcesAndFeeds },
  { name: '0002-articles', up: createArticles },
  { name: '0003-search', up: (db, dialect) => dialect.createSearchIndex(db) },
  { name: '0004-stories-entities-views', up: createStoriesEntitiesViews },
  { name: '0005-jobs', up: createJobs },
  { name: '0006-list-indexes', up: createListIndexes },
  { name: '0007-translation-cache', up: createTranslationCacheTable },
  { name: '0008-story-details', up: addStoryDetails },
  { name: '0009-selector-section', up: addSelectorAndSection },
  { name: '0010-translation-caption', up: addTranslationCaption },
  { name: '0011-story-links', up: addStoryLinkDetails },
  { name: '0012-story-link-ids', up: addStoryLinkIds },
  { name: '0013-search-newest-first', up: (db, dialect) => dialect.rebuildSearchIndex(db) },
  { name: '0014-search-headline-words', up: async (db, dialect) => dialect.createHeadlineWords?.(db) },
  // Smaller index pages (sqlite-dialect.ts createSearchIndex): the index is built again with them.
  { name: '0015-search-smaller-pages', up: (db, dialect) => dialect.rebuildSearchIndex(db) },
  // Search lists the most recently published first, not the most recently stored (sqlite-dialect.ts rowidOf):
  // the headline words get the rowid each article is indexed under, and the index is built again.
  {
    name: '0016-search-by-publication',
    up: async (db, dialect) => {
      await dialect.createHeadlineWords?.(db);
      await dialect.rebuildSearchIndex(db);
    },
  },
  { name: '0017-translation-provenance', up: addTranslationProvenance },
  { name: '0018-section-overrides', up: addSectionOverrides },
  { name: '0019-language-latest', up: addLanguageLatestIndex },
  // Reader threads test a search's common words in bitmaps kept in step with these numbers (common-words.ts).
  { name: '0020-search-write-numbers', up: async (db, dialect) => dialect.numberSearchWrites?.(db) },
];

async function createSourcesAndFeeds(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await dialect
    .addIdColumn(db.schema.createTable('sources'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('excerpt_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('translate', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await dialect
    .addIdColumn(db.schema.createTable('feeds'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('feed'))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('next_fetch_at', 'text', (c) => c.notNull())
    .addColumn('last_fetch_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error_code', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feeds_source').on('feeds').column('source_id').execute();
  await db.schema.createIndex('feeds_next_fetch').on('feeds').column('next_fetch_at').execute();
}

async function createArticles(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await dialect
    .addIdColumn(db.schema.createTable('articles'))
    .addColumn('canonical_url', 'text', (c) => c.notNull().unique())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('byline', 'text')
    .addColumn('published_at', 'text')
    .addColumn('language', 'text')
    .addColumn('language_confidence', 'real')
    .addColumn('image', 'text')
    .addColumn('image_caption', 'text')
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('related', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('is_teaser', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fingerprint', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('articles_url').on('articles').column('url').execute();
  await db.schema.createIndex('articles_published').on('articles').columns(['published_at', 'first_seen_at']).execute();
  await db.schema.createIndex('articles_fingerprint').on('articles').column('fingerprint').execute();
  await createArticleSources(db);
  await createTranslationsAndItemErrors(db, dialect);
}

async function createArticleSources(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('article_sources')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('cascade'))
    .addColumn('feed_id', 'integer', (c) => c.references('feeds.id').onDelete('set null'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('is_first', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // coalesce: NULLs are distinct in unique indexes, yet a carrier without a source must be unique too.
  await db.schema
    .createIndex('article_sources_unique')
    .unique()
    .on('article_sources')
    .expression(sql`article_id, coalesce(source_id, 0), url`)
    .execute();
  await db.schema.createIndex('article_sources_source').on('article_sources').column('source_id').execute();
  await db.schema.createIndex('article_sources_url').on('article_sources').column('url').execute();
}

async function createTranslationsAndItemErrors(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('translations')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('source_language', 'text', (c) => c.notNull())
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('engine_version', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('paragraphs', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('protected_names', 'text', (c) => c.notNull())
    .addColumn('translated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('translations_pk', ['article_id', 'language'])
    .execute();
  await dialect
    .addIdColumn(db.schema.createTable('item_errors'))
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('feed_id', 'integer', (c) => c.references('feeds.id').onDelete('set null'))
    .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_errors_last').on('item_errors').column('last_at').execute();
}

async function createStoriesEntitiesViews(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await dialect
    .addIdColumn(db.schema.createTable('stories'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('signature', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_published_at', 'text')
    .addColumn('last_published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stories_last').on('stories').column('last_published_at').execute();
  await db.schema
    .createTable('story_articles')
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('similarity', 'real')
    .addColumn('duplicate_of', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_articles_pk', ['story_id', 'article_id'])
    .execute();
  // An article belongs to one story at a time.
  await db.schema.createIndex('story_articles_article').unique().on('story_articles').column('article_id').execute();
  await createEntitiesAndViews(db, dialect);
}

async function createEntitiesAndViews(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await dialect
    .addIdColumn(db.schema.createTable('entities'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('normalized_name', 'text', (c) => c.notNull())
    .addColumn('wikidata_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('entities_kind_name', ['kind', 'normalized_name'])
    .execute();
  await db.schema
    .createTable('article_entities')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('mentions', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('salience', 'real')
    .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'entity_id'])
    .execute();
  await db.schema.createIndex('article_entities_entity').on('article_entities').column('entity_id').execute();
  await db.schema
    .createTable('views')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('views_pk', ['article_id', 'day'])
    .execute();
  await db.schema.createIndex('views_day').on('views').column('day').execute();
}

async function createJobs(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await dialect
    .addIdColumn(db.schema.createTable('jobs'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('key', 'text')
    .addColumn('queue', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // At most one pending job per key (a running or failed one may coexist with a fresh pending one).
  await db.schema
    .createIndex('jobs_pending_key')
    .unique()
    .on('jobs')
    .column('key')
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('jobs_ready').on('jobs').columns(['status', 'run_at']).execute();
  await db.schema.createIndex('jobs_queue').on('jobs').columns(['queue', 'status']).execute();
}

/** Indexes that let the newest-first lists read in order instead of sorting every article. */
async function createListIndexes(db: Kysely<any>): Promise<void> {
  // The exact expression latestArticles orders by, so the database can walk the index.
  await db.schema
    .createIndex('articles_latest')
    .on('articles')
    .expression(sql`coalesce(published_at, first_seen_at)`)
    .execute();
  await db.schema.dropIndex('articles_published').execute();
  // "Articles of this source" looks up (source, article) pairs.
  await db.schema.dropIndex('article_sources_source').execute();
  await db.schema
    .createIndex('article_sources_source_article')
    .on('article_sources')
    .columns(['source_id', 'article_id'])
    .execute();
}

/** Story redirects after a merge, the first outlet, the languages; entity article counts. */
async function addStoryDetails(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stories').addColumn('merged_into', 'integer').execute();
  await db.schema.alterTable('stories').addColumn('first_source_id', 'integer').execute();
  await db.schema
    .alterTable('stories')
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('entities')
    .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

/**
 * Per-source body selector (admin: "selector override", handed to extraction), the article's
 * section (front-page filter) with an index for newest-first lists of one section, and an index
 * for the front page's story candidates (newest updated first).
 */
async function addSelectorAndSection(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sources').addColumn('body_selector', 'text').execute();
  await db.schema.alterTable('articles').addColumn('section', 'text').execute();
  await db.schema
    .createIndex('articles_section_latest')
    .on('articles')
    .columns(['section'])
    .expression(sql`coalesce(published_at, first_seen_at)`)
    .execute();
  await db.schema.createIndex('stories_updated').on('stories').column('updated_at').execute();
}

/** The translated image caption, beside the translated title and subtitle (null: none). */
async function addTranslationCaption(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('translations').addColumn('image_caption', 'text').execute();
}

/** Why each article joined its story and the countries it names; a story's countries. */
async function addStoryLinkDetails(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('story_articles').addColumn('why', 'text').execute();
  await db.schema
    .alterTable('story_articles')
    .addColumn('countries', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('stories')
    .addColumn('countries', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

/**
 * Each story link numbered in the order it was written (a re-link gets a new number), so a worker
 * can replay the links other workers wrote since the last one it saw (StoryTracker.catchUp).
 * PostgreSQL numbers them from a sequence; SQLite (one process, never replays) from the rowid.
 */
async function addStoryLinkIds(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  if (dialect.name === 'postgres') {
    await sql`alter table story_articles add column link_id bigserial`.execute(db);
  } else {
    await db.schema.alterTable('story_articles').addColumn('link_id', 'integer').execute();
    await sql`update story_articles set link_id = rowid`.execute(db);
    await sql`create trigger story_articles_link_id after insert on story_articles when new.link_id is null
      begin update story_articles set link_id = new.rowid where rowid = new.rowid; end`.execute(db);
  }
  await db.schema.createIndex('story_articles_link').unique().on('story_articles').column('link_id').execute();
}

/**
 * Where each translation came from beyond the engine: the model (a neural engine's "opus-mt-de-en"),
 * the pivot language, and the names the engine lost and how each was repaired (JSON list); null for
 * translations stored before, which read back as no model, no pivot, no repairs.
 */
async function addTranslationProvenance(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('translations').addColumn('model', 'text').execute();
  await db.schema.alterTable('translations').addColumn('via', 'text').execute();
  await db.schema.alterTable('translations').addColumn('name_repairs', 'text').execute();
}

/**
 * A source's section overrides (admin: its "Deportes" is Sport, or everything from it is Local), as
 * JSON text; the web layer applies them when it shows a page, so no article is rewritten.
 */
async function addSectionOverrides(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sources').addColumn('section_overrides', 'text').execute();
}

/**
 * Newest-first lists of one language (`/?lang=`) read in order from this index, as a section's do:
 * walking every article newest first to find those of a language that is rare, or in no article,
 * read the whole table (6 s at a million articles, bench:plans `/?lang=zz`).
 */
async function addLanguageLatestIndex(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('articles_language_latest')
    .on('articles')
    .columns(['language'])
    .expression(sql`coalesce(published_at, first_seen_at)`)
    .execute();
}
