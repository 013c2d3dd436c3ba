/**
 * For tests: a PostgreSQL store in a fresh schema of the test database, dropped on cleanup.
 * TEST_DATABASE_URL overrides the default (the CI machines' server: 127.0.0.1:5432, trust, `test`).
 * There is no fallback: when the server is away, opening fails and so does the test.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from './index.js';
import { quoteIdent } from './pg-dialect.js';
import type { TestStore } from './store.testkit.js';

export const testDatabaseUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export function freshSchemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string, databaseUrl = testDatabaseUrl): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${quoteIdent(schema)} cascade`);
  } finally {
    await client.end();
  }
}

export async function openPgTestStore(): Promise<TestStore> {
  const schema = freshSchemaName();
  const store = await openStore({ databaseUrl: testDatabaseUrl, schema });
  return {
    store,
    dbPath: schema,
    async cleanup() {
      await store.close();
      await dropSchema(schema);
    },
  };
}
