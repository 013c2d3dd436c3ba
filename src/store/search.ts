/** Full-text search over original and translated text; the index itself lives in the dialect. */
import type { Kysely } from 'kysely';
import type { SearchFilter, StoreContext, StoreDialect } from './dialect.js';
import { articleFromRow, parseJsonList } from './rows.js';
import type { Database } from './schema.js';
import { searchPage, type SearchOrder } from './search-window.js';
import type { ArticleRow } from './types.js';

/** Rewrites the indexed text of one article from its stored row and translations (inside the caller's transaction). */
export async function refreshSearchText(db: Kysely<Database>, dialect: StoreDialect, articleId: number): Promise<void> {
  const article = await db
    .selectFrom('articles')
    .select(['title', 'subtitle', 'paragraphs'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) return;
  const translations = await db
    .selectFrom('translations')
    .select(['title', 'subtitle', 'paragraphs'])
    .where('article_id', '=', articleId)
    .orderBy('language')
    .execute();
  await dialect.writeSearchText(db, articleId, {
    title: article.title,
    body: bodyText(article),
    translatedTitle: translations.map((t) => t.title).join('\n'),
    translatedBody: translations.map(bodyText).join('\n\n'),
  });
}

/** A page of the ids of the articles matching `query`, in `order` (search-window.ts; default 'relevance'). */
export function searchIds(
  { db, readDb, dialect }: StoreContext,
  query: string,
  options: { limit: number; offset?: number; order?: SearchOrder } & SearchFilter,
): Promise<number[]> {
  const { limit, offset = 0, order, ...filter } = options;
  // The site's search: on a reader thread when the store has them.
  return searchPage(readDb ?? db, dialect, query, limit, offset, filter, order);
}

/** One bounded step of search-index upkeep (the dialect's tidySearchIndex); true when it did work. */
export function tidySearchIndex({ db, dialect }: StoreContext, mode: 'step' | 'full'): Promise<boolean> {
  return dialect.tidySearchIndex(db, mode);
}

function bodyText(row: { subtitle: string | null; paragraphs: string }): string {
  return [row.subtitle ?? '', ...parseJsonList<string>(row.paragraphs)].filter(Boolean).join('\n');
}

/**
 * Articles matching every word of `query`, in `order` (search-window.ts; default 'relevance');
 * words in any language, accents optional.
 */
export async function search(
  { db, dialect }: StoreContext,
  query: string,
  options: { limit: number; offset?: number; order?: SearchOrder } & SearchFilter,
): Promise<ArticleRow[]> {
  const { limit, offset = 0, order, ...filter } = options;
  const ids = await searchPage(db, dialect, query, limit, offset, filter, order);
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('articles').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [articleFromRow(row)] : [];
  });
}
