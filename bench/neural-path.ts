/**
 * The one place the benches meet the neural engine. `loadNeural` tries the engine first
 * (createTranslator({ engines: ['neural'], modelsDir, ... }), src/pipeline/translate/neural/, issue 16);
 * where it is not there yet (it answers null for the pair), the bench's own decoder loop
 * (neural-decode.ts) drives the same ONNX files the same way. `path` says which was measured.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTranslator, type TranslatorOptions } from '../src/pipeline/translate/index.js';
import { GreedyDecoder, type SessionSettings } from './neural-decode.js';
import { generateModel, generatorVersion } from './neural-model.js';

export interface NeuralModel {
  path: 'engine' | 'bench decoder';
  translate(texts: string[]): Promise<string[]>;
  release(): Promise<void>;
}

/**
 * The tiny-size es-en model, generated once per generator version under the temp directory; its
 * vocabulary is learnt from `corpus` (sentences the bench does not time).
 */
export function benchModelsDir(corpus?: string[], int8 = false): string {
  const dir = join(tmpdir(), 'happenings-bench-model', `v${generatorVersion}`, int8 ? 'int8' : 'fp32');
  if (!existsSync(join(dir, 'es-en', 'onnx', 'decoder_model_merged.onnx'))) {
    process.stderr.write(`generating the tiny-size ${int8 ? 'int8' : 'fp32'} es-en model in ${dir} …\n`);
    generateModel(dir, { pair: 'es-en', size: 'tiny', corpus, int8 });
  }
  return dir;
}

/** Engine options for the bench (fixedLength: output length = input length, for random weights). */
export function neuralTranslatorOptions(modelsDir: string, threads: number, workers = 1): TranslatorOptions {
  return { engines: ['neural'], cacheEntries: 0, modelsDir, neural: { fixedLength: true, threads, workers } };
}

/**
 * A worker's environment for the neural engine on `modelsDir`: the config's models folder, and
 * output length held to input length (config neuralFixedLength: random weights never stop on their own).
 */
export function neuralWorkerEnv(modelsDir: string): Record<string, string> {
  return { HAPPENINGS_MODELS_DIR: modelsDir, HAPPENINGS_NEURAL_FIXED_LENGTH: '1' };
}

export async function loadNeural(
  modelsDir: string,
  settings: SessionSettings & { forceBenchDecoder?: boolean; workers?: number } = {},
): Promise<NeuralModel> {
  if (!settings.forceBenchDecoder) {
    const translator = createTranslator(neuralTranslatorOptions(modelsDir, settings.threads ?? 1, settings.workers));
    if ((await translator.translateText(['Hola.'], 'es', 'en')) !== null)
      return {
        path: 'engine',
        translate: async (texts) => (await translator.translateText(texts, 'es', 'en'))!,
        release: () => translator.close(),
      };
    await translator.close();
  }
  const decoder = await GreedyDecoder.load(join(modelsDir, 'es-en'), settings);
  return { path: 'bench decoder', translate: (texts) => decoder.translate(texts), release: () => decoder.release() };
}
