/** Runs the migrations that have not run yet, in order, each in its own write transaction. */
import type { Kysely } from 'kysely';
import type { StoreContext, StoreDialect } from './dialect.js';
import { migrations as allMigrations, type Migration } from './migrations.js';
import type { Database } from './schema.js';

/** Returns the names of the migrations it ran (empty when the database was up to date). */
export async function migrate(
  db: Kysely<Database>,
  dialect: StoreDialect,
  migrations: Migration[] = allMigrations,
): Promise<string[]> {
  await db.schema
    .createTable('migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .execute();
  const ran: string[] = [];
  for (const migration of migrations) {
    // Checked again inside the lock: another process may have run it since we looked.
    const didRun = await dialect.writeTransaction(db, async (trx) => {
      const done = await trx
        .selectFrom('migrations')
        .select('name')
        .where('name', '=', migration.name)
        .executeTakeFirst();
      if (done) return false;
      await migration.up(trx, dialect);
      await trx.insertInto('migrations').values({ name: migration.name, ran_at: new Date().toISOString() }).execute();
      return true;
    });
    if (didRun) ran.push(migration.name);
  }
  return ran;
}

/** The names of the migrations this database has run, in order. */
export async function appliedMigrations({ db }: StoreContext): Promise<string[]> {
  const rows = await db.selectFrom('migrations').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}
