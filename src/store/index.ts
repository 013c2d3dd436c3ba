/**
 * The store: every read and write of Happenings' data, one module per table. Reads are nouns
 * (`articleById`), writes are verbs (`saveArticle`, `recordFeedError`). SQLite or PostgreSQL
 * through Kysely; SQL that differs between them lives in the dialects (sqlite-dialect.ts,
 * pg-dialect.ts). Nothing outside this folder touches the database connection.
 */
import type { Kysely } from 'kysely';
import { asHappeningsError } from '../errors.js';
import * as articles from './articles.js';
import * as articleLists from './article-lists.js';
import type { StoreContext, StoreDialect } from './dialect.js';
import * as errorCounts from './error-counts.js';
import * as itemErrors from './item-errors.js';
import * as jobs from './jobs.js';
import { appliedMigrations, migrate } from './migrate.js';
import type { Database } from './schema.js';
import { search, searchIds, tidySearchIndex } from './search.js';
import * as sources from './sources.js';
import { commonWordsSettings, openSqlite, sqliteDialect, sqlitePragmas } from './sqlite-dialect.js';
import type { CommonWordsSettings } from './common-words.js';
import { openSqliteReaders, searchSettled } from './sqlite-readers.js';
import { openPostgres, postgresDialect, withMigrationLock } from './pg-dialect.js';
import * as translations from './translations.js';
import * as retranslation from './retranslation.js';
import * as translationCache from './translation-cache.js';
import * as views from './views.js';
import * as stories from './stories.js';
import * as storyLists from './story-lists.js';
import * as entities from './entities.js';

export type * from './types.js';
export type { Database } from './schema.js';
export type { StoreDialect } from './dialect.js';
export type { SourcePatch, FeedFetched, FeedFailed } from './sources.js';
export type { CarrierInput, LatestArticlesOptions, SectionsFilter } from './articles.js';
export type { RetranslationFilter } from './retranslation.js';
export type { FirstCarrier, SummaryRow } from './article-lists.js';
export type { EntityRow } from './entities.js';
export type { JobCounts, JobRow, NewJob } from './jobs.js';
export type { StoryListRow, StoryMemberLine } from './story-lists.js';
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
  addCarrier: articles.addCarrier,
  articleFingerprints: articles.articleFingerprints,
  articleById: articles.articleById,
  articleByCanonicalUrl: articles.articleByCanonicalUrl,
  articlesByIds: articles.articlesByIds,
  latestArticles: articles.latestArticles,
  articleCount: articles.articleCount,
  carriersOf: articles.carriersOf,
  hasArticleUrl: articles.hasArticleUrl,
  articleLanguages: articles.articleLanguages,
  articleSections: articles.articleSections,
  articleListFacts: articleLists.articleListFacts,
  searchLines: articleLists.searchLines,
  similarArticleIds: articleLists.similarArticleIds,
  saveTranslation: translations.saveTranslation,
  translationsOf: translations.translationsOf,
  translationOf: translations.translationOf,
  translationsInto: translations.translationsInto,
  articleIdsToRetranslate: retranslation.articleIdsToRetranslate,
  cachedTranslations: translationCache.cachedTranslations,
  cacheTranslations: translationCache.cacheTranslations,
  recordItemError: itemErrors.recordItemError,
  itemErrors: itemErrors.itemErrors,
  itemErrorByUrl: itemErrors.itemErrorByUrl,
  itemErrorCounts: errorCounts.itemErrorCounts,
  feedErrorCounts: errorCounts.feedErrorCounts,
  search,
  searchIds,
  searchSettled,
  tidySearchIndex,
  recordView: views.recordView,
  recordViews: views.recordViews,
  popularArticles: views.popularArticles,
  createStory: stories.createStory,
  addStoryArticle: stories.addStoryArticle,
  mergeStories: stories.mergeStories,
  storyById: stories.storyById,
  storiesLatest: stories.storiesLatest,
  storyArticles: stories.storyArticles,
  recentStoryMembers: stories.recentStoryMembers,
  topStoryRows: storyLists.topStoryRows,
  storyRowById: storyLists.storyRowById,
  storyIdOfArticle: storyLists.storyIdOfArticle,
  storyMemberLines: storyLists.storyMemberLines,
  saveArticleEntities: entities.saveArticleEntities,
  entityById: entities.entityById,
  entityArticles: entities.entityArticles,
  entityRowById: entities.entityRowById,
  entitiesOfArticle: entities.entitiesOfArticle,
  entitiesOfStory: entities.entitiesOfStory,
  appliedMigrations,
};

