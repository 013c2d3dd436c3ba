/** Articles and the outlets that carried them. One transaction per saved article. */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { HappeningsError } from '../errors.js';
import { articleChanges, articleValues, type ArticleValues } from './article-merge.js';
import { listDbOf, type StoreContext } from './dialect.js';
import { clearItemErrors, recordItemErrorIn } from './item-errors.js';
import { articleFromRow, toIso } from './rows.js';
import type { Database } from './schema.js';
import { refreshSearchText } from './search.js';
import { recountStorySources } from './stories.js';
import type { ArticleRow, Carrier, ItemErrorInput, SaveArticleInput, Translation } from './types.js';
import { upsertTranslation } from './translations.js';

/**
 * Saves one extracted article in one transaction: 1. insert it, or merge it into the stored article
 * with the same canonical URL (never damaging it); 2. record who carried it (idempotent);
 * 3. save its translations; 4. refresh its search text; 5. forget an earlier failure of its URL,
 * except that a translation that failed again (`translationFailure`, to be retried at a later poll)
 * keeps its row and counts one more attempt.
 */
export async function saveArticle(
  { db, dialect }: StoreContext,
  input: SaveArticleInput,
  translations: Translation[] = [],
  translationFailure: ItemErrorInput | null = null,
): Promise<{ articleId: number; created: boolean; updated: boolean }> {
  const seenAt = toIso(input.seenAt);
  const values = articleValues(input, seenAt);
  if (!values.canonical_url) throw new HappeningsError('store', 'bad-input', 'an article needs a URL');
  return dialect.writeTransaction(db, async (trx) => {
    const { articleId, created, updated } = await upsertArticle(trx, values);
    await insertCarrier(trx, articleId, { sourceId: input.sourceId, feedId: input.feedId, url: input.url, seenAt });
    for (const translation of translations) await upsertTranslation(trx, articleId, translation);
    if (created || updated || translations.length > 0) await refreshSearchText(trx, dialect, articleId);
    await clearItemErrors(trx, [input.url, values.canonical_url], translationFailure);
    if (translationFailure) await recordItemErrorIn(trx, translationFailure);
    return { articleId, created, updated };
  });
}

async function upsertArticle(trx: Kysely<Database>, values: ArticleValues) {
  const stored = await trx
    .selectFrom('articles')
    .selectAll()
    .where('canonical_url', '=', values.canonical_url)
    .executeTakeFirst();
  if (!stored) {
    const { id } = await trx.insertInto('articles').values(values).returning('id').executeTakeFirstOrThrow();
    return { articleId: id, created: true, updated: false };
  }
  const changes = articleChanges(stored, values);
  const updated = Object.keys(changes).length > 0;
  if (updated) await trx.updateTable('articles').set(changes).where('id', '=', stored.id).execute();
  return { articleId: stored.id, created: false, updated };
}

/**
 * Records that another outlet carried a stored article (a syndicated copy found by dedupe), in one
 * transaction with forgetting an earlier failure of that URL. Idempotent.
 */
export async function addCarrier(
  { db, dialect }: StoreContext,
  articleId: number,
  carrier: CarrierInput,
): Promise<void> {
  await dialect.writeTransaction(db, async (trx) => {
    await insertCarrier(trx, articleId, { ...carrier, seenAt: toIso(carrier.seenAt) });
    await clearItemErrors(trx, [carrier.url]);
    await recountStorySources(trx, articleId);
  });
}

/** Dedupe fingerprints of the articles first seen since `since` (to rebuild the index at start). */
export async function articleFingerprints(
  { db }: StoreContext,
  since: string,
): Promise<{ id: number; fingerprint: string; firstSeenAt: string }[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'fingerprint', 'first_seen_at'])
    .where('first_seen_at', '>=', toIso(since))
    .where('fingerprint', 'is not', null)
    .orderBy('first_seen_at')
    .execute();
  return rows.map((r) => ({ id: r.id, fingerprint: r.fingerprint!, firstSeenAt: toIso(r.first_seen_at) }));
}

