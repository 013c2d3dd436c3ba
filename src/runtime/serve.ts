/**
 * The main job: the web site, the feed scheduler and the job workers in one process.
 */
import { siteLanguage, type Config } from '../config.js';
import { log } from '../log.js';
import { startScheduler, type Scheduler } from '../jobs/index.js';
import { seedDefaultSources } from '../sources/index.js';
import { createWebApp } from '../web/app.js';
import { Images } from '../web/images/images.js';
import { diskProblem } from './disk-space.js';
import { metricsRoutes } from '../web/prometheus-route.js';
import { serveHandedConnections, startWebServer } from '../web/server.js';
import { storeSiteData } from '../web/store-data.js';
import { storeAdminOps } from '../web/admin/store-admin.js';
import { openRuntime, reportTranslation, type Runtime } from './open.js';
import { searchReaders } from '../store/sqlite-readers.js';

export interface Serving {
  /** Empty when this process serves no web (the primary of `serve --web-processes N`). */
  url: string;
  runtime: Runtime;
  close(): Promise<void>;
}

/** How often the scheduler looks for due feeds: a fraction of the shortest feed interval. */
const SCHEDULER_TICK_MS = 15_000;

/**
 * `web`: true (default) listens on config.port; 'handed' serves the connections the parent process
 * hands over (a web process of `serve --web-processes N`, web/handoff.ts); false serves no web.
 */
export async function serve(
  config: Config,
  options: { workers?: boolean; web?: boolean | 'handed'; schedulerTickMs?: number } = {},
): Promise<Serving> {
  const started = Date.now();
  const web = options.web ?? true;
  // The only process serving the site searches on a reader thread (SQLite), beside the event loop;
  // every process serving it reads its slow lists on another (StoreContext.listDb).
  const runtime = await openRuntime(config, {
    readers: web === true ? searchReaders(1) : 0,
    listReader: web !== false,
  });
  if (config.defaultSources) {
    const seeded = await seedDefaultSources(runtime.store, config.feedIntervalMinutes);
    if (seeded > 0)
      log.info(`sources: added ${seeded} default sources (HAPPENINGS_DEFAULT_SOURCES=false to start empty)`);
  }
  const translationNote = await reportTranslation(runtime.translator);
  const data = storeSiteData({
    store: runtime.store,
    language: siteLanguage(config),
    translationNote: async () => translationNote,
    healthDetails: async () => {
      const disk = config.databaseUrl ? null : await diskProblem(config.dbPath, config.minFreeDiskBytes);
      return {
        jobs: await runtime.queue.stats(),
        translation: translationNote ?? 'ok',
        ...(disk && { degraded: disk }),
      };
    },
  });
  const admin = config.adminPassword
    ? {
        password: config.adminPassword,
        loginFailuresPerClient: config.loginFailuresPerClient,
        trustedProxies: config.trustedProxies,
        ops: storeAdminOps({
          store: runtime.store,
          enqueuePage: (job) => runtime.pipeline.enqueuePage(job),
          translationStatus: async () => (await runtime.translator.status()).map(engineLine),
          feedIntervalMinutes: config.feedIntervalMinutes,
          translator: runtime.translator,
          languages: config.languages,
          engines: config.translationEngines,
          modelsDir: config.modelsDir,
          enqueueRetranslate: (sourceId) => runtime.enqueueRetranslate(sourceId),
        }),
      }
    : undefined;
  const images =
    web !== false && config.imageCacheBytes > 0
      ? await Images.open({
          dir: config.imageCacheDir,
          maxBytes: config.imageCacheBytes,
          memoryBytes: config.imageMemoryBytes,
          fetcher: runtime.fetcher,
        })
      : undefined;
  const app = createWebApp({
    data,
    siteName: config.siteName,
    language: siteLanguage(config),
    siteUrl: config.siteUrl || undefined,
    publicMode: config.publicMode,
    maxRequestBodyBytes: config.maxRequestBodyBytes,
    trustedProxies: config.trustedProxies,
    admin,
    images,
    timeZone: config.timeZone,
  });
  app.route(
    '/metrics',
    metricsRoutes(() => runtime.renderMetrics(), config.metricsToken),
  );
  const server =
    web === false
      ? null
      : web === 'handed'
        ? serveHandedConnections(app)
        : await startWebServer(app, { port: config.port, host: config.host });
  let scheduler: Scheduler | null = null;
  if (options.workers !== false && config.workers > 0) {
    runtime.startWorkers();
    if (!runtime.schedulesFeeds)
      scheduler = startScheduler({
        store: runtime.store,
        queue: runtime.queue,
        intervalMs: options.schedulerTickMs ?? SCHEDULER_TICK_MS,
      });
  }
  if (server?.url) log.info(`web: serving on ${server.url} (ready in ${Date.now() - started} ms)`);
  return {
    url: server?.url ?? '',
    runtime,
    async close() {
      await scheduler?.stop();
      await server?.close();
      await runtime.close();
    },
  };
}

/** "apertium 3.8: ready (spa-eng, cat-eng)" or the engine's reason for being off. */
function engineLine(s: {
  engine: string;
  available: boolean;
  version?: string | null;
  pairs: string[];
  message?: string | null;
}): string {
  return s.available
    ? `${s.engine} ${s.version ?? ''}: ready (${s.pairs.join(', ')})`
    : `${s.engine}: off — ${s.message ?? 'unavailable'}`;
}

/** Runs until SIGINT/SIGTERM, then closes everything in order. */
export function closeOnSignal(serving: { close(): Promise<void> }): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = () => {
      // Once: a web process of `serve --web-processes` gets the terminal's SIGINT and its primary's SIGTERM.
      if (stopping) return;
      stopping = true;
      log.info('shutting down');
      serving.close().then(
        () => resolve(0),
        (error: unknown) => {
          log.error(error);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
