/**
 * Opens what a running Happenings needs, once: the store, the fetcher, the translator, the dedupe
 * index (rebuilt from stored fingerprints) and the job queue, wired into one Pipeline.
 */
import type { Config } from '../config.js';
import { HappeningsError } from '../errors.js';
import { log } from '../log.js';
import { openStore, type Store } from '../store/index.js';
import { sqliteJobQueue, type JobQueue } from '../jobs/index.js';
import { createFetcher, fetchOptionsFromConfig, type Fetcher } from '../pipeline/fetch/index.js';
import { createTranslator, type Translator } from '../pipeline/translate/index.js';
import { DedupeIndex, decodeSignature } from '../pipeline/dedupe/index.js';
import { ingestPage, pollFeed, type Pipeline } from '../pipeline/run.js';

export interface Runtime {
  config: Config;
  store: Store;
  fetcher: Fetcher;
  translator: Translator;
  queue: JobQueue;
  pipeline: Pipeline;
  /** Starts the job workers (poll-feed, ingest-page) with the configured concurrency. */
  startWorkers(concurrency?: number): void;
  close(): Promise<void>;
}

/** Fingerprints of this many days back are loaded for dedupe: wire copies appear within days. */
const DEDUPE_WINDOW_DAYS = 14;

export async function openRuntime(config: Config): Promise<Runtime> {
  if (config.databaseUrl) {
    throw new HappeningsError('config', 'config', 'DATABASE_URL (PostgreSQL) is not supported yet; unset it to use SQLite');
  }
  const store = await openStore({ dbPath: config.dbPath });
  const fetcher = createFetcher(fetchOptionsFromConfig(config));
  const translator = createTranslator({ engines: config.translationEngines, apertiumPath: config.apertiumPath });
  const queue = sqliteJobQueue(store);
  const dedupe = await loadDedupeIndex(store);
  const pipeline: Pipeline = {
    fetcher,
    store,
    translator,
    dedupe,
    languages: config.languages,
    enqueuePage: (job) => queue.add('ingest-page', job, { key: `page:${job.url}` }),
  };
  return {
    config,
    store,
    fetcher,
    translator,
    queue,
    pipeline,
    startWorkers(concurrency = config.workers) {
      queue.start(
        {
          'poll-feed': async ({ feedId }: { feedId: number }) => void (await pollFeed(pipeline, feedId)),
          'ingest-page': async (job) => void (await ingestPage(pipeline, job)),
        },
        { concurrency },
      );
    },
    async close() {
      await queue.stop();
      await translator.close();
      await fetcher.close();
      await store.close();
    },
  };
}

async function loadDedupeIndex(store: Store): Promise<DedupeIndex> {
  const index = new DedupeIndex();
  const since = new Date(Date.now() - DEDUPE_WINDOW_DAYS * 86_400_000).toISOString();
  for (const { id, fingerprint } of await store.articleFingerprints(since)) index.add(id, decodeSignature(fingerprint));
  return index;
}

/** Logs, once at start, whether translation works and how to enable it when it does not. */
export async function reportTranslation(translator: Translator): Promise<string | null> {
  const statuses = await translator.status();
  const working = statuses.filter((s) => s.available);
  if (working.length > 0) {
    for (const s of working) log.info(`translate: ${s.engine} ${s.version ?? ''} ready (${s.pairs.join(', ')})`);
    return null;
  }
  const note = statuses.map((s) => s.message).join('; ') || 'no translation engine configured';
  log.warn(`translate: translation is off: ${note}`);
  return note;
}
