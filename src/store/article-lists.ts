/**
 * Articles as the site lists them: the facts a list line needs besides the article row (its
 * translation, its first carrier), search result lines in one query, and similar articles for
 * "read too". Read-only. The similarity query uses SQLite's FTS5 table directly (any-word match
 * ranked by bm25); other dialects fall back to their `searchArticleIds` over the longest title words.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { StoreContext, StoreDialect } from './dialect.js';
import { translationFromRow } from './rows.js';
import type { Database } from './schema.js';
import { articleIdOf } from './sqlite-dialect.js';
import type { Translation } from './types.js';

/** Title words shorter than this are mostly articles and prepositions in the languages we read. */
const MIN_WORD_LENGTH = 4;
/** Words of the title used for the similarity query: enough to find the topic, few enough to stay fast. */
const MAX_WORDS = 12;

/** Candidates for "read too" by similarity: the newest matches of the title words (news reads forward). */
const SIMILAR_WINDOW = 200;

/** Articles whose text shares words with this one's titles (any of them), best first; never itself. */
export async function similarArticleIds(
  { db, dialect }: StoreContext,
  articleId: number,
  limit: number,
): Promise<number[]> {
  const article = await db.selectFrom('articles').select(['title']).where('id', '=', articleId).executeTakeFirst();
  if (!article) return [];
  const translated = await db
    .selectFrom('translations')
    .select(['title'])
    .where('article_id', '=', articleId)
    .execute();
  const words = new Set<string>();
  for (const title of [article.title, ...translated.map((t) => t.title)]) {
    for (const w of title.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [])
      if (w.length >= MIN_WORD_LENGTH) words.add(w.toLowerCase());
  }
  if (words.size === 0) return [];
  if (dialect.name !== 'sqlite') return similarByLongestWords(db, dialect, [...words], articleId, limit);
  const match = [...words]
    .slice(0, MAX_WORDS)
    .map((w) => `"${w}"`)
    .join(' OR ');
  // Ranked among the newest SIMILAR_WINDOW matches: an any-word match of twelve words hits most of
  // the archive, and ranking all of it took 0.15 s at 100,000 articles (bench:web's store).
  // (The index's rowids order articles newest published first: rowidOf in sqlite-dialect.ts.)
  const result = await sql<{
    id: number;
  }>`select id from (select ${articleIdOf('rowid')} as id, bm25(articles_fts, 5.0, 1.0, 5.0, 1.0) as score
    from articles_fts where articles_fts match ${match} and ${articleIdOf('rowid')} != ${articleId} order by rowid limit ${SIMILAR_WINDOW})
    order by score limit ${limit}`.execute(db);
  return result.rows.map((r) => r.id);
}

/** Any dialect: the articles matching each of the three longest title words, in that order. */
async function similarByLongestWords(
  db: Kysely<Database>,
  dialect: StoreDialect,
  words: string[],
  articleId: number,
  limit: number,
): Promise<number[]> {
  const found = new Set<number>();
  for (const word of words.sort((a, b) => b.length - a.length).slice(0, 3)) {
    for (const id of await dialect.searchArticleIds(db, word, limit + 1, 0)) if (id !== articleId) found.add(id);
  }
  return [...found].slice(0, limit);
}

/** What a list line needs besides the article row: the source that first carried it. */
export interface FirstCarrier {
  sourceId: number | null;
  sourceName: string | null;
  excerptOnly: boolean;
}

/**
 * For a list of articles, in two queries whatever its length: each one's translation into
 * `language` (for those not written in it) and the source that first carried it.
 */
export async function articleListFacts(
  { db }: StoreContext,
  ids: number[],
  language: string,
): Promise<{ translations: Map<number, Translation>; firstCarriers: Map<number, FirstCarrier> }> {
  const translations = new Map<number, Translation>();
  const firstCarriers = new Map<number, FirstCarrier>();
  if (ids.length === 0) return { translations, firstCarriers };
  const [translated, carriers] = await Promise.all([
    db.selectFrom('translations').selectAll().where('article_id', 'in', ids).where('language', '=', language).execute(),
    db
      .selectFrom('article_sources')
      .leftJoin('sources', 'sources.id', 'article_sources.source_id')
      .select(['article_sources.article_id', 'article_sources.source_id', 'sources.name', 'sources.excerpt_only'])
      .where('article_sources.article_id', 'in', ids)
      .orderBy('article_sources.is_first', 'desc')
      .orderBy('article_sources.seen_at')
      .execute(),
  ]);
  for (const row of translated) translations.set(row.article_id, translationFromRow(row));
  for (const c of carriers) {
    if (firstCarriers.has(c.article_id)) continue;
    firstCarriers.set(c.article_id, {
      sourceId: c.source_id,
      sourceName: c.name ?? null,
      excerptOnly: c.excerpt_only === 1,
    });
  }
  return { translations, firstCarriers };
}

