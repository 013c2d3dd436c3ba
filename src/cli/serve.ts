import { loadConfig } from '../config.js';
import cluster from 'node:cluster';
import { closeOnSignal, serve } from '../runtime/serve.js';
import { serveFromProcesses } from '../runtime/web-processes.js';
import { dbOption, parseCommandArgs, usageError } from './args.js';
import type { Command } from './command.js';

export const command: Command = {
  usage: `Usage: happenings serve [--port N] [--host ADDR] [--db PATH] [--no-workers] [--web-processes N]

Serves the site (default http://127.0.0.1:8080), polls every source on its interval and ingests
new articles. An empty store starts with the default source list of real publishers.

  --port N        HTTP port (default 8080, or PORT)
  --host ADDR     address to listen on (default 127.0.0.1, or HOST; 0.0.0.0 for all)
  --db PATH       SQLite file (default ./data/happenings.db, or HAPPENINGS_DB)
  --no-workers    web only: no polling, no ingesting
  --web-processes N
                  serve the site from N processes on one port (default 1: the site, polling and
                  ingesting share one process); with N > 1 this process polls and ingests and the
                  N others serve pages (one per core is a good start)`,
  async run(args) {
    const { values } = parseCommandArgs('serve', args, {
      ...dbOption,
      port: { type: 'string' },
      host: { type: 'string' },
      'no-workers': { type: 'boolean', default: false },
      'web-processes': { type: 'string', default: '1' },
    });
    const processes = Number(values['web-processes']);
    if (!Number.isInteger(processes) || processes < 1 || processes > 64)
      throw usageError('serve', `bad --web-processes "${values['web-processes']}" (1 to 64)`);
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
      throw usageError('serve', `bad --port "${values.port}"`);
    const config = loadConfig(process.env, {
      ...(values.db && { dbPath: values.db }),
      ...(port !== undefined && { port }),
      ...(values.host && { host: values.host }),
    });
    const serving =
      processes > 1
        ? await serveFromProcesses(config, processes, { workers: !values['no-workers'] })
        : await serve(config, { workers: !values['no-workers'] });
    if (!cluster.isWorker) process.stdout.write(`Happenings is serving on ${serving.url}\n`);
    return closeOnSignal(serving);
  },
};
