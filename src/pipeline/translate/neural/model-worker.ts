/**
 * The main thread's side: one worker thread running model-host.ts, and requests to it as promises.
 * The worker starts on the first request; if it dies, what was asked of it fails with one line and
 * the next request starts a new one. Under the compiled build the worker loads model-host.js; from
 * the sources (tsx, vitest) it registers tsx first, as the Worker itself cannot load TypeScript.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HappeningsError } from '../../../errors.js';
import type { HostReply, HostRequest } from './model-host.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never;

export class ModelWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  request(request: Request): Promise<unknown> {
    const worker = this.start();
    const id = this.nextId++;
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  }

  async close(): Promise<void> {
    if (!this.worker) return;
    await this.request({ op: 'close' }).catch(() => undefined);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(bootstrap(), { eval: true });
    worker.on('message', (reply: HostReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      // An idle worker must not keep the process alive.
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) pending?.resolve(reply.value);
      else pending?.reject(new HappeningsError('translate', 'translator', reply.message.replace(/^translate: /, '')));
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = null;
      for (const { reject } of this.pending.values()) reject(new HappeningsError('translate', 'translator', why));
      this.pending.clear();
    };
    worker.on('error', (error) => fail(`the neural engine's worker failed: ${error.message.split('\n')[0]}`));
    worker.on('exit', (code) => fail(`the neural engine's worker stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }
}

function bootstrap(): string {
  const js = new URL('./model-host.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(js))) return `import(${JSON.stringify(js.href)});`;
  const ts = new URL('./model-host.ts', import.meta.url).href;
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ts)}); });`;
}
