/**
 * Run as its own process by neural-bench.ts, so start-up and memory are this model's alone:
 * prints one JSON line {path, startMs, loadMs, firstMs, rssBaseMb, rssLoadedMb, rssWarmMb, rssSecondMb}.
 *   node --import tsx bench/neural-probe.ts MODELS_DIR THREADS [engine|bench]
 * startMs: process start → the import of the engine done; firstMs: process start → first translation back.
 */
import { loadNeural } from './neural-path.js';

const [modelsDir, threads = '1', which = 'engine'] = process.argv.slice(2);
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const startMs = performance.now();
const rssBaseMb = rssMb();
const settings = { threads: Number(threads), forceBenchDecoder: which === 'bench' };
const model = await loadNeural(modelsDir!, settings);
const loadMs = performance.now() - startMs;
const rssLoadedMb = rssMb();
await model.translate(['El Gobierno anunció ayer nuevas medidas para la economía del país.']);
const firstMs = performance.now();
// A warm-up batch: 16 sentences of news length, so the arena holds a batch's activations.
const sentence =
  'Según fuentes oficiales, el presidente del Gobierno se reunirá mañana con los líderes de la oposición en Madrid.';
await model.translate(Array.from({ length: 16 }, (_, i) => `${sentence} (${i})`));
const rssWarmMb = rssMb();
const second = await loadNeural(modelsDir!, settings);
await second.translate(Array.from({ length: 16 }, (_, i) => `${sentence} (${i})`));
const rssSecondMb = rssMb();
console.log(
  JSON.stringify({ path: model.path, startMs, loadMs, firstMs, rssBaseMb, rssLoadedMb, rssWarmMb, rssSecondMb }),
);
await model.release();
await second.release();
