import { loadConfig } from '../config.js';
import { graphileJobQueue } from '../jobs/graphile-queue.js';
import { openStore } from '../store/index.js';
import { dbOption, parseCommandArgs } from './args.js';
import type { Command } from './command.js';

export const command: Command = {
  usage: `Usage: happenings migrate [--db PATH]

Runs the store's pending migrations (and, on PostgreSQL, graphile-worker's) and exits. Safe to
run while other processes are up: on PostgreSQL one process migrates at a time (advisory lock).

  --db PATH   SQLite file when DATABASE_URL is not set (default ./data/happenings.db)`,
  async run(args) {
    const { values } = parseCommandArgs('migrate', args, dbOption);
    const config = loadConfig(process.env, { ...(values.db && { dbPath: values.db }) });
    const store = config.databaseUrl
      ? await openStore({ databaseUrl: config.databaseUrl })
      : await openStore({ dbPath: config.dbPath });
    try {
      if (config.databaseUrl) await (await graphileJobQueue({ databaseUrl: config.databaseUrl })).close();
      const applied = await store.appliedMigrations();
      process.stdout.write(
        `Schema up to date on ${store.dialect.name}: ${applied.length} migrations (last ${applied.at(-1) ?? 'none'})\n`,
      );
    } finally {
      await store.close();
    }
    return 0;
  },
};
