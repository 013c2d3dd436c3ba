/**
 * PostgreSQL specifics, all in one place: the pool, identity ids, tsvector search, transactions
 * that retry when another worker wrote the same key first, and migrations under an advisory lock.
 * Everything else is the same Kysely code as on SQLite.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { SearchText, StoreDialect } from './dialect.js';
import type { Database } from './schema.js';
import { filterConditions } from './search-window.js';

/** Connections per process: a worker runs a handful of jobs at once, each holding one for a few ms. */
const poolSize = 10;
/** Tries of one write transaction that lost a race (unique key, serialization, deadlock) before giving up. */
const transactionTries = 5;
/** Advisory lock key for migrations ("happ" in ASCII): one process migrates, the others wait. */
export const migrationLockKey = 0x68617070;

/** Counts and sums come back as int8/numeric; as JS numbers they are what the SQLite store returns. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export interface PostgresOptions {
  /** postgres://user@host:port/database */
  databaseUrl: string;
  /** Schema to work in (tests use a fresh one each); created if missing. Default: the server's search_path. */
  schema?: string;
}

export function openPostgres(options: PostgresOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: poolSize,
    types,
    ...(options.schema && { options: `-c search_path=${quoteIdent(options.schema)}` }),
  });
  // An idle client losing its server (restart, network) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Words for the index and the query alike: accents removed in JS (no `unaccent` extension needed),
 * lower-cased by the 'simple' configuration; the same word rule as the SQLite FTS query.
 */
export function searchWords(input: string): string[] {
  const folded = input
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

const folded = (text: string) => searchWords(text).join(' ');

export const postgresDialect: StoreDialect = {
  name: 'postgres',

  addIdColumn(table) {
    return table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity());
  },

  async createSearchIndex(db) {
    await sql`create table articles_search (
      article_id integer primary key references articles(id) on delete cascade,
      document tsvector not null
    )`.execute(db);
    await sql`create index articles_search_document on articles_search using gin (document)`.execute(db);
  },

  async writeSearchText(db, articleId, text: SearchText) {
    // Weights A (titles) and D (bodies): a word in the headline is what the article is about.
    await sql`insert into articles_search (article_id, document) values (${articleId},
      setweight(to_tsvector('simple', ${folded(text.title)}), 'A') ||
      setweight(to_tsvector('simple', ${folded(text.translatedTitle)}), 'A') ||
      setweight(to_tsvector('simple', ${folded(text.body)}), 'D') ||
      setweight(to_tsvector('simple', ${folded(text.translatedBody)}), 'D'))
      on conflict (article_id) do update set document = excluded.document`.execute(db);
  },

  async rebuildSearchIndex() {
    // Nothing to rebuild: a search orders its matches by the articles' dates (searchArticleIds).
  },

  async tidySearchIndex() {
    return false;
  },

  async searchArticleIds(db, query, limit, offset, filter = {}) {
    const words = searchWords(query).slice(0, 32);
    if (words.length === 0) return [];
    // Each word is letters and digits only, so the tsquery text cannot carry operators from the user.
    const tsquery = sql`to_tsquery('simple', ${words.map((w) => w.toLowerCase()).join(' & ')})`;
    // Most recently published first, as the site's latest list (index articles_latest), not the most recently stored.
    const result = await sql<{ id: number }>`select d.article_id as id
      from articles_search d join articles a on a.id = d.article_id
      where d.document @@ ${tsquery} ${filterConditions(filter, sql`d.article_id`)}
      order by coalesce(a.published_at, a.first_seen_at) desc, a.id desc limit ${limit} offset ${offset}`.execute(db);
    return result.rows.map((r) => r.id);
  },

  /**
   * PostgreSQL locks rows, not the file, so two workers may both find "no article with this URL"
   * and both insert: the second fails on the unique key. Rerunning its whole transaction then
   * finds the first one's row and merges into it, which is what SQLite's write lock gives.
   */
  async writeTransaction(db, work) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute(work);
      } catch (error) {
        if (attempt >= transactionTries || !isRetryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  },

  isUniqueViolation(error) {
    return pgCode(error) === '23505';
  },

  sharedWriters: true,

  async exclusively(db, lock, work) {
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${lock})`.execute(trx);
      return work(trx);
    });
  },
};

function pgCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** unique_violation, serialization_failure, deadlock_detected. */
function isRetryable(error: unknown): boolean {
  const code = pgCode(error);
  return code === '23505' || code === '40001' || code === '40P01';
}

/** Runs `work` while holding the migration lock on one connection, so processes migrate one at a time. */
export async function withMigrationLock<T>(
  db: Kysely<Database>,
  schema: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(conn);
    await sql`select pg_advisory_lock(${migrationLockKey})`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${migrationLockKey})`.execute(conn);
    }
  });
}