export interface CarrierInput {
  sourceId: number | null;
  feedId: number | null;
  url: string;
  seenAt: string;
}

async function insertCarrier(trx: Kysely<Database>, articleId: number, carrier: CarrierInput): Promise<void> {
  const known = await trx
    .selectFrom('article_sources')
    .select(['source_id', 'url'])
    .where('article_id', '=', articleId)
    .execute();
  if (known.some((k) => k.source_id === carrier.sourceId && k.url === carrier.url)) return;
  await trx
    .insertInto('article_sources')
    .values({
      article_id: articleId,
      source_id: carrier.sourceId,
      feed_id: carrier.feedId,
      url: carrier.url,
      seen_at: carrier.seenAt,
      is_first: known.length === 0 ? 1 : 0,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function articleById({ db }: StoreContext, id: number): Promise<ArticleRow | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? articleFromRow(row) : null;
}

export async function articleByCanonicalUrl({ db }: StoreContext, url: string): Promise<ArticleRow | null> {
  const row = await db.selectFrom('articles').selectAll().where('canonical_url', '=', url).executeTakeFirst();
  return row ? articleFromRow(row) : null;
}

/** The given articles in the order of `ids` (missing ones left out). */
export async function articlesByIds({ db }: StoreContext, ids: number[]): Promise<ArticleRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('articles').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, articleFromRow(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface LatestArticlesOptions {
  limit: number;
  offset?: number;
  sourceId?: number;
  language?: string;
  /** The publisher's section, as stored ("Politics"). */
  section?: string;
  /** One of the site's sections (web/section-filter.ts builds it). */
  sections?: SectionsFilter;
}

/**
 * The articles of one of the site's sections: publishers' names the rules map to it, as sources'
 * overrides correct them. An article's source is the one that first carried it.
 */
export interface SectionsFilter {
  /** Publishers' section names, as stored, that the rules map to the section. */
  names: string[];
  /** Sources with overrides of their own: their articles match by `allOfSources` and `pairs` only. */
  exceptSources: number[];
  /** Sources every article of which is in the section. */
  allOfSources: number[];
  /** A source's own section name (as stored) that it maps to the section. */
  pairs: { sourceId: number; section: string }[];
}

/** The source that first carried the article (flagged first, else the earliest seen), as SQL. */
const firstSourceOf = sql<number | null>`(select c.source_id from article_sources c
  where c.article_id = articles.id order by c.is_first desc, c.seen_at limit 1)`;

/** The condition of a SectionsFilter over `articles`; with no overrides, `section in (…)` (its index). */
export function sectionsCondition(f: SectionsFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  const names = (list: string[]) => sql.join(list.map((n) => sql`${n}`));
  const ids = (list: number[]) => sql.join(list.map((n) => sql`${n}`));
  if (f.names.length) {
    parts.push(
      f.exceptSources.length
        ? sql`(articles.section in (${names(f.names)}) and coalesce(${firstSourceOf}, 0) not in (${ids(f.exceptSources)}))`
        : sql`articles.section in (${names(f.names)})`,
    );
  }
  if (f.allOfSources.length) parts.push(sql`${firstSourceOf} in (${ids(f.allOfSources)})`);
  for (const p of f.pairs) parts.push(sql`(articles.section = ${p.section} and ${firstSourceOf} = ${p.sourceId})`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`1 = 0`;
}

/** Newest first: by publication date, else by when we first saw it. */
export async function latestArticles({ db }: StoreContext, options: LatestArticlesOptions): Promise<ArticleRow[]> {
  let query = db.selectFrom('articles').selectAll('articles');
  const { sourceId, language } = options;
  if (sourceId !== undefined) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_sources')
          .select('article_sources.article_id')
          .whereRef('article_sources.article_id', '=', 'articles.id')
          .where('article_sources.source_id', '=', sourceId),
      ),
    );
  }
  if (language !== undefined) query = query.where('articles.language', '=', language);
  if (options.section !== undefined) query = query.where('articles.section', '=', options.section);
  if (options.sections !== undefined) {
    const condition = sectionsCondition(options.sections);
    query = query.where(() => condition as RawBuilder<SqlBool>);
  }
  const rows = await query
    .orderBy((eb) => eb.fn.coalesce('articles.published_at', 'articles.first_seen_at'), 'desc')
    .orderBy('articles.id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map(articleFromRow);
}

/**
 * The newest articles the language and section lists are counted over. Counting every article was a
 * whole-table scan for languages (5.3 s at a million articles, bench:plans) and a walk of a million
 * index entries for sections (0.19 s), every 30 s per web process; the newest 20,000 are read in
 * publication order by articles_latest (a bounded read at any size, exact for a store this small).
 * A language or a publisher's section name seen only before them is not offered as a filter.
 */
const COUNTED_ARTICLES = 20_000;

/** The newest COUNTED_ARTICLES articles' `column`, as a subquery `newest`. */
function newest(db: Kysely<Database>, column: 'language' | 'section') {
  return db
    .selectFrom('articles')
    .select(column)
    .orderBy((eb) => eb.fn.coalesce('articles.published_at', 'articles.first_seen_at'), 'desc')
    .limit(COUNTED_ARTICLES)
    .as('newest');
}

/** Languages of the newest stored originals (COUNTED_ARTICLES), most articles first. */
export async function articleLanguages(ctx: StoreContext): Promise<{ language: string; count: number }[]> {
  const reader = listDbOf(ctx); // a reader thread when the store has one
  const rows = await reader
    .selectFrom(newest(reader, 'language'))
    .select(({ fn }) => ['newest.language', fn.countAll<number>().as('count')])
    .where('newest.language', 'is not', null)
    .groupBy('newest.language')
    .orderBy('count', 'desc')
    .execute();
  return rows.map((r) => ({ language: r.language as string, count: Number(r.count) }));
}

/** Sections of the newest stored articles (COUNTED_ARTICLES), most articles first (the front page offers them as filters). */
export async function articleSections(ctx: StoreContext, limit = 12): Promise<{ section: string; count: number }[]> {
  const reader = listDbOf(ctx);
  const rows = await reader
    .selectFrom(newest(reader, 'section'))
    .select(({ fn }) => ['newest.section', fn.countAll<number>().as('count')])
    .where('newest.section', 'is not', null)
    .groupBy('newest.section')
    .orderBy('count', 'desc')
    .orderBy('newest.section')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ section: r.section as string, count: Number(r.count) }));
}

