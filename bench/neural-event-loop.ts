/**
 * Does translating hold the event loop? The event-loop delay (what a web request waits) while the
 * neural engine translates 200 sentences of the generated test model, once through the engine (its
 * worker thread) and once with the model on the main thread, next to an idle baseline.
 * Run: npx tsx bench/neural-event-loop.ts
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { writeTestModel } from '../src/pipeline/translate/neural/test-model.testkit.js';
import { NeuralEngine } from '../src/pipeline/translate/neural/engine.js';
import { NeuralModel } from '../src/pipeline/translate/neural/model.js';
import { modelFiles } from '../src/pipeline/translate/neural/model-files.js';
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'happenings-neural-bench-'));
await writeTestModel(dir);
const words = ['el', 'gato', 'negro', 'perro', 'casa', 'grande', 'duerme', 'y', 'de', 'hoy'];
const texts = Array.from(
  { length: 200 },
  (_, i) => Array.from({ length: 10 + (i % 25) }, (_, k) => words[(i * 3 + k) % 10]).join(' ') + '.',
);
const n = texts.join(' ').split(' ').length;
async function lag(label: string, work: () => Promise<unknown>) {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t = performance.now();
  await work();
  const ms = performance.now() - t;
  h.disable();
  console.log(
    `${label}: ${ms.toFixed(0)} ms; event-loop delay p50 ${(h.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(1)} ms, max ${(h.max / 1e6).toFixed(1)} ms`,
  );
}
await lag('idle 1.5 s', () => new Promise((r) => setTimeout(r, 1500)));
const engine = new NeuralEngine({ modelsDir: dir, threads: 2 });
await lag('worker: load', () => engine.supports('es', 'en'));
await lag(`worker: ${n} words`, () => engine.translateTexts(texts, 'es', 'en'));
await engine.close();
const model = await NeuralModel.load(modelFiles(dir, 'es', 'en')!, { threads: 2 });
await lag(`main thread: ${n} words`, () => model.translate(texts));
await model.close();
await fs.rm(dir, { recursive: true, force: true });
