/**
 * SQLite specifics, all in one place: pragmas, FTS5, `begin immediate`. better-sqlite3 gives one
 * synchronous connection; Kysely serialises queries on it with a mutex.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type RawBuilder } from 'kysely';
import { SEARCH_WINDOW, type SearchFilter, type SearchText, type StoreDialect } from './dialect.js';
import type { Database } from './schema.js';
import { log } from '../log.js';
import { filterConditions, foldedWords, hasFilter, headlineLine } from './search-window.js';
import { defaultCommonWordsSettings, NOT_READY, type CommonWordsSettings } from './common-words.js';
import { commonWordsOf } from './sqlite-readers.js';

/** How long a writer waits for another process's lock before failing (ms); a feed poll commits in well under this. */
const busyTimeoutMs = 5000;

/**
 * Bytes of the file read through a memory map (SQLite caps it at its build's limit, 2 GiB by
 * default). bench:web at 100,000 articles: a search's two queries 0.92 -> 0.78 ms, a page of
 * result lines 0.35 -> 0.22 ms (rows spread over a 300 MB file).
 */
const mmapBytes = 2 ** 31;
/** Page cache per connection, KiB. */
const cacheKib = 64 * 1024;
/** The read pragmas every connection to the file sets (the reader threads too). */
export const sqlitePragmas = { mmapBytes, cacheKib };

/** Opens (creating its folder) the SQLite file at `dbPath`; ':memory:' works too. */
export function openSqlite(dbPath: string): Kysely<Database> {
  if (dbPath !== ':memory:' && dbPath !== '') mkdirSync(dirname(dbPath), { recursive: true });
  const database = new SqliteDatabase(dbPath);
  database.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only a power loss may drop the last commits.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // Reads through a memory map instead of a read() call per page (the pages stay in the OS cache,
  // shared by every process that opens the file), and a larger page cache than SQLite's 2 MB.
  database.pragma(`mmap_size = ${mmapBytes}`);
  database.pragma(`cache_size = ${-cacheKib}`);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

/** Distinct statements kept prepared; the store issues a few hundred distinct SQL texts in all. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely's SQLite driver prepares every query anew; the ingest profile (bench/cpuprofile.ts) showed
 * preparing at 28 statements per article and a fifth of the worker's SQL time. Statements are kept by
 * their SQL text (parameters are bound per run), least recently used dropped first. Safe because
 * Kysely runs one query at a time on this connection.
 */
function withStatementCache(database: SqliteDatabase.Database): {
  prepare(sql: string): SqliteDatabase.Statement;
  close(): void;
} {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(text) {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text); // re-inserted below: the Map's order is recency
      } else {
        statement = database.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
    close: () => database.close(),
  };
}

/** Words of a query the index is asked for; the rest are left out. */
const MAX_QUERY_WORDS = 32;

/** FTS5 query from free text: each word quoted (so `AND`, `"`, `*`, `:` are just words), all required. */
export function ftsQuery(input: string): string | null {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, MAX_QUERY_WORDS)
    .map((w) => `"${w}"`)
    .join(' ');
}

/**
 * The index's rowid of an article: minus (its publication second × 2^30 + its id), so that FTS5, walking a
 * match list forwards (about twice as fast as backwards), meets the most recently published first, and a
 * search stops after a page of them (migration 0016; before it the rowid was minus the id, which is the order
 * articles were stored in: a feed's newest item stored before its older ones was listed after them).
 * The publication time is the site's (`coalesce(published_at, first_seen_at)`, as the latest list's);
 * ids stay below 2^30 (a billion articles) and seconds below 2^32 (the year 2106), so it fits in 63 bits.
 * Computed in SQL only: it is past JavaScript's safe integers. search_headlines keeps each article's, so
 * the old row can be deleted when a merge changes the date.
 */
export const ROWID_ID_SPAN = 1_073_741_824;
const rowidText = (articles: string) =>
  `-(max(0, coalesce(unixepoch(coalesce(${articles}.published_at, ${articles}.first_seen_at)), 0)) * ${ROWID_ID_SPAN} + ${articles}.id)`;
const rowidOf = (articles: string) => sql.raw(rowidText(articles));

/** The reader threads' common-word bitmaps (common-words.ts) with these changes to the defaults. */
export function commonWordsSettings(changes: Partial<CommonWordsSettings> = {}): CommonWordsSettings {
  return {
    ...defaultCommonWordsSettings,
    idSpan: ROWID_ID_SPAN,
    // The index rowid of the article at offset ? newest first (the latest list's index walks it).
    newestRowidSql: `select ${rowidText('a')} from articles a order by coalesce(a.published_at, a.first_seen_at) desc limit 1 offset ?`,
    ...changes,
  };
}

