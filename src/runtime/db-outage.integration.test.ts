/**
 * PostgreSQL going away for 30 s mid-ingest (a loopback TCP proxy in front of the server, cut and
 * restored): the worker process stays up, waits, resumes, and nothing is lost or doubled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { createTestDatabase, type TestDatabase } from './pg-database.testkit.js';
import { startSyntheticPublisher, type SyntheticPublisher } from './synthetic-publisher.js';
import { storeDb } from '../store/db.testkit.js';

const bin = fileURLToPath(new URL('../cli/bin.ts', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const outageMs = 30_000;

/** Forwards a loopback port to PostgreSQL; cut() drops every connection and refuses new ones. */
class Proxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined).on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
  }
}

let database: TestDatabase | undefined;
let publisher: SyntheticPublisher | undefined;
let store: Store | undefined;
let worker: ChildProcess | undefined;
let proxy: Proxy | undefined;

afterAll(async () => {
  if (worker?.exitCode === null) worker.kill('SIGKILL');
  await proxy?.cut();
  await store?.close();
  await publisher?.close();
  await database?.drop();
});

describe('postgres: the database away for 30 s', () => {
  it('the worker waits and resumes: every article stored once, no job left', async () => {
    const sources = 6;
    const perSource = 40;
    const total = sources * perSource;
    database = await createTestDatabase();
    publisher = await startSyntheticPublisher({ sources, articlesPerSource: perSource, paragraphs: 4 });
    store = await openStore({ databaseUrl: database.url });
    for (const feed of publisher.feeds)
      await store.createSource({ name: feed.name, url: feed.url, feedUrl: feed.url, intervalMinutes: 600 });
    const direct = new URL(database.url);
    proxy = new Proxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    worker = spawn(process.execPath, ['--import', 'tsx', bin, 'worker', '--concurrency', '2'], {
      env: {
        ...process.env,
        DATABASE_URL: viaProxy.toString(),
        HAPPENINGS_ALLOW_PRIVATE: '127.0.0.0/8',
        // Slow enough that the outage lands mid-ingest.
        HAPPENINGS_FETCH_DELAY_MS: '150',
        HAPPENINGS_DEFAULT_SOURCES: 'false',
        HAPPENINGS_TRANSLATION_ENGINES: 'none',
        HAPPENINGS_JOB_LOCK_TIMEOUT_MS: '3000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    worker.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const s = store;
    const openJobs = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*) as n from graphile_worker.jobs where task_identifier in ('poll-feed','ingest-page')`.execute(
            storeDb(s),
          )
        ).rows[0]?.n,
      );
    const until = async (check: () => Promise<boolean>, ms: number) => {
      const end = Date.now() + ms;
      while (!(await check())) {
        if (Date.now() > end) throw new Error('condition not met in time');
        await sleep(200);
      }
    };
    await until(async () => (await s.articleCount()) >= 20, 60_000);
    await proxy.cut();
    const atCut = await s.articleCount();
    await sleep(outageMs);
    expect(worker.exitCode, stderr).toBeNull();
    expect(await s.articleCount()).toBe(atCut);
    expect(atCut).toBeLessThan(total);
    await proxy.open();
    await until(async () => (await s.articleCount()) >= total && (await openJobs()) === 0, 150_000);
    const rows = await storeDb(s).selectFrom('articles').select('canonical_url').execute();
    expect(new Set(rows.map((r) => r.canonical_url))).toEqual(new Set(publisher.articleUrls));
    expect(rows).toHaveLength(total);
    expect(worker.exitCode, stderr).toBeNull();
  }, 300_000);
});
