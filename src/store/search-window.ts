/**
 * The order every dialect's search gives (see SEARCH_WINDOW): the newest matches ranked, then the
 * older ones newest first. A page is cut from that order with at most two bounded queries.
 */
import { sql, type RawBuilder } from 'kysely';
import { SEARCH_WINDOW, type SearchFilter } from './dialect.js';

export interface WindowQueries {
  /** The newest `window` matches, best first. */
  ranked(window: number): Promise<number[]>;
  /** Matches newest first, skipping `offset`. */
  newest(limit: number, offset: number): Promise<number[]>;
}

export async function searchPage(q: WindowQueries, limit: number, offset: number): Promise<number[]> {
  const ids: number[] = [];
  if (offset < SEARCH_WINDOW) ids.push(...(await q.ranked(SEARCH_WINDOW)).slice(offset, offset + limit));
  const tailStart = Math.max(offset, SEARCH_WINDOW);
  if (offset + limit > tailStart) ids.push(...(await q.newest(offset + limit - tailStart, tailStart)));
  return ids;
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
  if (f.sourceId) parts.push(sql`and exists (select 1 from article_sources s where s.article_id = ${id} and s.source_id = ${f.sourceId})`);
  return sql.join(parts, sql` `);
}
