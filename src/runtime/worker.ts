/**
 * `happenings worker`: the job workers and feed polling without the web site, for machines that
 * only ingest. On PostgreSQL the queue's cron schedules the feeds (once for all workers); on
 * SQLite this process runs the in-process scheduler, as `serve` would.
 */
import type { Config } from '../config.js';
import { startScheduler, type Scheduler } from '../jobs/index.js';
import { log } from '../log.js';
import { Hono } from 'hono';
import { metricsRoutes } from '../web/prometheus-route.js';
import { startWebServer } from '../web/server.js';
import { openRuntime, reportTranslation, type Runtime } from './open.js';

/** How often the in-process scheduler looks for due feeds (serve's figure). */
const SCHEDULER_TICK_MS = 15_000;

export interface Working {
  runtime: Runtime;
  close(): Promise<void>;
}

/** Errors of a lost database connection (the server restarting, the network away). */
const connectionCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08003',
  '08001',
]);

export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    connectionCodes.has(String(code)) ||
    /Connection terminated|not queryable|connect ECONNREFUSED/i.test(String(message))
  );
}

/**
 * graphile-worker 0.17 lets a completion that failed on a lost connection escape as an unhandled
 * rejection, which would end the process. While the database is away the worker waits instead:
 * the job stays locked and is taken back after the lock timeout (jobs are idempotent). Any other
 * unhandled rejection still ends the process, as Node would.
 */
function surviveDatabaseOutages(): () => void {
  const onRejection = (error: unknown) => {
    if (isConnectionError(error)) {
      log.warn(`jobs: database connection lost (${(error as Error).message}); waiting for it to come back`);
      return;
    }
    log.error(error, 'jobs');
    process.exit(1);
  };
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}

export async function work(
  config: Config,
  options: { concurrency?: number; schedulerTickMs?: number; metricsPort?: number } = {},
): Promise<Working> {
  const runtime = await openRuntime(config);
  const forget = surviveDatabaseOutages();
  await reportTranslation(runtime.translator);
  const concurrency = Math.max(1, options.concurrency ?? config.workers);
  runtime.startWorkers(concurrency);
  let scheduler: Scheduler | null = null;
  if (!runtime.schedulesFeeds) {
    scheduler = startScheduler({
      store: runtime.store,
      queue: runtime.queue,
      intervalMs: options.schedulerTickMs ?? SCHEDULER_TICK_MS,
    });
  }
  // A worker has no site; it serves /metrics alone, on loopback unless HOST says otherwise.
  const metrics =
    options.metricsPort === undefined
      ? null
      : await startWebServer(metricsOnly(runtime), { port: options.metricsPort, host: config.host });
  if (metrics) log.info(`metrics: ${metrics.url}/metrics`);
  log.info(`jobs: worker running ${concurrency} jobs at once on ${runtime.store.dialect.name}`);
  return {
    runtime,
    async close() {
      await scheduler?.stop();
      await metrics?.close();
      await runtime.close();
      forget();
    },
  };
}

function metricsOnly(runtime: Runtime): Hono {
  const app = new Hono();
  app.route(
    '/metrics',
    metricsRoutes(() => runtime.renderMetrics(), runtime.config.metricsToken || null),
  );
  return app;
}
