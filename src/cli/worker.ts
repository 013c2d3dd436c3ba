import { loadConfig } from '../config.js';
import { closeOnSignal } from '../runtime/serve.js';
import { work } from '../runtime/worker.js';
import { dbOption, parseCommandArgs, usageError } from './args.js';
import type { Command } from './command.js';

export const command: Command = {
  usage: `Usage: happenings worker [--concurrency N] [--metrics-port N] [--db PATH]

Polls every source on its interval and ingests new articles, without serving the site. Run one
or more on each ingest machine with DATABASE_URL set (PostgreSQL), and \`serve --no-workers\` for
the web; see docs/deploy.md. Stops cleanly on SIGINT/SIGTERM (running jobs finish first).

  --concurrency N  jobs run at once in this process (default HAPPENINGS_WORKERS, 2)
  --metrics-port N serve /metrics (Prometheus text) on HOST:N
  --db PATH        SQLite file when DATABASE_URL is not set (default ./data/happenings.db)`,
  async run(args) {
    const { values } = parseCommandArgs('worker', args, {
      ...dbOption,
      concurrency: { type: 'string' },
      'metrics-port': { type: 'string' },
    });
    const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
    if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) {
      throw usageError('worker', `bad --concurrency "${values.concurrency}" (1 to 64)`);
    }
    const metricsPort = values['metrics-port'] === undefined ? undefined : Number(values['metrics-port']);
    if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535)) {
      throw usageError('worker', `bad --metrics-port "${values['metrics-port']}"`);
    }
    const config = loadConfig(process.env, { ...(values.db && { dbPath: values.db }) });
    const working = await work(config, {
      ...(concurrency !== undefined && { concurrency }),
      ...(metricsPort !== undefined && { metricsPort }),
    });
    process.stdout.write(`Happenings worker running on ${working.runtime.store.dialect.name}\n`);
    return closeOnSignal(working);
  },
};
