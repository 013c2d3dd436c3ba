import { loadConfig } from '../config.js';
import { startDemoPublisher } from '../demo/publisher.js';
import { addSource } from '../sources/index.js';
import { closeOnSignal, serve } from '../runtime/serve.js';
import { dbOption, parseCommandArgs } from './args.js';
import type { Command } from './command.js';

export const command: Command = {
  usage: `Usage: happenings demo [--port N] [--db PATH] [--publisher-port N]

Starts six invented outlets (Spanish, French, German, Portuguese, English) on 127.0.0.1 with RSS,
Atom, JSON Feed and a news sitemap, adds them as sources and serves the site over them, so a
newcomer sees a populated, translated site with no internet. Default store: ./data/demo.db;
the outlets listen on ports 8091-8096 (--publisher-port N: N to N+5).`,
  async run(args) {
    const { values } = parseCommandArgs('demo', args, {
      ...dbOption,
      port: { type: 'string' },
      'publisher-port': { type: 'string' },
    });
    const base = loadConfig();
    // Fixed outlet ports keep the demo store's sources valid from one run to the next.
    const publisher = await startDemoPublisher({ port: Number(values['publisher-port'] ?? 8091) });
    const config = loadConfig(process.env, {
      dbPath: values.db ?? './data/demo.db',
      ...(values.port !== undefined && { port: Number(values.port) }),
      // The demo outlets live on loopback: allow it, and be quick (they are ours).
      allowPrivateHosts: [...base.allowPrivateHosts, '127.0.0.1/8'],
      fetchDelayMs: Math.min(base.fetchDelayMs, 100),
      defaultSources: false,
    });
    const serving = await serve(config, { schedulerTickMs: 2_000 });
    for (const feed of publisher.feeds) {
      await addSource(serving.runtime.store, {
        url: feed.url,
        name: feed.outlet,
        language: feed.language,
        kind: feed.kind,
        intervalMinutes: 5,
      });
    }
    process.stdout.write(`Demo outlets: ${publisher.origins.join(' ')}\nHappenings is serving on ${serving.url}\n`);
    return closeOnSignal({
      async close() {
        await serving.close();
        await publisher.close();
      },
    });
  },
};