/** The article id of an index rowid (see rowidOf). */
export const articleIdOf = (rowid: string) => sql.raw(`((-${rowid}) % ${ROWID_ID_SPAN})`);

/**
 * Matches a filtered search looks among: the newest this many of its words (of its days, with a
 * date filter). Unbounded, a filter that few articles pass (a rare language, a small source, one
 * in no article) walked every match of a common word and read its article: 2 s at a million
 * articles (bench:plans, `harbour` in a language no article is in); 20,000 cost ~30 ms at most.
 */
const FILTER_WINDOW = 20_000;

/** The matches of an FTS5 query as `f` (rowid: see rowidOf), then `where`; with a filter, articles joined as `a`. */
function matches(match: string, filter: SearchFilter, common: string[] = []) {
  // FTS5 walks the matches most recently published first and stops at the limit.
  if (!hasFilter(filter)) {
    if (common.length === 0) return sql`articles_fts f where articles_fts match ${match}`;
    // The common words tested in the reader thread's bitmaps, not in their long match lists (common-words.ts).
    const tests = common.map((w) => sql`and has_common(${articleIdOf('f.rowid')}, ${w})`);
    return sql`articles_fts f where articles_fts match ${match} ${sql.join(tests, sql` `)}`;
  }
  const window = sql`select rowid from articles_fts where articles_fts match ${match} ${datesAsRowids(filter)}
    order by rowid limit ${sql.lit(FILTER_WINDOW)}`;
  return sql`(${window}) f join articles a on a.id = ${articleIdOf('f.rowid')}
    where true ${filterConditions(filter, articleIdOf('f.rowid'))}`;
}

/**
 * A date filter as a range of index rowids (which hold the publication second, rowidOf), so FTS5
 * seeks to the days asked for instead of walking every newer match and reading its article to test
 * the date (a common word with from/to before the newest articles read most of the archive: 86 ms at
 * 20,000 articles, growing with the store; 0.1 ms with the range). A day's margin each side, so a
 * time written with an offset is never cut off; the exact test by date stays in filterConditions.
 */
function datesAsRowids(f: SearchFilter) {
  const parts: RawBuilder<unknown>[] = [];
  // Newer publication seconds have smaller rowids: "to" bounds them from below, "from" from above.
  // A date SQLite does not read leaves that side unbounded (the rowids are all negative).
  if (f.to)
    parts.push(
      sql`and rowid >= coalesce(-((unixepoch(${f.to}) + 2 * 86400) * ${sql.lit(ROWID_ID_SPAN)}), -9223372036854775807)`,
    );
  if (f.from)
    parts.push(sql`and rowid <= coalesce(-(max(0, unixepoch(${f.from}) - 86400) * ${sql.lit(ROWID_ID_SPAN)}), 0)`);
  return sql.join(parts, sql` `);
}

/** FTS5 leaf page size (see createSearchIndex). */
const SEARCH_PAGE_BYTES = 1000;

/** Index pages one upkeep step writes at most (~4 MB, tens of milliseconds of the write lock). */
const TIDY_PAGES = 1000;

/**
 * The search-index rows (rowid and the four texts) of the articles `where` selects (alias `a`): the
 * same words refreshSearchText writes (the separators between fields do not make words).
 */
function searchRowsOf(where: RawBuilder<unknown>) {
  const lines = (row: string) =>
    sql.raw(
      `concat_ws(char(10), ${row}.subtitle, (select group_concat(value, char(10)) from json_each(${row}.paragraphs)))`,
    );
  return sql`select ${rowidOf('a')}, a.title, ${lines('a')},
        coalesce((select group_concat(t.title, char(10)) from translations t where t.article_id = a.id), ''),
        coalesce((select group_concat(${lines('t')}, char(10)) from translations t where t.article_id = a.id), '')
      from articles a where ${where}`;
}

