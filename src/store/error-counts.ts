/** Failures by error code, as /metrics reports them: pages that failed to ingest, feeds whose last fetch failed. */
import type { StoreContext } from './dialect.js';

export interface ErrorCodeCount {
  code: string;
  count: number;
}

/** Pages that failed to ingest (item_errors), by error code. */
export function itemErrorCounts(ctx: StoreContext): Promise<ErrorCodeCount[]> {
  return codeCounts(ctx, 'item_errors', 'code');
}

/** Feeds whose last fetch failed, by error code. */
export function feedErrorCounts(ctx: StoreContext): Promise<ErrorCodeCount[]> {
  return codeCounts(ctx, 'feeds', 'last_error_code');
}

async function codeCounts(
  { db }: StoreContext,
  table: 'item_errors' | 'feeds',
  column: 'code' | 'last_error_code',
): Promise<ErrorCodeCount[]> {
  const rows = await db
    .selectFrom(table)
    .select((eb) => [eb.ref(column).as('code'), eb.fn.countAll<number>().as('n')])
    .where(column, 'is not', null)
    .groupBy(column)
    .execute();
  return rows.map((r) => ({ code: String(r.code), count: Number(r.n) }));
}
