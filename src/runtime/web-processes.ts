/**
 * `serve --web-processes N`: the site from N processes sharing one port, so a busy site uses every
 * core. The primary listens, and hands each new connection to the web process holding the fewest
 * (web/handoff.ts; node:cluster's own sharing split connections 131/69 between two processes under
 * a burst). It keeps the feed scheduler and the job workers and serves no page; each web process
 * opens the store itself (SQLite in WAL mode takes many readers beside one writer) and runs web
 * only, like `serve --no-workers`. A web process that dies is replaced.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { log } from '../log.js';
import { handOutConnections, type Handoff } from '../web/handoff.js';
import { serve, type Serving } from './serve.js';

/** A web process's word to the primary that it can take connections. */
const READY = 'happenings:web-ready';

/** In the primary: workers here, N web processes forked. In a web process: the site only. */
export async function serveFromProcesses(
  config: Config,
  processes: number,
  options: { workers: boolean },
): Promise<Serving> {
  if (cluster.isWorker) {
    const web = await serve(config, { workers: false, web: 'handed' });
    process.send?.(READY);
    // The channel to the primary keeps a web process alive: closed last, so the process can end.
    return {
      ...web,
      async close() {
        await web.close();
        cluster.worker?.disconnect();
      },
    };
  }
  const primary = await serve(config, { workers: options.workers, web: false });
  let handoff: Handoff;
  try {
    handoff = await handOutConnections({ port: config.port, host: config.host });
  } catch (error) {
    await primary.close();
    throw error;
  }
  const web = new Set<Worker>();
  let closing = false;
  const fork = () =>
    new Promise<void>((resolve, reject) => {
      const worker = cluster.fork();
      web.add(worker);
      worker.on('message', (message: unknown) => {
        if (message !== READY) return;
        handoff.add(worker.process);
        resolve();
      });
      worker.once('exit', (code, signal) => {
        web.delete(worker);
        if (closing) return;
        reject(new Error(`a web process exited (${signal ?? code}) before it was ready`));
        log.warn(`web: a web process exited (${signal ?? code}); starting another`);
        void fork().catch((error: unknown) => log.error(error, 'web'));
      });
    });
  try {
    await Promise.all(Array.from({ length: processes }, fork));
  } catch (error) {
    closing = true;
    for (const worker of web) worker.kill();
    await handoff.close();
    await primary.close();
    throw error;
  }
  const url = handoff.url;
  log.info(`web: serving on ${url} from ${processes} processes`);
  return {
    url,
    runtime: primary.runtime,
    async close() {
      closing = true;
      await handoff.close();
      await Promise.all([...web].map((worker) => new Promise((done) => worker.once('exit', done).kill('SIGTERM'))));
      await primary.close();
    },
  };
}