/** The folded headline words (search-window.ts headlineLine) of the articles with ids in [first, last], in one insert. */
async function writeHeadlineWords(db: Kysely<Database>, first: number, last: number): Promise<void> {
  const { rows } = await sql<{ id: number; title: string; translated: string | null }>`select a.id, a.title,
    (select group_concat(t.title, char(10)) from translations t where t.article_id = a.id) as translated
    from articles a where a.id between ${first} and ${last}`.execute(db);
  if (rows.length === 0) return;
  const values = rows.map((r) => sql`(${r.id}, ${headlineLine(r.title, r.translated ?? '')})`);
  await sql`insert into search_headlines (article_id, words) values ${sql.join(values)}`.execute(db);
  await sql`update search_headlines set fts_rowid = (select ${rowidOf('a')} from articles a where a.id = article_id)
    where article_id between ${first} and ${last}`.execute(db);
}

/**
 * Indexes for search the articles with ids in [first, last], none of them indexed yet, in three
 * statements whatever their number: a bulk load (bench:web fills a million articles this way; one
 * writeSearchText per article was three statements each). Inside the caller's transaction.
 */
export async function indexArticleRange(db: Kysely<Database>, first: number, last: number): Promise<void> {
  await sql`insert into articles_fts (rowid, title, body, translated_title, translated_body)
    ${searchRowsOf(sql`a.id between ${first} and ${last}`)}`.execute(db);
  await writeHeadlineWords(db, first, last);
  await sql`update search_headlines set indexed_seq = ${nextWriteNumber} where article_id between ${first} and ${last}`.execute(
    db,
  );
}

/** The number of the next write of search text (search_headlines.indexed_seq: migration 0020). */
const nextWriteNumber = sql`(select coalesce(max(indexed_seq), 0) + 1 from search_headlines)`;

/**
 * Runs `walk` with the query's common words tested by bitmap where the reader threads have them
 * (common-words.ts), else (or when a thread lost one meanwhile) with every word in the match.
 */
async function withCommonWords<R>(
  db: Kysely<Database>,
  query: string,
  match: string,
  filter: SearchFilter,
  walk: (match: string, common: string[]) => Promise<R>,
): Promise<R> {
  const bitmaps = hasFilter(filter) ? undefined : commonWordsOf(db);
  if (bitmaps) {
    const words = [...new Set(foldedWords(query))];
    const common = words.length <= MAX_QUERY_WORDS ? bitmaps.usable(words) : [];
    const rest = words.filter((w) => !common.includes(w));
    if (common.length > 0 && rest.length > 0) {
      try {
        return await walk(ftsQuery(rest.join(' '))!, common);
      } catch (error) {
        if (!(error instanceof Error && error.message.startsWith(NOT_READY))) throw error;
      }
    }
  }
  return walk(match, []);
}

