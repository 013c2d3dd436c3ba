/** Daily view counts per article (no personal data: a day and a number) and what they rank. */
import type { StoreContext } from './dialect.js';
import { articleFromRow } from './rows.js';
import type { ArticleRow } from './types.js';

/** Counts one view of the article on the (UTC) day of `at`. */
export async function recordView({ db }: StoreContext, articleId: number, at: Date = new Date()): Promise<void> {
  await db
    .insertInto('views')
    .values({ article_id: articleId, day: at.toISOString().slice(0, 10), count: 1 })
    .onConflict((oc) => oc.columns(['article_id', 'day']).doUpdateSet((eb) => ({ count: eb('views.count', '+', 1) })))
    .execute();
}

/** Most viewed articles over the last `days` days up to `now`, most first. */
export async function popularArticles(
  { db }: StoreContext,
  options: { days: number; limit: number; now?: Date },
): Promise<(ArticleRow & { views: number })[]> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.days - 1) * 86_400_000).toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('views')
    .innerJoin('articles', 'articles.id', 'views.article_id')
    .selectAll('articles')
    .select(({ fn }) => fn.sum<number>('views.count').as('total'))
    .where('views.day', '>=', since)
    .groupBy('articles.id')
    .orderBy('total', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map(({ total, ...row }) => ({ ...articleFromRow(row), views: Number(total) }));
}
