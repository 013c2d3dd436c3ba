/**
 * The order of search results, the same on every database. Two orders:
 * - 'newest' (what the site asks for by default): matches newest first, straight from the dialect's
 *   index walk, which stops after offset + limit matches. One bounded query, nothing to rank.
 * - 'relevance': the newest SEARCH_WINDOW matches ranked by how many of the query's words their
 *   headlines hold (original or translated; ties newest first), then older matches newest first.
 *   A page is cut from that order with at most two bounded index walks and two small lookups.
 *
 * Why not bm25 / ts_rank: FTS5's bm25 first counts every document holding each query word, which
 * for a word found in nearly every article cost ~12 ms a query at 100,000 articles (bench:web's
 * store), ten times the newest-first walk; a headline holding the reader's words is what ranking
 * mostly found anyway.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { SEARCH_WINDOW, type SearchFilter, type StoreDialect } from './dialect.js';
import type { Database } from './schema.js';
import { recentValues } from '../recent-values.js';

/** How a search orders its matches (see above). */
export type SearchOrder = 'newest' | 'relevance';

/** A page of match ids in `order`. */
export async function searchPage(
  db: Kysely<Database>,
  dialect: StoreDialect,
  query: string,
  limit: number,
  offset: number,
  filter: SearchFilter,
  order: SearchOrder = 'relevance',
): Promise<number[]> {
  if (order === 'newest') return dialect.searchArticleIds(db, query, limit, offset, filter);
  const ids: number[] = [];
  if (offset < SEARCH_WINDOW) {
    const take = Math.min(limit, SEARCH_WINDOW - offset);
    if (dialect.rankedWindowIds)
      ids.push(...(await dialect.rankedWindowIds(db, query, [...new Set(foldedWords(query))], take, offset, filter)));
    else {
      const window = await dialect.searchArticleIds(db, query, SEARCH_WINDOW, 0, filter);
      ids.push(...(await rankByHeadline(db, dialect, query, window)).slice(offset, offset + limit));
    }
  }
  const tailStart = Math.max(offset, SEARCH_WINDOW);
  if (offset + limit > tailStart)
    ids.push(...(await dialect.searchArticleIds(db, query, offset + limit - tailStart, tailStart, filter)));
  return ids;
}

/** Lower-case words without accents, as the indexes fold them ("Zürich" → "zurich"). */
export function foldedWords(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The folded words of an article's headlines (original and translated titles) as one line,
 * " word word … ", which a folded query word is looked up in as " word " (SQLite keeps it per article).
 */
export function headlineLine(...titles: string[]): string {
  let line = ' ';
  for (const title of titles) for (const word of foldedWords(title)) line += `${word} `;
  return line;
}

/**
 * Where the database does not rank the window itself (rankedWindowIds; PostgreSQL): the folded
 * words of each article's headlines (original and translated), kept 30 s per store as
 * one string, " word word … ", that a query word is looked up in with includes(" word "): a
 * relevance window is the newest 100 matches, and the windows of queries sharing a word share most
 * of their articles (bench:web, new relevance searches: reading and folding 100 headlines was a
 * third of a search). A string per article instead of a Set of its words: a quarter of the memory
 * and no Set to build, and looking up three words in a hundred headlines cost less (in-process,
 * 4,000 new relevance queries: fold 52 → 29 µs a query, rank 33 → 15 µs).
 * A translation arriving meanwhile counts in the ranking 30 s later at most.
 */
const HEADLINE_TTL_MS = 30_000;
const HEADLINE_ENTRIES = 20_000;
const headlineWords = new WeakMap<Kysely<Database>, ReturnType<typeof recentValues<number, string>>>();

/** `ids` (newest first) reordered: most query words in a headline first, newest first among equals. */
async function rankByHeadline(
  db: Kysely<Database>,
  dialect: StoreDialect,
  query: string,
  ids: number[],
): Promise<number[]> {
  if (ids.length < 2) return ids;
  const wanted = [...new Set(foldedWords(query))].map((w) => ` ${w} `);
  let kept = headlineWords.get(db);
  if (!kept) headlineWords.set(db, (kept = recentValues<number, string>(HEADLINE_TTL_MS, HEADLINE_ENTRIES)));
  const now = Date.now();
  const lines = ids.map((id) => kept.get(id, now));
  const missing = ids.filter((_, i) => lines[i] === undefined);
  if (missing.length > 0) {
    // One SQL text with the ids as one parameter (building the two queries with Kysely cost more than running them).
    const list =
      dialect.name === 'sqlite'
        ? sql`(select value from json_each(${JSON.stringify(missing)}))`
        : sql`(select unnest(${missing}::bigint[]))`;
    const { rows: titles } = await sql<{ id: number; title: string }>`select id, title from articles where id in ${list}
      union all select article_id as id, title from translations where article_id in ${list}`.execute(db);
    const byId = new Map<number, string[]>(missing.map((id) => [id, []]));
    for (const { id, title } of titles) byId.get(Number(id))?.push(title);
    const words = new Map<number, string>([...byId].map(([id, list]) => [id, headlineLine(...list)]));
    for (const [id, line] of words) kept.set(id, line, now);
    for (let i = 0; i < ids.length; i += 1) lines[i] ??= words.get(ids[i]!);
  }
  // Counted once per article, then one pass per count from the most (a query has few words): no comparison sort.
  const hits = new Uint8Array(ids.length);
  let most = 0;
  for (let i = 0; i < ids.length; i += 1) {
    const line = lines[i] ?? '';
    let n = 0;
    for (const w of wanted) if (line.includes(w)) n += 1;
    hits[i] = n;
    if (n > most) most = n;
  }
  const ranked: number[] = [];
  for (let n = most; n >= 0; n -= 1) for (let i = 0; i < ids.length; i += 1) if (hits[i] === n) ranked.push(ids[i]!);
  return ranked;
}

/** True when the filter narrows anything (the search must then join `articles`). */
export function hasFilter(f: SearchFilter): boolean {
  return !!(f.language || f.sourceId || f.from || f.to || f.section);
}

/** ` and …` conditions over `articles a`, the matched article's id being `id`; values are bound, never spliced. */
export function filterConditions(f: SearchFilter, id: RawBuilder<unknown>): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  const day = sql`substr(coalesce(a.published_at, a.first_seen_at), 1, 10)`;
  if (f.language) parts.push(sql`and a.language = ${f.language}`);
  if (f.section) parts.push(sql`and a.section = ${f.section}`);
  if (f.from) parts.push(sql`and ${day} >= ${f.from}`);
  if (f.to) parts.push(sql`and ${day} <= ${f.to}`);
  if (f.sourceId)
    parts.push(
      sql`and exists (select 1 from article_sources s where s.article_id = ${id} and s.source_id = ${f.sourceId})`,
    );
  return sql.join(parts, sql` `);
}