export const sqliteDialect: StoreDialect = {
  name: 'sqlite',

  addIdColumn(table) {
    return table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  },

  async createSearchIndex(db) {
    // remove_diacritics 2: "Zürich" finds "Zurich"; unicode61 splits words in any script with spaces.
    // Contentless (the text lives in `articles` and `translations`): halves the file; rows are
    // still deletable by rowid (contentless_delete, SQLite 3.43+).
    // The rowid orders the articles newest published first (rowidOf).
    await sql`create virtual table articles_fts using fts5(
      title, body, translated_title, translated_body,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
    // Leaf pages of ~1 KB instead of 4 KB: a search seeks into the long match lists of common
    // words, and a seek lands on a page it then reads through (bench:web's store, 4,000 new
    // queries: a page of matches 137 -> 107 µs, the relevance window 150 -> 113 µs; 500 bytes
    // gained a little more there, 250 less; building the index took ~20 % longer).
    await sql`insert into articles_fts (articles_fts, rank) values ('pgsz', ${sql.lit(SEARCH_PAGE_BYTES)})`.execute(db);
  },

  async rebuildSearchIndex(db) {
    const { n } = (await sql<{ n: number }>`select count(*) as n from articles`.execute(db)).rows[0]!;
    // ~10 s per 100,000 articles; the store is locked meanwhile.
    if (n > 0) log.info(`store: rebuilding the search index over ${n} articles (once)`);
    await sql`drop table if exists articles_fts`.execute(db);
    await sqliteDialect.createSearchIndex(db);
    await sql`insert into articles_fts (rowid, title, body, translated_title, translated_body)
      ${searchRowsOf(sql`true`)}`.execute(db);
    await sql`insert into articles_fts (articles_fts) values ('optimize')`.execute(db);
  },

  async writeSearchText(db, articleId, text: SearchText) {
    // The rowid the article was indexed under (its date may have changed since), then the one it has now.
    await sql`delete from articles_fts where rowid = (select fts_rowid from search_headlines where article_id = ${articleId})`.execute(
      db,
    );
    // Keyed as an undated article (by id alone) when there is no row to read a date from.
    const rowid = sql`coalesce((select ${rowidOf('a')} from articles a where a.id = ${articleId}), ${-articleId})`;
    await sql`insert into articles_fts (rowid, title, body, translated_title, translated_body)
      values (${rowid}, ${text.title}, ${text.body}, ${text.translatedTitle}, ${text.translatedBody})`.execute(db);
    // Numbered, so reader threads keep their common-word bitmaps in step (common-words.ts).
    await sql`insert or replace into search_headlines (article_id, words, fts_rowid, indexed_seq)
      values (${articleId}, ${headlineLine(text.title, text.translatedTitle)}, ${rowid}, ${nextWriteNumber})`.execute(
      db,
    );
  },

  async searchArticleIds(db, query, limit, offset, filter = {}) {
    const match = ftsQuery(query);
    if (!match) return [];
    const result = await withCommonWords(db, query, match, filter, (m, common) =>
      sql<{
        id: number;
      }>`select ${articleIdOf('f.rowid')} as id from ${matches(m, filter, common)} order by f.rowid limit ${limit} offset ${offset}`.execute(
        db,
      ),
    );
    return result.rows.map((r) => r.id);
  },

  async rankedWindowIds(db, query, words, limit, offset, filter = {}) {
    const match = ftsQuery(query);
    if (!match || limit <= 0) return [];
    // The window walk and its ranking in one statement, on the database's side (a reader thread
    // when the store has one): each query word found in an article's folded headline line counts one.
    const hits = words.length
      ? sql.join(
          words.map((w) => sql`coalesce(instr(h.words, ${` ${w} `}) > 0, 0)`),
          sql` + `,
        )
      : sql`0`;
    const result = await withCommonWords(db, query, match, filter, (m, common) =>
      sql<{
        id: number;
      }>`with win as (select f.rowid as r from ${matches(m, filter, common)} order by f.rowid limit ${SEARCH_WINDOW})
      select ${articleIdOf('win.r')} as id from win left join search_headlines h on h.article_id = ${articleIdOf('win.r')}
      order by ${hits} desc, win.r limit ${limit} offset ${offset}`.execute(db),
    );
    return result.rows.map((r) => r.id);
  },

  async numberSearchWrites(db) {
    // createHeadlineWords makes the column too (a store whose table was made since has it).
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info('search_headlines')`.execute(db);
    if (!rows.some((c) => c.name === 'indexed_seq'))
      await sql`alter table search_headlines add column indexed_seq integer`.execute(db);
    await sql`create index if not exists search_headlines_seq on search_headlines (indexed_seq)`.execute(db);
  },

  async createHeadlineWords(db) {
    // With the rowid each article is indexed under (rowidOf), to delete that row when the text is written again.
    await sql`drop table if exists search_headlines`.execute(db);
    // indexed_seq: each write's number (numberSearchWrites; rows made here are numbered none, as before it).
    await sql`create table search_headlines (article_id integer primary key, words text not null, fts_rowid integer, indexed_seq integer)`.execute(
      db,
    );
    await sql`create index search_headlines_seq on search_headlines (indexed_seq)`.execute(db);
    // Folded in JS (the folding a query's words get), a thousand articles at a time.
    const { last } = (await sql<{ last: number | null }>`select max(id) as last from articles`.execute(db)).rows[0]!;
    for (let after = 0; after < (last ?? 0); after += 1000) await writeHeadlineWords(db, after + 1, after + 1000);
  },

  async tidySearchIndex(db, mode) {
    // FTS5's 'merge' command writes about |N| pages and stops; a positive N only merges levels that
    // hold enough segments, a negative one merges across levels (optimize, incrementally).
    // total_changes() moves when it wrote anything. The connection is the store's one connection.
    return db.connection().execute(async (conn) => {
      const before = await sql<{ n: number }>`select total_changes() as n`.execute(conn);
      await sql`insert into articles_fts (articles_fts, rank) values ('merge', ${mode === 'full' ? -TIDY_PAGES : TIDY_PAGES})`.execute(
        conn,
      );
      const after = await sql<{ n: number }>`select total_changes() as n`.execute(conn);
      return after.rows[0]!.n - before.rows[0]!.n > 1;
    });
  },

  async writeTransaction(db, work) {
    return db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await work(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  },

  isUniqueViolation(error) {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },

  sharedWriters: false,

  async exclusively(db, _lock, work) {
    return work(db);
  },
};