export async function articleCount({ db }: StoreContext): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every outlet/feed that carried the article, the first one first. */
export async function carriersOf({ db }: StoreContext, articleId: number): Promise<Carrier[]> {
  const rows = await db
    .selectFrom('article_sources')
    .leftJoin('sources', 'sources.id', 'article_sources.source_id')
    .select([
      'article_sources.article_id',
      'article_sources.source_id',
      'sources.name',
      'article_sources.feed_id',
      'article_sources.url',
      'article_sources.seen_at',
      'article_sources.is_first',
    ])
    .where('article_sources.article_id', '=', articleId)
    .orderBy('article_sources.is_first', 'desc')
    .orderBy('article_sources.seen_at')
    .execute();
  return rows.map((r) => ({
    articleId: r.article_id,
    sourceId: r.source_id,
    sourceName: r.name ?? null,
    feedId: r.feed_id,
    url: r.url,
    seenAt: r.seen_at,
    isFirst: r.is_first === 1,
  }));
}

/** Whether a page address is known: as an article's URL or canonical URL, or as any carrier's URL. */
export async function hasArticleUrl({ db }: StoreContext, url: string): Promise<boolean> {
  const article = await db
    .selectFrom('articles')
    .select('id')
    .where((eb) => eb.or([eb('url', '=', url), eb('canonical_url', '=', url)]))
    .limit(1)
    .executeTakeFirst();
  if (article) return true;
  const carrier = await db
    .selectFrom('article_sources')
    .select('article_id')
    .where('url', '=', url)
    .limit(1)
    .executeTakeFirst();
  return carrier !== undefined;
}
