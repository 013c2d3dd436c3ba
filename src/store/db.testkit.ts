/**
 * For tests only: the query builder under a store, to set up rows no store function writes and to
 * check tables directly. Production code reads and writes through the store's functions: the Store
 * type has no `db`; the store object carries it hidden (storeOver in index.ts) for this one reader.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Store } from './index.js';

export function storeDb(store: Store): Kysely<Database> {
  return (store as Store & { readonly db: Kysely<Database> }).db;
}
