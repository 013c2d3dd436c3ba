/** Pages that failed (fetch, extract, ...), one row per URL with its last error and attempt count. */
import type { Kysely } from 'kysely';
import type { StoreContext } from './dialect.js';
import { itemErrorFromRow, toIso } from './rows.js';
import type { Database } from './schema.js';
import type { ItemError, ItemErrorInput } from './types.js';

/** Records a failure of one page; a repeated failure counts one more attempt and keeps the first time. */
export async function recordItemError({ db }: StoreContext, input: ItemErrorInput): Promise<void> {
  await recordItemErrorIn(db, input);
}

/** recordItemError inside a caller's transaction. */
export async function recordItemErrorIn(db: Kysely<Database>, input: ItemErrorInput): Promise<void> {
  const at = toIso(input.at);
  await db
    .insertInto('item_errors')
    .values({
      url: input.url,
      feed_id: input.feedId,
      source_id: input.sourceId,
      stage: input.stage,
      code: input.code,
      message: input.message,
      attempts: 1,
      first_at: at,
      last_at: at,
    })
    .onConflict((oc) =>
      oc.column('url').doUpdateSet((eb) => ({
        feed_id: eb.fn.coalesce('excluded.feed_id', 'item_errors.feed_id'),
        source_id: eb.fn.coalesce('excluded.source_id', 'item_errors.source_id'),
        stage: eb.ref('excluded.stage'),
        code: eb.ref('excluded.code'),
        message: eb.ref('excluded.message'),
        attempts: eb('item_errors.attempts', '+', 1),
        last_at: eb.ref('excluded.last_at'),
      })),
    )
    .execute();
}

/** Most recent failures first. */
export async function itemErrors(
  { db }: StoreContext,
  options: { limit: number; sourceId?: number },
): Promise<ItemError[]> {
  let query = db.selectFrom('item_errors').selectAll();
  if (options.sourceId !== undefined) query = query.where('source_id', '=', options.sourceId);
  const rows = await query.orderBy('last_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map(itemErrorFromRow);
}

export async function itemErrorByUrl({ db }: StoreContext, url: string): Promise<ItemError | null> {
  const row = await db.selectFrom('item_errors').selectAll().where('url', '=', url).executeTakeFirst();
  return row ? itemErrorFromRow(row) : null;
}

/**
 * Forgets the failures of these URLs (a page that now saved fine), but `kept`: the row of that URL
 * failing again at that stage (its attempts go on counting).
 */
export async function clearItemErrors(
  db: Kysely<Database>,
  urls: string[],
  kept: { url: string; stage: string } | null = null,
): Promise<void> {
  const unique = [...new Set(urls.filter(Boolean))];
  if (unique.length === 0) return;
  let query = db.deleteFrom('item_errors').where('url', 'in', unique);
  if (kept) query = query.where((eb) => eb.or([eb('url', '!=', kept.url), eb('stage', '!=', kept.stage)]));
  await query.execute();
}
