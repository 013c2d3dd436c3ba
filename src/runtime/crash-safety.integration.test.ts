/**
 * Crash safety with real worker processes (`happenings worker`), on SQLite and on PostgreSQL:
 * two workers share the feeds (each article stored once, each feed fetched once), and a worker
 * killed with SIGKILL mid-batch loses and doubles nothing once another takes over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { createTestDatabase } from './pg-database.testkit.js';
import { startSyntheticPublisher, type SyntheticPublisher } from './synthetic-publisher.js';
import { storeDb } from '../store/db.testkit.js';

const bin = fileURLToPath(new URL('../cli/bin.ts', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Backend {
  name: string;
  env: Record<string, string>;
  open(): Promise<Store>;
  /** poll-feed and ingest-page jobs not finished (pending, running or failed). */
  openJobs(store: Store): Promise<number>;
  cleanup(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'happenings-crash-'));
  const dbPath = join(dir, 'h.db');
  return {
    name: 'sqlite',
    env: { HAPPENINGS_DB: dbPath },
    open: () => openStore({ dbPath }),
    openJobs: async (store) =>
      Number((await sql<{ n: number }>`select count(*) as n from jobs`.execute(storeDb(store))).rows[0]?.n),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresBackend(): Promise<Backend> {
  const database = await createTestDatabase();
  return {
    name: 'postgres',
    env: { DATABASE_URL: database.url },
    open: () => openStore({ databaseUrl: database.url }),
    openJobs: async (store) =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*) as n from graphile_worker.jobs where task_identifier in ('poll-feed', 'ingest-page')`.execute(
            storeDb(store),
          )
        ).rows[0]?.n,
      ),
    cleanup: () => database.drop(),
  };
}

function startWorker(backend: Backend): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', bin, 'worker', '--concurrency', '4'], {
    env: {
      ...process.env,
      ...backend.env,
      HAPPENINGS_ALLOW_PRIVATE: '127.0.0.0/8',
      HAPPENINGS_FETCH_DELAY_MS: '1',
      HAPPENINGS_DEFAULT_SOURCES: 'false',
      HAPPENINGS_TRANSLATION_ENGINES: 'none',
      HAPPENINGS_JOB_LOCK_TIMEOUT_MS: '1500',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.resume();
  return child;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(100);
  }
}

const sources = 6;
const perSource = 30;
const total = sources * perSource;
let publisher: SyntheticPublisher | undefined;
let backend: Backend | undefined;
let store: Store | undefined;
const workers: ChildProcess[] = [];

afterEach(async () => {
  for (const w of workers.splice(0)) if (w.exitCode === null) w.kill('SIGKILL');
  await store?.close();
  await publisher?.close();
  await backend?.cleanup();
  store = undefined;
});

async function setUp(open: () => Promise<Backend>): Promise<Store> {
  publisher = await startSyntheticPublisher({ sources, articlesPerSource: perSource, paragraphs: 4 });
  backend = await open();
  store = await backend.open();
  for (const feed of publisher.feeds)
    await store.createSource({ name: feed.name, url: feed.url, feedUrl: feed.url, intervalMinutes: 60 });
  return store;
}

/** Every synthetic article stored exactly once, with one carrier, and no job left behind. */
async function expectAllOnce(s: Store, b: Backend, p: SyntheticPublisher): Promise<void> {
  await waitUntil(async () => (await s.articleCount()) >= total && (await b.openJobs(s)) === 0, 90_000);
  const rows = await storeDb(s).selectFrom('articles').select('canonical_url').execute();
  expect(rows).toHaveLength(total);
  expect(new Set(rows.map((r) => r.canonical_url))).toEqual(new Set(p.articleUrls));
  const carriers = await sql<{ n: number }>`select count(*) as n from article_sources`.execute(storeDb(s));
  expect(Number(carriers.rows[0]?.n)).toBe(total);
  expect(await b.openJobs(s)).toBe(0);
}

describe.each([
  ['sqlite', sqliteBackend],
  ['postgres', postgresBackend],
])('%s: worker processes', (_name, open) => {
  it('two workers polling the same feeds store each article once and fetch each feed once', async () => {
    const s = await setUp(open);
    workers.push(startWorker(backend!), startWorker(backend!));
    await expectAllOnce(s, backend!, publisher!);
    expect([...publisher!.feedHits.values()]).toEqual(Array(sources).fill(1));
  }, 120_000);

  it('a worker killed with SIGKILL mid-batch: another takes over, 0 lost, 0 duplicated, no job stuck', async () => {
    const s = await setUp(open);
    const doomed = startWorker(backend!);
    workers.push(doomed);
    await waitUntil(async () => (await s.articleCount()) >= total / 4, 60_000);
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));
    expect(await s.articleCount()).toBeLessThan(total);
    workers.push(startWorker(backend!));
    await expectAllOnce(s, backend!, publisher!);
  }, 120_000);
});
