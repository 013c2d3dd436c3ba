/**
 * The worker thread's side of the neural engine (model-worker.ts starts it): it holds the loaded
 * models and translates with them, so tokenizing, tensor building and ONNX Runtime's runs (which
 * onnxruntime-node 1.31 calls synchronously on the calling thread) never hold the main event loop.
 * Messages in: load, translate, close; each answered with {id, ok, value | message}.
 */
import { parentPort } from 'node:worker_threads';
import { errorLine } from '../../../errors.js';
import type { ModelFiles } from './model-files.js';
import { NeuralModel, type ModelOptions } from './model.js';

export type HostRequest =
  | { id: number; op: 'load'; pair: string; files: ModelFiles; options: ModelOptions }
  | { id: number; op: 'translate'; pair: string; files: ModelFiles; options: ModelOptions; texts: string[] }
  | { id: number; op: 'close' };

export type HostReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

const models = new Map<string, Promise<NeuralModel>>();

function loaded(pair: string, files: ModelFiles, options: ModelOptions): Promise<NeuralModel> {
  let model = models.get(pair);
  if (!model) {
    model = NeuralModel.load(files, options);
    // A failed load is not kept: the engine stops asking for the pair after its first failure.
    model.catch(() => models.delete(pair));
    models.set(pair, model);
  }
  return model;
}

async function handle(request: HostRequest): Promise<unknown> {
  if (request.op === 'load') return Boolean(await loaded(request.pair, request.files, request.options));
  // A translation carries its files too: a worker started again after a crash loads the model anew.
  if (request.op === 'translate')
    return (await loaded(request.pair, request.files, request.options)).translate(request.texts);
  const all = await Promise.allSettled(models.values());
  await Promise.all(all.map((m) => (m.status === 'fulfilled' ? m.value.close() : undefined)));
  models.clear();
  return true;
}

parentPort?.on('message', (request: HostRequest) => {
  handle(request).then(
    (value) => parentPort!.postMessage({ id: request.id, ok: true, value } satisfies HostReply),
    (error: unknown) =>
      parentPort!.postMessage({ id: request.id, ok: false, message: errorLine(error) } satisfies HostReply),
  );
});
