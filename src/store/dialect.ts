/**
 * What differs between databases, behind one small interface: opening, the id column, full-text
 * search, write transactions, how a unique violation looks and a lock between processes.
 * Everything else in the store is Kysely's query builder and runs unchanged on SQLite and PostgreSQL.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The text of one article as the search index sees it. */
export interface SearchText {
  title: string;
  body: string;
  translatedTitle: string;
  translatedBody: string;
}

/** Narrows a search: original language, a source that carried it, publication days (YYYY-MM-DD, inclusive). */
export interface SearchFilter {
  language?: string;
  sourceId?: number;
  from?: string;
  to?: string;
  section?: string;
}

/**
 * Search ranks the newest this many matches (search-window.ts); older ones follow newest first.
 * News readers want recent articles, and a bounded window keeps a search for a word found in every
 * article as fast as one for a rare word (bench:web: 100,000 articles).
 */
export const SEARCH_WINDOW = 100;

export interface StoreDialect {
  name: 'sqlite' | 'postgres';
  /** Adds `id`, an integer primary key the database numbers itself. */
  addIdColumn<TB extends string, C extends string>(table: CreateTableBuilder<TB, C>): CreateTableBuilder<TB, C | 'id'>;
  /** Creates the full-text index over articles (a migration step). */
  createSearchIndex(db: Kysely<any>): Promise<void>;
  /** Drops the full-text index and builds it again from the stored articles and translations (a migration step). */
  rebuildSearchIndex(db: Kysely<any>): Promise<void>;
  /** Replaces the indexed text of one article. */
  writeSearchText(db: Kysely<Database>, articleId: number, text: SearchText): Promise<void>;
  /**
   * Article ids matching every word (and the filter), newest published first (as the latest list:
   * publication time, else first sighting; not arrival order), user input never parsed as query syntax; the database walks its index and stops at the limit, never
   * ranking or sorting every match of a common word. Ranking: search-window.ts.
   */
  searchArticleIds(
    db: Kysely<Database>,
    query: string,
    limit: number,
    offset: number,
    filter?: SearchFilter,
  ): Promise<number[]>;
  /**
   * The newest SEARCH_WINDOW matches ranked by how many of the query's words their headlines hold
   * (ties newest first), `limit` of them from `offset`, in one query (search-window.ts; SQLite,
   * from the folded headline words it keeps beside its index). Absent: search-window.ts ranks the
   * window itself from the stored titles.
   */
  rankedWindowIds?(
    db: Kysely<Database>,
    query: string,
    words: string[],
    limit: number,
    offset: number,
    filter?: SearchFilter,
  ): Promise<number[]>;
  /** Creates (again) and fills what rankedWindowIds reads (a migration step; nothing where it is absent). */
  createHeadlineWords?(db: Kysely<any>): Promise<void>;
  /**
   * Numbers each write of an article's search text from now on (SQLite: search_headlines.indexed_seq),
   * so reader threads keep their common-word bitmaps exact (common-words.ts). A migration step.
   */
  numberSearchWrites?(db: Kysely<any>): Promise<void>;
  /**
   * One bounded step of search-index upkeep; true when it did work (call again later to go on).
   * 'step' merges where the index's own merge policy has work left; 'full' merges everything into
   * one structure, a little at a time (SQLite FTS5 keeps new text in small segments, and a search
   * reads every segment: at 100,000 articles a fully merged index answered two-word searches 3-4x
   * faster, bench:web). PostgreSQL's GIN index needs none of this: false.
   */
  tidySearchIndex(db: Kysely<Database>, mode: 'step' | 'full'): Promise<boolean>;
  /** Runs `work` in a transaction that holds the write lock from its start (no upgrade deadlocks). */
  writeTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  isUniqueViolation(error: unknown): boolean;
  /**
   * True when several processes write to the store at once (PostgreSQL's `happenings worker`s), so
   * what a process keeps in memory from the store (the clusterer's stories) must catch up with
   * what the others wrote. SQLite: one process writes.
   */
  readonly sharedWriters: boolean;
  /**
   * Runs `work` while no other process runs work under the same `lock`, handing it the db to use.
   * PostgreSQL: a transaction that takes an advisory lock first; `work` reads and writes in it, and
   * the commit (one WAL flush for all its writes) comes before the lock is let go, so the next
   * holder sees everything; a failure or a dropped connection rolls back and frees the lock.
   * SQLite: just runs it on `db` (one process writes the file, and the caller serialises within it).
   */
  exclusively<T>(db: Kysely<Database>, lock: number, work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

/** What every store module works with. */
export interface StoreContext {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /**
   * Where the site's hottest reads go (search walks and result lines): SQLite reader threads when
   * the store was opened with some (sqlite-readers.ts), else undefined and they use `db`.
   */
  readDb?: Kysely<Database>;
  /**
   * Where the site's slow lists go (languages and sections of the newest articles, sources' article
   * counts: each walks many rows, 20-400 ms at a million articles, reloaded every 30 s): a reader
   * thread of their own when the store has one, so a search never queues behind one on `readDb`'s
   * thread and no event loop waits for one; else `readDb`, else `db` (listDbOf).
   */
  listDb?: Kysely<Database>;
}

/** The connection for a slow list (StoreContext.listDb). */
export function listDbOf(ctx: StoreContext): Kysely<Database> {
  return ctx.listDb ?? ctx.readDb ?? ctx.db;
}
