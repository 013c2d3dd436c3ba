/**
 * End-to-end ingest rate: a loopback publisher of synthetic outlets (fetch → extract → language →
 * dedupe → store, and translation es→en by Apertium when on), SQLite in one worker process
 * against PostgreSQL with 1, 2 and 4 worker processes; CPU and peak memory per process.
 *
 *   npm run bench:ingest                       # 20,000 articles across 200 sources (slow: minutes per run)
 *   npm run bench:ingest -- --sources 20 --per-source 50 [--only sqlite,pg1] [--translate off|on|both]
 *   npm run bench:ingest -- --only sqlite --translate off --node-options='--cpu-prof --cpu-prof-dir=/tmp/prof'
 *   npm run bench:ingest -- --only sqlite --translate on --engine neural [--neural-weights int8]
 *
 * --engine neural translates with the neural engine (src/pipeline/translate/neural/, issue 16) on a
 * generated model of the real tiny size (neural-model.ts; random weights), through the worker's own
 * configuration: HAPPENINGS_TRANSLATION_ENGINES=neural, HAPPENINGS_MODELS_DIR=<generated>. The engine
 * must hold output length to input length for random weights; see neural-path.ts. Target: ≥ 2 articles/s.
 *
 * Needs PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432/test) for the pg rows; each run uses a
 * fresh database, dropped after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createTestDatabase } from '../src/runtime/pg-database.testkit.js';
import { startSyntheticPublisher, type SyntheticPublisher } from '../src/runtime/synthetic-publisher.js';
import { openStore, type Store } from '../src/store/index.js';
import { descendantsCpuSeconds, statOf } from './proc-cpu.js';
import { storeDb } from '../src/store/db.testkit.js';
import { benchModelsDir, loadNeural, neuralWorkerEnv } from './neural-path.js';

/**
 * The worker's environment for the neural engine on the generated model (vocabulary from NTREX
 * Spanish, as bench:translate's). Refuses to run without the engine: the workers would store every
 * article untranslated and the rate would mean nothing.
 */
async function neuralEnvironment(int8: boolean): Promise<Record<string, string>> {
  const ntrex = new URL('../../shared/data/mt/ntrex128/newstest2019-ref.spa.txt', import.meta.url);
  const corpus = readFileSync(ntrex, 'utf8').split('\n').filter(Boolean).slice(1000);
  const modelsDir = benchModelsDir(corpus, int8);
  const probe = await loadNeural(modelsDir);
  await probe.release();
  if (probe.path !== 'engine')
    throw new Error(
      'bench:ingest: --engine neural needs the neural engine (src/pipeline/translate/neural/), not in this build',
    );
  return neuralWorkerEnv(modelsDir);
}

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '200' },
    'per-source': { type: 'string', default: '100' },
    only: { type: 'string', default: 'sqlite,pg1,pg2,pg4' },
    translate: { type: 'string', default: 'both' },
    concurrency: { type: 'string', default: '4' },
    engine: { type: 'string', default: 'apertium' }, // apertium | neural (a generated tiny-size model)
    'neural-weights': { type: 'string', default: 'fp32' }, // fp32 | int8
    // Extra Node arguments for the worker processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (a profile
    // per worker, written when it stops) or "--max-old-space-size=512" (is the peak memory retained?).
    'node-options': { type: 'string', default: '' },
  },
});
const sources = Number(values.sources);
const perSource = Number(values['per-source']);
const total = sources * perSource;
const nodeOptions = values['node-options'].split(/\s+/).filter(Boolean);
const bin = fileURLToPath(new URL('../src/cli/bin.ts', import.meta.url));
if (!['apertium', 'neural'].includes(values.engine))
  throw new Error(`--engine: apertium or neural, not ${values.engine}`);
const translationEnv = values.engine === 'neural' ? await neuralEnvironment(values['neural-weights'] === 'int8') : {};

interface Run {
  name: string;
  translate: boolean;
  seconds: number;
  rate: number;
  processes: Usage[];
}

interface Backend {
  env: Record<string, string>;
  open(): Promise<Store>;
  openJobs(store: Store): Promise<number>;
  cleanup(): Promise<void>;
}

