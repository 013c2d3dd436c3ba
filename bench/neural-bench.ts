/**
 * The neural engine's speed and memory on a generated model of the real tiny size (neural-model.ts):
 * words/s on one core (one session, 1 thread) and on two (one session with 2 threads; two sessions
 * with 1 thread each, half the batches each), words per CPU second (load-independent), load time,
 * first translation after process start and resident memory per loaded model (neural-probe.ts, its own
 * process), next to Apertium on the same sentences. Targets (issue 16): ≥ 1,000 words/s with both
 * cores, ≤ 300 MB per loaded model, first translation ≤ 3 s after start.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTranslator } from '../src/pipeline/translate/index.js';
import type { SessionSettings } from './neural-decode.js';
import { cpuClock } from './proc-cpu.js';
import { benchModelsDir, loadNeural, type NeuralModel } from './neural-path.js';

interface Timing {
  rate: number;
  perCpu: number;
}

const wordsOf = (texts: string[]) => texts.join(' ').split(/\s+/).filter(Boolean).length;

async function timed(run: () => Promise<unknown>, words: number): Promise<Timing> {
  const [started, cpu] = [performance.now(), cpuClock()];
  await run();
  const used = cpu(); // this process and its children (Apertium's pipeline)
  return { rate: words / ((performance.now() - started) / 1000), perCpu: words / used };
}

/** Best of `repeats` (by wall time) and the spread of the words/s. */
async function bestOf(repeats: number, run: () => Promise<Timing>) {
  const all: Timing[] = [];
  for (let i = 0; i < repeats; i++) all.push(await run());
  const rates = all.map((t) => t.rate);
  return { best: all.reduce((a, b) => (a.rate >= b.rate ? a : b)), low: Math.min(...rates), high: Math.max(...rates) };
}

async function apertiumOn(texts: string[], repeats: number) {
  const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
  await translator.translateText(['Hola.'], 'es', 'en');
  const result = await bestOf(repeats, () => timed(() => translator.translateText(texts, 'es', 'en'), wordsOf(texts)));
  await translator.close();
  return result;
}

function probe(modelsDir: string, threads: number, path: string) {
  const script = fileURLToPath(new URL('./neural-probe.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, modelsDir, String(threads), path], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number | string>;
}

export interface NeuralBenchOptions {
  sentences: string[];
  /** Sentences the vocabulary is learnt from: none of `sentences`. */
  corpus?: string[];
  repeats: number;
  settings?: SessionSettings;
  /** 'bench' measures the bench's decoder even when the engine is there. */
  path?: 'engine' | 'bench';
  modelsDir?: string;
  /** Weights of the generated model: fp32, or int8 (MatMulInteger, as Bergamot's 8-bit models). */
  int8?: boolean;
}

export async function benchNeural(options: NeuralBenchOptions): Promise<void> {
  const { sentences, repeats } = options;
  const modelsDir = options.modelsDir ?? benchModelsDir(options.corpus, options.int8);
  const words = wordsOf(sentences);
  const base = { ...options.settings, forceBenchDecoder: options.path === 'bench' };
  const load = async (threads: number) => {
    const started = performance.now();
    const model = await loadNeural(modelsDir, { ...base, threads });
    const loadMs = performance.now() - started;
    await model.translate(sentences.slice(0, 8)); // warm-up
    return { model, loadMs };
  };
  const rows: [string, Awaited<ReturnType<typeof bestOf>>][] = [];
  const one = await load(1);
  rows.push([
    '1 core: one session, 1 thread',
    await bestOf(repeats, () => timed(() => one.model.translate(sentences), words)),
  ]);
  const path = one.model.path;
  await one.model.release();
  const two = await load(2);
  rows.push([
    '2 cores: one session, 2 threads',
    await bestOf(repeats, () => timed(() => two.model.translate(sentences), words)),
  ]);
  await two.model.release();
  if (path === 'engine') {
    // The engine's default on two cores: two workers, a copy of the model and one thread each.
    const started = performance.now();
    const workers = await loadNeural(modelsDir, { ...base, threads: 1, workers: 2 });
    await workers.translate(sentences.slice(0, 8));
    rows.push([
      `2 cores: the engine's two workers, 1 thread each (loaded in ${(performance.now() - started).toFixed(0)} ms)`,
      await bestOf(repeats, () => timed(() => workers.translate(sentences), words)),
    ]);
    await workers.release();
  } else {
    const pair: NeuralModel[] = [(await load(1)).model, (await load(1)).model];
    const halves = [sentences.filter((_, i) => i % 2 === 0), sentences.filter((_, i) => i % 2 === 1)];
    rows.push([
      '2 cores: two sessions, 1 thread each',
      await bestOf(repeats, () => timed(() => Promise.all(pair.map((m, i) => m.translate(halves[i]!))), words)),
    ]);
    await Promise.all(pair.map((m) => m.release()));
  }
  const apertium = await apertiumOn(sentences, repeats);
  const memory = probe(modelsDir, 1, options.path ?? 'engine');

  const mb = (n: unknown) => Number(n).toFixed(0);
  const batch = options.settings?.batchSize ?? 16;
  const weights = options.modelsDir ? 'given model' : options.int8 ? 'int8 weights' : 'fp32 weights';
  console.log(
    `\nNeural engine on a generated tiny-size Marian model, ${weights} (random, output length = input length)`,
  );
  console.log(
    `path measured: ${path}; model ${modelsDir}/es-en; ${sentences.length} sentences, ${words} words; batch ${batch}; ORT spinning ${options.settings?.spinning === false ? 'off' : 'on'}; best of ${repeats}\n`,
  );
  console.log('| how | words/s (best) | spread | words per CPU s | × Apertium |\n|---|---:|---:|---:|---:|');
  for (const [how, r] of rows)
    console.log(
      `| ${how} | ${r.best.rate.toFixed(0)} | ${r.low.toFixed(0)}–${r.high.toFixed(0)} | ${r.best.perCpu.toFixed(0)} | ×${(r.best.rate / apertium.best.rate).toFixed(3)} |`,
    );
  console.log(
    `| Apertium (our pipeline, warm), same sentences | ${apertium.best.rate.toFixed(0)} | ${apertium.low.toFixed(0)}–${apertium.high.toFixed(0)} | ${apertium.best.perCpu.toFixed(0)} | ×1 |`,
  );
  console.log(
    `\nload (encoder + decoder sessions, 1 thread): ${one.loadMs.toFixed(0)} ms here; in a fresh process (${memory.path}): ` +
      `modules ${mb(memory.startMs)} ms after start, model loaded ${mb(memory.loadMs)} ms later, first translation ${mb(memory.firstMs)} ms after start`,
  );
  console.log(
    `resident memory: ${mb(memory.rssBaseMb)} MB before the model, +${mb(Number(memory.rssLoadedMb) - Number(memory.rssBaseMb))} MB loaded, ` +
      `+${mb(Number(memory.rssWarmMb) - Number(memory.rssBaseMb))} MB after a warm-up batch of 16, a second copy +${mb(Number(memory.rssSecondMb) - Number(memory.rssWarmMb))} MB`,
  );
}
