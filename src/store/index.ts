/**
 * The store: every read and write of Happenings' data. Reads are nouns (`articleById`), writes are
 * verbs (`saveArticle`, `recordFeedError`). SQLite through Kysely; SQL that differs between
 * databases lives in the dialect (sqlite-dialect.ts), so a PostgreSQL one can be added beside it.
 */
import type { Kysely } from 'kysely';
import { asHappeningsError } from '../errors.js';
import * as articles from './articles.js';
import type { StoreContext, StoreDialect } from './dialect.js';
import * as itemErrors from './item-errors.js';
import { migrate } from './migrate.js';
import type { Database } from './schema.js';
import { search, searchIds, tidySearchIndex } from './search.js';
import * as siteQueries from './site-queries.js';
import * as sources from './sources.js';
import { openSqlite, sqliteDialect, sqlitePragmas } from './sqlite-dialect.js';
import { openSqliteReaders } from './sqlite-readers.js';
import { openPostgres, postgresDialect, withMigrationLock } from './pg-dialect.js';
import * as translations from './translations.js';
import * as translationCache from './translation-cache.js';
import * as views from './views.js';
import * as stories from './stories.js';
import * as entities from './entities.js';

export type * from './types.js';
export type { Database } from './schema.js';
export type { StoreDialect } from './dialect.js';
export type { SourcePatch, FeedFetched, FeedFailed } from './sources.js';
export type { LatestArticlesOptions } from './articles.js';
export type { StoryMember, StoryMemberRow } from './stories.js';

/** Where the SQLite file lives unless told otherwise (also the config default). */
export const defaultDbPath = './data/happenings.db';

const queries = {
  createSource: sources.createSource,
  updateSource: sources.updateSource,
  deleteSource: sources.deleteSource,
  sourceList: sources.sourceList,
  sourceById: sources.sourceById,
  feedById: sources.feedById,
  feedsOf: sources.feedsOf,
  feedsDue: sources.feedsDue,
  leaseFeed: sources.leaseFeed,
  scheduleFeed: sources.scheduleFeed,
  recordFeedFetched: sources.recordFeedFetched,
  recordFeedError: sources.recordFeedError,
  saveArticle: articles.saveArticle,
  addCarrier: articles.recordCarrier,
  articleFingerprints: articles.articleFingerprints,
  articleById: articles.articleById,
  articleByCanonicalUrl: articles.articleByCanonicalUrl,
  articlesByIds: articles.articlesByIds,
  latestArticles: articles.latestArticles,
  articleCount: articles.articleCount,
  carriersOf: articles.carriersOf,
  hasArticleUrl: articles.hasArticleUrl,
  saveTranslation: translations.saveTranslation,
  translationsOf: translations.translationsOf,
  translationOf: translations.translationOf,
  translationsInto: translations.translationsInto,
  cachedTranslations: translationCache.cachedTranslations,
  cacheTranslations: translationCache.cacheTranslations,
  recordItemError: itemErrors.recordItemError,
  itemErrors: itemErrors.itemErrors,
  itemErrorByUrl: itemErrors.itemErrorByUrl,
  search,
  searchIds,
  searchLines: siteQueries.searchSummaryRows,
  tidySearchIndex,
  recordView: views.recordView,
  popularArticles: views.popularArticles,
  similarArticleIds: siteQueries.similarArticleIds,
  articleLanguages: siteQueries.articleLanguages,
  articleSections: siteQueries.articleSections,
  topStoryRows: siteQueries.topStories,
  storyRowById: siteQueries.storyRowById,
  storyIdOfArticle: siteQueries.storyIdOfArticle,
  entitiesOfArticle: siteQueries.entitiesOfArticle,
  entitiesOfStory: siteQueries.entitiesOfStory,
  entityRowById: siteQueries.entityRowById,
  recordViews: siteQueries.recordViews,
  articleListFacts: siteQueries.articleListFacts,
  createStory: stories.createStory,
  addStoryArticle: stories.addStoryArticle,
  mergeStories: stories.mergeStories,
  storyById: stories.storyById,
  storiesLatest: stories.storiesLatest,
  storyArticles: stories.storyArticles,
  recentStoryMembers: stories.recentStoryMembers,
  saveArticleEntities: entities.saveArticleEntities,
  entityById: entities.entityById,
  entityArticles: entities.entityArticles,
};

type Bound<T> = {
  [K in keyof T]: T[K] extends (ctx: StoreContext, ...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<R>
    : never;
};

export interface Store extends Bound<typeof queries> {
  /** The query builder, for modules (jobs, stories, views) that own their own tables. */
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /**
   * Runs `work` while no other process clusters (stories.ts), handing it the store to use meanwhile
   * (on PostgreSQL one over the lock's transaction: don't close it); its errors pass through unwrapped.
   */
  withStoriesLocked<T>(work: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StoreOptions =
  | {
      /** SQLite file; its folder is created. ':memory:' for a throwaway store. */
      dbPath: string;
      /**
       * Reader threads for the site's hottest reads (a new search's index walk and result lines;
       * sqlite-readers.ts). Default 0: every query on the main connection. Ignored for ':memory:'.
       */
      readers?: number;
    }
  | {
      /** PostgreSQL (postgres://…): the multi-machine deployment. */
      databaseUrl: string;
      /** Schema to use (created if missing); tests use a fresh one each. */
      schema?: string;
      /** false: do not migrate (workers started before `happenings migrate` would otherwise race it). Default true. */
      migrate?: boolean;
    };

/** Opens the store and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  let db: Kysely<Database> | undefined;
  let readDb: Kysely<Database> | undefined;
  const dialect = 'databaseUrl' in options ? postgresDialect : sqliteDialect;
  try {
    if ('databaseUrl' in options) {
      const pgDb = (db = openPostgres(options));
      if (options.migrate !== false) await withMigrationLock(pgDb, options.schema, () => migrate(pgDb, dialect));
    } else {
      db = openSqlite(options.dbPath);
      await migrate(db, dialect);
      const shared = options.dbPath !== ':memory:' && options.dbPath !== '';
      if (shared && (options.readers ?? 0) > 0)
        readDb = openSqliteReaders(options.dbPath, options.readers!, sqlitePragmas, db);
    }
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    throw asHappeningsError(error, 'store', 'store');
  }
  return storeOver({ db, dialect, readDb });
}

function storeOver(ctx: StoreContext): Store {
  const bound: Record<string, unknown> = {};
  for (const [name, query] of Object.entries(queries)) {
    bound[name] = async (...args: unknown[]) => {
      try {
        return await (query as (ctx: StoreContext, ...rest: unknown[]) => Promise<unknown>)(ctx, ...args);
      } catch (error) {
        throw asHappeningsError(error, 'store', 'store');
      }
    };
  }
  let closed: Promise<void> | undefined;
  const store: Store = {
    ...(bound as Bound<typeof queries>),
    db: ctx.db,
    dialect: ctx.dialect,
    withStoriesLocked: (work) =>
      stories.withStoriesLocked(ctx, (db) => work(db === ctx.db ? store : storeOver({ db, dialect: ctx.dialect }))),
    close: () => (closed ??= Promise.all([ctx.db.destroy(), ctx.readDb?.destroy()]).then(() => undefined)),
  };
  return store;
}