/** What a search result line shows, read in one query (searchLines). */
export interface SummaryRow {
  id: number;
  title: string;
  subtitle: string | null;
  /** The first paragraph only: a list line needs no more, and bodies are the bulk of a row. */
  lead: string | null;
  site: string;
  url: string;
  publishedAt: string | null;
  language: string | null;
  image: string | null;
  section: string | null;
  /** The translation into the asked language, when there is one (null fields otherwise). */
  translation: { title: string; subtitle: string | null; lead: string | null; sourceLanguage: string } | null;
  /** The name of the source that first carried it (null when that carrier has no source). */
  sourceName: string | null;
  /** That source's id (its page on the site), null likewise. */
  sourceId?: number | null;
}

interface SummaryQueryRow {
  id: number;
  title: string;
  subtitle: string | null;
  site: string;
  url: string;
  published_at: string | null;
  language: string | null;
  image: string | null;
  section: string | null;
  lead: string | null;
  t_title: string | null;
  t_subtitle: string | null;
  t_source_language: string | null;
  t_lead: string | null;
  source_name: string | null;
  source_id: number | null;
}

/**
 * The articles `ids` as list lines, in the order of `ids`, with their translation into `language`
 * and first carrier's name, in one query. What articlesByIds + articleListFacts give a list, less
 * the bodies: a search page reads this for every new query (bench:web: ~0.6 ms of SQL -> ~0.2).
 */
export async function searchLines(
  { db: main, readDb, dialect }: StoreContext,
  ids: number[],
  language: string,
): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  const db = readDb ?? main; // on a reader thread when the store has them
  // Written as SQL text, not with the query builder: building and compiling this query's tree cost
  // more than running it (0.39 ms against 0.21 for a page of 20, bench:web's store). The ids go as
  // one parameter, so the text is the same for every page.
  const sqlite = dialect.name === 'sqlite';
  const first = (column: RawBuilder<unknown>) =>
    sqlite ? sql<string | null>`json_extract(${column}, '$[0]')` : sql<string | null>`(${column}::json ->> 0)`;
  const wanted = sqlite
    ? sql`(select value from json_each(${JSON.stringify(ids)}))`
    : sql`(select unnest(${ids}::bigint[]))`;
  // The carrier articleListFacts calls first: flagged first, else the earliest seen.
  const { rows } =
    await sql<SummaryQueryRow>`select a.id, a.title, a.subtitle, a.site, a.url, a.published_at, a.language, a.image, a.section,
      ${first(sql`a.paragraphs`)} as lead, t.title as t_title, t.subtitle as t_subtitle, t.source_language as t_source_language,
      ${first(sql`t.paragraphs`)} as t_lead,
      s.name as source_name, s.id as source_id
    from articles a left join translations t on t.article_id = a.id and t.language = ${language}
    left join sources s on s.id = (select c.source_id from article_sources c
      where c.article_id = a.id order by c.is_first desc, c.seen_at limit 1)
    where a.id in ${wanted}`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const translation =
      r.t_title === null
        ? null
        : { title: r.t_title, subtitle: r.t_subtitle, lead: r.t_lead, sourceLanguage: r.t_source_language! };
    return [
      {
        id: r.id,
        title: r.title,
        subtitle: r.subtitle,
        lead: r.lead,
        site: r.site,
        url: r.url,
        publishedAt: r.published_at,
        language: r.language,
        image: r.image,
        section: r.section,
        translation,
        sourceName: r.source_name ?? null,
        sourceId: r.source_id === null ? null : Number(r.source_id),
      },
    ];
  });
}