async function backendFor(kind: string): Promise<Backend> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'happenings-bench-'));
    const dbPath = join(dir, 'bench.db');
    return {
      env: { HAPPENINGS_DB: dbPath },
      open: () => openStore({ dbPath }),
      openJobs: async (s) =>
        Number((await sql<{ n: number }>`select count(*) as n from jobs`.execute(storeDb(s))).rows[0]?.n),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = await createTestDatabase();
  return {
    env: { DATABASE_URL: database.url },
    open: () => openStore({ databaseUrl: database.url }),
    // Clustering runs inside ingest-page (each worker clusters what it stores), so no other job kind to wait for.
    openJobs: async (s) =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*) as n from graphile_worker.jobs where task_identifier in ('poll-feed','ingest-page')`.execute(
            storeDb(s),
          )
        ).rows[0]?.n,
      ),
    cleanup: () => database.drop(),
  };
}

function startWorker(env: Record<string, string>, translate: boolean): ChildProcess {
  const child = spawn(
    process.execPath,
    [...nodeOptions, '--import', 'tsx', bin, 'worker', '--concurrency', values.concurrency],
    {
      env: {
        ...process.env,
        ...env,
        HAPPENINGS_ALLOW_PRIVATE: '127.0.0.0/8',
        HAPPENINGS_FETCH_DELAY_MS: '1',
        HAPPENINGS_DEFAULT_SOURCES: 'false',
        HAPPENINGS_LANGUAGES: 'en',
        HAPPENINGS_TRANSLATION_ENGINES: translate ? values.engine : 'none',
        ...(translate ? translationEnv : {}),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return child;
}

interface Usage {
  cpuSeconds: number;
  peakMb: number;
  /** CPU seconds of the worker's live child processes (the Apertium pipelines). */
  childCpuSeconds: number;
}

/** CPU and peak resident memory (VmHWM) of a live worker, and the CPU of all its descendants. */
function usageOf(pid: number): Usage {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return {
    cpuSeconds: statOf(pid)?.cpuSeconds ?? 0,
    peakMb: Number(hwm?.[1] ?? 0) / 1024,
    childCpuSeconds: descendantsCpuSeconds(pid),
  };
}

async function runOnce(publisher: SyntheticPublisher, kind: string, workers: number, translate: boolean): Promise<Run> {
  const backend = await backendFor(kind);
  const store = await backend.open();
  const children: ChildProcess[] = [];
  try {
    for (const feed of publisher.feeds)
      await store.createSource({ name: feed.name, url: feed.url, feedUrl: feed.url, intervalMinutes: 600 });
    const started = Date.now();
    for (let i = 0; i < workers; i++) children.push(startWorker(backend.env, translate));
    let lastReport = started;
    // Steady rate: from the first stored article on, so process start-up (module loading, which
    // takes seconds per process on a loaded 2-core machine) is not counted as ingest time.
    let first: { at: number; count: number } | undefined;
    for (;;) {
      const count = await store.articleCount();
      if (!first && count > 0) first = { at: Date.now(), count };
      if (count >= total && (await backend.openJobs(store)) === 0) break;
      if (children.some((c) => c.exitCode !== null)) throw new Error('a worker exited early');
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        process.stderr.write(
          `  ${kind}×${workers}${translate ? ' +translate' : ''}: ${count}/${total} after ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seconds = (Date.now() - started) / 1000;
    const processes = children.map((c) => usageOf(c.pid!));
    const storeName =
      kind === 'sqlite' ? 'SQLite, 1 process' : `PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}`;
    const name = translate && values.engine !== 'apertium' ? `${storeName}, ${values.engine}` : storeName;
    const steady = first ? (total - first.count) / Math.max(0.001, (Date.now() - first.at) / 1000) : 0;
    return { name, translate, seconds, rate: steady, processes };
  } finally {
    await stopAll(children);
    await store.close();
    await backend.cleanup();
  }
}

/** SIGTERM (workers finish their jobs and exit, writing any --cpu-prof profile), SIGKILL after 20 s. */
async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
        child.kill('SIGTERM');
      });
    }),
  );
}

function table(runs: Run[]): string {
  const peer = (r: Run) => runs.find((p) => p.name.startsWith('SQLite') && p.translate === r.translate);
  const rows = runs.map((r) => {
    const cpu = r.processes.map((p) => p.cpuSeconds.toFixed(0)).join('/');
    const mem = r.processes.map((p) => p.peakMb.toFixed(0)).join('/');
    const child = r.processes.map((p) => p.childCpuSeconds.toFixed(0)).join('/');
    const ratio = peer(r) ? (r.rate / peer(r)!.rate).toFixed(2) : '-';
    return `| ${r.name.padEnd(22)} | ${r.translate ? 'es→en' : 'off  '} | ${r.seconds.toFixed(1).padStart(7)} | ${r.rate.toFixed(1).padStart(19)} | ${ratio.padStart(9)} | ${cpu.padStart(13)} | ${child.padStart(18)} | ${mem.padStart(15)} |`;
  });
  return [
    `| store                  | trans | wall s  | articles/s (steady) | × SQLite | CPU s/process | + child CPU s (MT) | peak MB/process |`,
    `| ---------------------- | ----- | ------- | ------------------- | -------- | ------------- | ------------------ | --------------- |`,
    ...rows,
  ].join('\n');
}

const plans = values.only
  .split(',')
  .map((p) => (p === 'sqlite' ? { kind: 'sqlite', workers: 1 } : { kind: 'pg', workers: Number(p.replace('pg', '')) }));
const modes = values.translate === 'both' ? [false, true] : [values.translate === 'on'];
const runs: Run[] = [];
for (const translate of modes) {
  // Spanish pages when translating (es→en by Apertium), English ones otherwise (nothing to translate).
  const publisher = await startSyntheticPublisher({
    sources,
    articlesPerSource: perSource,
    language: translate ? 'es' : 'en',
  });
  try {
    for (const plan of plans) {
      process.stderr.write(
        `${plan.kind}×${plan.workers}, translation ${translate ? 'on' : 'off'}: ${total} articles, ${sources} sources\n`,
      );
      runs.push(await runOnce(publisher, plan.kind, plan.workers, translate));
    }
  } finally {
    await publisher.close();
  }
}
process.stdout.write(
  `\nIngest of ${total} synthetic articles across ${sources} loopback sources (worker concurrency ${values.concurrency}, ${os.cpus().length} cores, load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')})\n\n${table(runs)}\n`,
);
