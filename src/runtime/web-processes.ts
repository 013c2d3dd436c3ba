/**
 * `serve --web-processes N`: the site from N processes sharing one port (node:cluster hands each new
 * connection to one of them), so a busy site uses every core. The primary keeps the feed scheduler and
 * the job workers and serves no page; each web process opens the store itself (SQLite in WAL mode
 * takes many readers beside one writer) and runs web only, like `serve --no-workers`. A web process
 * that dies is replaced.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { log } from '../log.js';
import { serve, type Serving } from './serve.js';

/** In the primary: workers here, N web processes forked. In a web process: the site only. */
export async function serveFromProcesses(config: Config, processes: number, options: { workers: boolean }): Promise<Serving> {
  if (cluster.isWorker) {
    const web = await serve(config, { workers: false });
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
  const web = new Set<Worker>();
  let closing = false;
  let url = '';
  const fork = () =>
    new Promise<string>((resolve, reject) => {
      const worker = cluster.fork();
      web.add(worker);
      worker.once('listening', (address) => resolve(`http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`));
      worker.once('exit', (code, signal) => {
        web.delete(worker);
        if (closing) return;
        reject(new Error(`a web process exited (${signal ?? code}) before it listened`));
        log.warn(`web: a web process exited (${signal ?? code}); starting another`);
        void fork().catch((error: unknown) => log.error(error, 'web'));
      });
    });
  try {
    [url = ''] = await Promise.all(Array.from({ length: processes }, fork));
  } catch (error) {
    closing = true;
    for (const worker of web) worker.kill();
    await primary.close();
    throw error;
  }
  log.info(`web: serving on ${url} from ${processes} processes`);
  return {
    url,
    runtime: primary.runtime,
    async close() {
      closing = true;
      await Promise.all([...web].map((worker) => new Promise((done) => worker.once('exit', done).kill('SIGTERM'))));
      await primary.close();
    },
  };
}
