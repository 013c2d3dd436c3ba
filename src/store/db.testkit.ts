/**
 * For tests only: the query builder under a store, to set up rows no store function writes and to
 * check tables directly. Production code reads and writes through the store's functions; the
 * build (tsconfig.build.json) leaves testkits out, so there the Store type has no `db`.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Store } from './index.js';

declare module './index.js' {
  interface Store {
    /**
     * Test-only (set by storeOver in index.ts). Prefer storeDb(store); this member is declared so
     * that tests written against the former `store.db` (src/pipeline/run.integration.test.ts) still compile.
     */
    readonly db: Kysely<Database>;
  }
}

export function storeDb(store: Store): Kysely<Database> {
  return store.db;
}
