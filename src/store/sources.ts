/** Sources (publishers) and their feeds: creation, health, and the fetch schedule. */
import { listDbOf, type StoreContext } from './dialect.js';
import { feedFromRow, sourceFromRow, toIso } from './rows.js';
import type { CreateSourceInput, FeedRow, SourceRow, SourceWithHealth } from './types.js';

/** A new feed is polled every 30 minutes unless told otherwise (the config default). */
const defaultIntervalMinutes = 30;

export interface SourcePatch {
  name?: string;
  language?: string | null;
  paused?: boolean;
  excerptOnly?: boolean;
  translate?: boolean;
  /** CSS selector of the article body; null or '' clears it. */
  bodySelector?: string | null;
  /** Section overrides (JSON text the web layer wrote); null or '' clears them. */
  sectionOverrides?: string | null;
}

/** Creates a source with its first feed, due now; returns the existing pair when the feed URL is known. */
export async function createSource(
  { db, dialect }: StoreContext,
  input: CreateSourceInput,
): Promise<{ source: SourceRow; feed: FeedRow; created: boolean }> {
  const feedUrl = input.feedUrl ?? input.url;
  const now = new Date().toISOString();
  return dialect.writeTransaction(db, async (trx) => {
    const known = await trx.selectFrom('feeds').selectAll().where('url', '=', feedUrl).executeTakeFirst();
    if (known) {
      const source = await trx
        .selectFrom('sources')
        .selectAll()
        .where('id', '=', known.source_id)
        .executeTakeFirstOrThrow();
      return { source: sourceFromRow(source), feed: feedFromRow(known), created: false };
    }
    const source = await trx
      .insertInto('sources')
      .values({
        name: input.name,
        url: input.url,
        language: input.language ?? null,
        paused: 0,
        excerpt_only: 0,
        translate: 1,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const feed = await trx
      .insertInto('feeds')
      .values({
        source_id: source.id,
        url: feedUrl,
        kind: input.feedKind ?? 'feed',
        interval_minutes: input.intervalMinutes ?? defaultIntervalMinutes,
        next_fetch_at: now,
        error_count: 0,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { source: sourceFromRow(source), feed: feedFromRow(feed), created: true };
  });
}

export async function updateSource(ctx: StoreContext, id: number, patch: SourcePatch): Promise<SourceRow | null> {
  const values = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.language !== undefined && { language: patch.language }),
    ...(patch.paused !== undefined && { paused: patch.paused ? 1 : 0 }),
    ...(patch.excerptOnly !== undefined && { excerpt_only: patch.excerptOnly ? 1 : 0 }),
    ...(patch.translate !== undefined && { translate: patch.translate ? 1 : 0 }),
    ...(patch.bodySelector !== undefined && { body_selector: patch.bodySelector?.trim() || null }),
    ...(patch.sectionOverrides !== undefined && { section_overrides: patch.sectionOverrides || null }),
  };
  if (Object.keys(values).length > 0) await ctx.db.updateTable('sources').set(values).where('id', '=', id).execute();
  return sourceById(ctx, id);
}

/** Removes a source with its feeds and carrier rows; the articles stay (other sources may carry them). */
export async function deleteSource({ db }: StoreContext, id: number): Promise<boolean> {
  const result = await db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function sourceById({ db }: StoreContext, id: number): Promise<SourceRow | null> {
  const row = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? sourceFromRow(row) : null;
}

export async function feedById({ db }: StoreContext, id: number): Promise<FeedRow | null> {
  const row = await db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? feedFromRow(row) : null;
}

export async function feedsOf({ db }: StoreContext, sourceId: number): Promise<FeedRow[]> {
  const rows = await db.selectFrom('feeds').selectAll().where('source_id', '=', sourceId).orderBy('id').execute();
  return rows.map(feedFromRow);
}

/** Every source, by name, with its feeds' health and how many articles it carried. */
export async function sourceList(ctx: StoreContext): Promise<SourceWithHealth[]> {
  const { db } = ctx;
  const sources = await db.selectFrom('sources').selectAll().orderBy('name').orderBy('id').execute();
  const feeds = (await db.selectFrom('feeds').selectAll().orderBy('id').execute()).map(feedFromRow);
  // A walk of every carrier in the (source, article) index (0.4 s at a million articles, bench:plans):
  // on the list reader thread when the store has one (StoreContext.listDb).
  const counts = await listDbOf(ctx)
    .selectFrom('article_sources')
    .select(({ fn }) => ['source_id', fn.count<number>('article_id').distinct().as('n')])
    .groupBy('source_id')
    .execute();
  const countBySource = new Map(counts.map((c) => [c.source_id, Number(c.n)]));
  return sources.map((row) =>
    withHealth(
      sourceFromRow(row),
      feeds.filter((f) => f.sourceId === row.id),
      countBySource.get(row.id) ?? 0,
    ),
  );
}

function withHealth(source: SourceRow, feeds: FeedRow[], articleCount: number): SourceWithHealth {
  const latest = (values: (string | null)[]) =>
    values
      .filter((v): v is string => v !== null)
      .sort()
      .at(-1) ?? null;
  const lastFailed = [...feeds]
    .filter((f) => f.lastError !== null)
    .sort((a, b) => (a.lastFetchAt ?? '').localeCompare(b.lastFetchAt ?? ''))
    .at(-1);
  return {
    ...source,
    feeds,
    articleCount,
    errorCount: feeds.reduce((sum, f) => sum + f.errorCount, 0),
    lastError: lastFailed?.lastError ?? null,
    lastErrorCode: lastFailed?.lastErrorCode ?? null,
    lastSuccessAt: latest(feeds.map((f) => f.lastSuccessAt)),
  };
}

/** Feeds whose next fetch time has come, of unpaused sources, most overdue first. */
export async function feedsDue({ db }: StoreContext, now: Date, limit: number): Promise<FeedRow[]> {
  const rows = await db
    .selectFrom('feeds')
    .innerJoin('sources', 'sources.id', 'feeds.source_id')
    .selectAll('feeds')
    .where('sources.paused', '=', 0)
    .where('feeds.next_fetch_at', '<=', now.toISOString())
    .orderBy('feeds.next_fetch_at')
    .orderBy('feeds.id')
    .limit(limit)
    .execute();
  return rows.map(feedFromRow);
}

/**
 * Leases a due feed to one scheduler: moves its next fetch to `until` only if it is still due at
 * `now`, in one statement. True when this caller got it; false when another process's scheduler
 * leased it first (so two workers reading the same due list enqueue each feed once).
 */
export async function leaseFeed({ db }: StoreContext, feedId: number, now: Date, until: Date): Promise<boolean> {
  const result = await db
    .updateTable('feeds')
    .set({ next_fetch_at: until.toISOString() })
    .where('id', '=', feedId)
    .where('next_fetch_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Moves a feed's next fetch ("fetch now" sets it to now; a poll sets the real next time). */
export async function scheduleFeed({ db }: StoreContext, feedId: number, nextFetchAt: Date | string): Promise<void> {
  await db
    .updateTable('feeds')
    .set({ next_fetch_at: toIso(nextFetchAt) })
    .where('id', '=', feedId)
    .execute();
}

export interface FeedFetched {
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date | string;
  nextFetchAt: Date | string;
  /** Why the poll was cut short (a cap, a sitemap loop): kept as the feed's last error, with no error counted. */
  note?: { code: string; message: string } | null;
}

/** A successful fetch (also a 304): keep the validators, clear the error streak (the last error becomes the note). */
export async function recordFeedFetched({ db }: StoreContext, feedId: number, fetched: FeedFetched): Promise<void> {
  const at = toIso(fetched.fetchedAt);
  await db
    .updateTable('feeds')
    .set({
      etag: fetched.etag,
      last_modified: fetched.lastModified,
      last_fetch_at: at,
      last_success_at: at,
      next_fetch_at: toIso(fetched.nextFetchAt),
      error_count: 0,
      last_error_code: fetched.note?.code ?? null,
      last_error: fetched.note?.message ?? null,
    })
    .where('id', '=', feedId)
    .execute();
}

export interface FeedFailed {
  code: string;
  message: string;
  at: Date | string;
  nextFetchAt: Date | string;
}

/** A failed fetch is recorded on the feed row; the caller decides the backoff through nextFetchAt. */
export async function recordFeedError({ db }: StoreContext, feedId: number, failed: FeedFailed): Promise<void> {
  await db
    .updateTable('feeds')
    .set((eb) => ({
      error_count: eb('error_count', '+', 1),
      last_error_code: failed.code,
      last_error: failed.message,
      last_fetch_at: toIso(failed.at),
      next_fetch_at: toIso(failed.nextFetchAt),
    }))
    .where('id', '=', feedId)
    .execute();
}
