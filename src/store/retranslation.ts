/** The articles `happenings retranslate` goes through: by language, date and source, in id order, a page at a time. */
import type { StoreContext } from './dialect.js';
import { toIso } from './rows.js';

export interface RetranslationFilter {
  /** The article's detected language ("de"). */
  language?: string;
  /** Published (or, without a date, first seen) at or after this time. */
  since?: string;
  sourceId?: number;
  /** Ids above this one (the last of the previous page). */
  afterId: number;
  limit: number;
}

/**
 * Ids of stored articles with a detected language that a source still wants translated (a source
 * with "translate" off in admin keeps its articles in the original; an article with no source
 * recorded, as from `ingest`, is included).
 */
export async function articleIdsToRetranslate({ db }: StoreContext, filter: RetranslationFilter): Promise<number[]> {
  let query = db
    .selectFrom('articles')
    .select('articles.id')
    .where('articles.id', '>', filter.afterId)
    .where('articles.language', 'is not', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_sources')
          .leftJoin('sources', 'sources.id', 'article_sources.source_id')
          .select('article_sources.article_id')
          .whereRef('article_sources.article_id', '=', 'articles.id')
          .where((eb) => eb.or([eb('article_sources.source_id', 'is', null), eb('sources.translate', '=', 1)])),
      ),
    );
  if (filter.language !== undefined) query = query.where('articles.language', '=', filter.language);
  const { sourceId, since } = filter;
  if (sourceId !== undefined)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_sources')
          .select('article_sources.article_id')
          .whereRef('article_sources.article_id', '=', 'articles.id')
          .where('article_sources.source_id', '=', sourceId),
      ),
    );
  if (since !== undefined)
    query = query.where((eb) =>
      eb.or([
        eb('articles.published_at', '>=', toIso(since)),
        eb.and([eb('articles.published_at', 'is', null), eb('articles.first_seen_at', '>=', toIso(since))]),
      ]),
    );
  const rows = await query.orderBy('articles.id').limit(filter.limit).execute();
  return rows.map((r) => r.id);
}
