/**
 * Opens what a running Happenings needs, once: the store, the fetcher, the translator, the dedupe
 * index (rebuilt from stored fingerprints) and the job queue, wired into one Pipeline.
 */
import { siteLanguage, type Config } from '../config.js';
import { HappeningsError, errorLine } from '../errors.js';
import { log } from '../log.js';
import { openStore, type Store } from '../store/index.js';
import { enqueueDueFeeds, hostQueue, sqliteJobQueue, type JobQueue } from '../jobs/index.js';
import { graphileJobQueue, type GraphileJobQueue } from '../jobs/graphile-queue.js';
import { Metrics, instrumentFetcher, instrumentTranslator, renderMetrics } from './prometheus.js';
import { feedCrontab, scheduleFeedsTask } from '../jobs/feed-cron.js';
import { createFetcher, fetchOptionsFromConfig, type Fetcher } from '../pipeline/fetch/index.js';
import {
  createTranslator,
  storeTranslationCache,
  translatorOptionsFromConfig,
  type Translator,
} from '../pipeline/translate/index.js';
import { DEDUPE_WINDOW_MS, DedupeIndex, decodeSignature } from '../pipeline/dedupe/index.js';
import type { Pipeline } from '../pipeline/types.js';
import { ingestPage, pollFeed } from '../pipeline/run.js';
import { retranslateArticles } from '../pipeline/retranslate.js';
import { pollLimitsFromConfig } from '../pipeline/poll.js';
import { StoryTracker } from '../pipeline/cluster/persist.js';

export interface Runtime {
  config: Config;
  store: Store;
  fetcher: Fetcher;
  translator: Translator;
  queue: JobQueue;
  pipeline: Pipeline;
  /** Queues the re-translation of one source's articles (the 'retranslate' job; admin's button). */
  enqueueRetranslate(sourceId: number): Promise<void>;
  /** Starts the job workers (poll-feed, ingest-page, retranslate) with the configured concurrency. */
  startWorkers(concurrency?: number): void;
  /**
   * True on PostgreSQL: feed polling is scheduled by the queue's distributed cron inside the
   * workers, so callers must not start the in-process scheduler too (it would double polls).
   */
  readonly schedulesFeeds: boolean;
  /** /metrics in Prometheus text: this process's fetches and translation time, the database's totals. */
  renderMetrics(): Promise<string>;
  close(): Promise<void>;
}

/**
 * `readers`: SQLite reader threads for the site's searches (serving processes want one; see
 * store/sqlite-readers.ts); `listReader`: one more for the site's slow lists (every web process wants it).
 */
export async function openRuntime(
  config: Config,
  options: { readers?: number; listReader?: boolean } = {},
): Promise<Runtime> {
  const onPostgres = config.databaseUrl !== '';
  const store = onPostgres
    ? await openStore({ databaseUrl: config.databaseUrl })
    : await openStore({ dbPath: config.dbPath, readers: options.readers, listReader: options.listReader });
  const metrics = new Metrics();
  const fetcher = instrumentFetcher(createFetcher(fetchOptionsFromConfig(config)), metrics);
  // The store-backed cache means a rerun, or another worker, translates nothing twice.
  const translator = instrumentTranslator(
    createTranslator({ ...translatorOptionsFromConfig(config), persistentCache: storeTranslationCache(store) }),
    metrics,
  );
  const queue = onPostgres
    ? await openPostgresQueue(config.databaseUrl, config.jobLockTimeoutMs, store)
    : sqliteJobQueue(store, { lockTimeoutMs: config.jobLockTimeoutMs });
  const dedupe = await loadDedupeIndex(store);
  // Stories still open are replayed into the clusterer, so new articles keep joining them after a restart.
  const stories = new StoryTracker(store, dedupe, siteLanguage(config));
  await stories.resume();
  const pipeline: Pipeline = {
    fetcher,
    store,
    translator,
    dedupe,
    stories,
    languages: config.languages,
    enqueuePage: (job) => queue.add('ingest-page', job, { key: `page:${job.url}`, queue: hostQueue(job.url) }),
    pollLimits: pollLimitsFromConfig(config),
  };
  return {
    config,
    store,
    fetcher,
    translator,
    queue,
    pipeline,
    schedulesFeeds: onPostgres,
    renderMetrics: () => renderMetrics(metrics, store, queue),
    // One pending run per source; a rerun redoes nothing already done (pipeline/retranslate.ts).
    enqueueRetranslate: (sourceId) =>
      queue.add('retranslate', { sourceId }, { key: `retranslate:${sourceId}`, queue: 'retranslate' }),
    startWorkers(concurrency = config.workers) {
      queue.start(
        {
          'poll-feed': async ({ feedId }: { feedId: number }) => void (await pollFeed(pipeline, feedId)),
          'ingest-page': async (job) => void (await ingestPage(pipeline, job)),
          retranslate: ({ sourceId }: { sourceId: number }) => retranslateSource(pipeline, sourceId),
          ...(onPostgres && {
            [scheduleFeedsTask]: async () => void (await enqueueDueFeeds(store, queue, new Date())),
          }),
        },
        // Polls first: a feed's poll is one fetch, and must not wait behind another host's backlog of pages.
        { concurrency, first: ['poll-feed'] },
      );
      // A first tick now rather than at the next full minute; the `scheduler` queue keeps it serial with cron's.
      if (onPostgres)
        void queue
          .add(scheduleFeedsTask, null, { key: scheduleFeedsTask, queue: 'scheduler', maxAttempts: 1 })
          .catch((e: unknown) => log.error(e, 'jobs'));
    },
    async close() {
      await queue.stop();
      await (queue as Partial<GraphileJobQueue>).close?.();
      await translator.close();
      await fetcher.close();
      await store.close();
    },
  };
}

/** The 'retranslate' job: the source's articles, a log line per batch. */
async function retranslateSource(pipeline: Pipeline, sourceId: number): Promise<void> {
  const line = (r: { articles: number; retranslated: number; current: number; failed: number }) =>
    `retranslate: source ${sourceId}: ${r.articles} article(s), ${r.retranslated} redone, ${r.current} already current, ${r.failed} failed`;
  const report = await retranslateArticles(pipeline, { sourceId, onBatch: (r) => log.info(line(r)) });
  log.info(`${line(report)} (done)`);
}

/** graphile-worker in its own schema of the same database; its cron fires the feed scheduler. */
async function openPostgresQueue(databaseUrl: string, lockTimeoutMs: number, store: Store): Promise<JobQueue> {
  try {
    return await graphileJobQueue({ databaseUrl, crontab: feedCrontab, lockTimeoutMs });
  } catch (error) {
    await store.close();
    throw new HappeningsError('jobs', 'store', `could not open the job queue on PostgreSQL: ${errorLine(error)}`, {
      cause: error,
    });
  }
}

async function loadDedupeIndex(store: Store): Promise<DedupeIndex> {
  const index = new DedupeIndex();
  // The index's own window: what it would still hold had the process run all along.
  const since = new Date(Date.now() - DEDUPE_WINDOW_MS).toISOString();
  for (const { id, fingerprint, firstSeenAt } of await store.articleFingerprints(since))
    index.add(id, decodeSignature(fingerprint), Date.parse(firstSeenAt));
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
