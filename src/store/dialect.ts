/**
 * What differs between databases, behind one small interface: opening, the id column, full-text
 * search, write transactions and how a unique violation looks. Everything else in the store is
 * Kysely's query builder and runs unchanged on SQLite and (later) PostgreSQL.
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

export interface StoreDialect {
  name: 'sqlite' | 'postgres';
  /** Adds `id`, an integer primary key the database numbers itself. */
  addIdColumn<TB extends string, C extends string>(table: CreateTableBuilder<TB, C>): CreateTableBuilder<TB, C | 'id'>;
  /** Creates the full-text index over articles (a migration step). */
  createSearchIndex(db: Kysely<any>): Promise<void>;
  /** Replaces the indexed text of one article. */
  writeSearchText(db: Kysely<Database>, articleId: number, text: SearchText): Promise<void>;
  /** Article ids best first; user input is never parsed as query syntax. */
  searchArticleIds(db: Kysely<Database>, query: string, limit: number, offset: number): Promise<number[]>;
  /** Runs `work` in a transaction that holds the write lock from its start (no upgrade deadlocks). */
  writeTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  isUniqueViolation(error: unknown): boolean;
}

/** What every store module works with. */
export interface StoreContext {
  db: Kysely<Database>;
  dialect: StoreDialect;
}
