/**
 * Translated segments kept across processes, by (engine, pair, sha256 of the text): a rerun, another
 * worker or a restart translates nothing twice. The table is not in schema.ts's Database (owned by
 * the translate stage), hence the untyped builder here.
 */
import type { Kysely } from 'kysely';
import type { StoreContext } from './dialect.js';

/** Migration 0007: the cache table; `key` is TranslationCache.key (engine:from-to:sha256). */
export async function createTranslationCacheTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('translation_cache')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('translated', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** The cached translations of these keys, as a map (keys not cached are absent). */
export async function cachedTranslations({ db }: StoreContext, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const untyped = db as unknown as Kysely<any>;
  // 500 keys a query: well under SQLite's 32,766 bound parameters, and few round trips.
  for (let i = 0; i < keys.length; i += 500) {
    const rows = (await untyped
      .selectFrom('translation_cache')
      .select(['key', 'translated'])
      .where('key', 'in', keys.slice(i, i + 500))
      .execute()) as { key: string; translated: string }[];
    for (const row of rows) found.set(row.key, row.translated);
  }
  return found;
}

export async function cacheTranslations(
  { db }: StoreContext,
  entries: { key: string; translated: string }[],
): Promise<void> {
  if (!entries.length) return;
  const untyped = db as unknown as Kysely<any>;
  const now = new Date().toISOString();
  for (let i = 0; i < entries.length; i += 300) {
    await untyped
      .insertInto('translation_cache')
      .values(entries.slice(i, i + 300).map((e) => ({ key: e.key, translated: e.translated, created_at: now })))
      .onConflict((oc: any) =>
        oc.column('key').doUpdateSet((eb: any) => ({ translated: eb.ref('excluded.translated') })),
      )
      .execute();
  }
}