/**
 * The in-process queue's table (src/jobs/sqlite-queue.ts). Not wrapped like the queries above: the
 * queue labels its own failures (`jobs: …`).
 */
const jobQueries = {
  insertJob: jobs.insertJob,
  claimJob: jobs.claimJob,
  completeJob: jobs.completeJob,
  releaseJob: jobs.releaseJob,
  staleJobs: jobs.staleJobs,
  renewLocks: jobs.renewLocks,
  readyCount: jobs.readyCount,
  jobStats: jobs.jobStats,
};

type Bound<T> = {
  [K in keyof T]: T[K] extends (ctx: StoreContext, ...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<R>
    : never;
};

export type JobTable = Bound<typeof jobQueries>;

export interface Store extends Bound<typeof queries> {
  readonly dialect: StoreDialect;
  readonly jobs: JobTable;
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
      /**
       * One more reader thread for the site's slow lists (languages, sections and sources' article
       * counts, each a walk of many rows, reloaded every 30 s; `StoreContext.listDb`). Default false:
       * they use the search readers, else the main connection. Ignored for ':memory:'.
       */
      listReader?: boolean;
      /**
       * The search reader threads' bitmaps of common words (common-words.ts): false for none, or
       * changes to their settings (tests lower `minArticles`). Default: on, with the defaults.
       */
      commonWords?: false | Partial<CommonWordsSettings>;
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
  let listDb: Kysely<Database> | undefined;
  const dialect = 'databaseUrl' in options ? postgresDialect : sqliteDialect;
  try {
    if ('databaseUrl' in options) {
      const pgDb = (db = openPostgres(options));
      if (options.migrate !== false) await withMigrationLock(pgDb, options.schema, () => migrate(pgDb, dialect));
    } else {
      db = openSqlite(options.dbPath);
      await migrate(db, dialect);
      const shared = options.dbPath !== ':memory:' && options.dbPath !== '';
      if (shared && (options.readers ?? 0) > 0) {
        const common = options.commonWords === false ? undefined : commonWordsSettings(options.commonWords);
        readDb = openSqliteReaders(options.dbPath, options.readers!, sqlitePragmas, db, common);
      }
      if (shared && options.listReader) listDb = openSqliteReaders(options.dbPath, 1, sqlitePragmas, db);
    }
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    throw asHappeningsError(error, 'store', 'store');
  }
  return storeOver({ db, dialect, readDb, listDb });
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
  const jobTable: Record<string, unknown> = {};
  for (const [name, query] of Object.entries(jobQueries))
    jobTable[name] = (...args: unknown[]) =>
      (query as (ctx: StoreContext, ...rest: unknown[]) => Promise<unknown>)(ctx, ...args);
  let closed: Promise<void> | undefined;
  const members: Store = {
    ...(bound as Bound<typeof queries>),
    dialect: ctx.dialect,
    jobs: jobTable as JobTable,
    withStoriesLocked: (work) =>
      stories.withStoriesLocked(ctx, (db) => work(db === ctx.db ? store : storeOver({ db, dialect: ctx.dialect }))),
    close: () =>
      (closed ??= Promise.all([ctx.db.destroy(), ctx.readDb?.destroy(), ctx.listDb?.destroy()]).then(() => undefined)),
  };
  // Tests reach the connection through db.testkit.ts; it is no part of the Store type.
  const store: Store = Object.defineProperty(members, 'db', { value: ctx.db });
  return store;
}
