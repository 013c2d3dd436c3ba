/** Stored translations, one per article and target language; saving one refreshes the search text. */
import type { Kysely } from 'kysely';
import type { StoreContext } from './dialect.js';
import type { Database } from './schema.js';
import { toIso, translationFromRow } from './rows.js';
import { refreshSearchText } from './search.js';
import type { Translation } from './types.js';

/** Saves (or replaces) the article's translation into `translation.language`. */
export async function saveTranslation(
  { db, dialect }: StoreContext,
  articleId: number,
  translation: Translation,
): Promise<void> {
  await dialect.writeTransaction(db, async (trx) => {
    await upsertTranslation(trx, articleId, translation);
    await refreshSearchText(trx, dialect, articleId);
  });
}

/** The insert-or-replace of one translation, inside the caller's transaction. */
export async function upsertTranslation(
  trx: Kysely<Database>,
  articleId: number,
  translation: Translation,
): Promise<void> {
  const values = {
    article_id: articleId,
    language: translation.language,
    source_language: translation.sourceLanguage,
    engine: translation.engine,
    engine_version: translation.engineVersion,
    title: translation.title,
    subtitle: translation.subtitle,
    image_caption: translation.imageCaption ?? null,
    paragraphs: JSON.stringify(translation.paragraphs),
    html: translation.html,
    protected_names: JSON.stringify(translation.protectedNames),
    translated_at: toIso(translation.translatedAt),
    model: translation.model ?? null,
    via: translation.via ?? null,
    name_repairs: translation.nameRepairs ? JSON.stringify(translation.nameRepairs) : null,
  };
  const { article_id: _id, language: _language, ...update } = values;
  await trx
    .insertInto('translations')
    .values(values)
    .onConflict((oc) => oc.columns(['article_id', 'language']).doUpdateSet(update))
    .execute();
}

export async function translationsOf({ db }: StoreContext, articleId: number): Promise<Translation[]> {
  const rows = await db
    .selectFrom('translations')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('language')
    .execute();
  return rows.map(translationFromRow);
}

export async function translationOf(
  { db }: StoreContext,
  articleId: number,
  language: string,
): Promise<Translation | null> {
  const row = await db
    .selectFrom('translations')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('language', '=', language)
    .executeTakeFirst();
  return row ? translationFromRow(row) : null;
}

/** The translations into `language` of several articles, by article id (those that have one). */
export async function translationsInto(
  { db }: StoreContext,
  articleIds: number[],
  language: string,
): Promise<Map<number, Translation>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('translations')
    .selectAll()
    .where('article_id', 'in', articleIds)
    .where('language', '=', language)
    .execute();
  return new Map(rows.map((r) => [r.article_id, translationFromRow(r)]));
}
