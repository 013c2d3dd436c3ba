// Needs Apertium with apertium-eng-spa (CI installs it): the fallback engine is the real one.
/**
 * Engine choice with the neural engine first: an installed test model serves es→en; a missing or
 * broken one (truncated graph, a tokenizer.json of another format, bad JSON) is reported in one line
 * naming the file, and the pair goes to Apertium; nothing crashes.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../model.js';
import { createTranslator } from '../index.js';
import { NeuralEngine } from './engine.js';
import { modelFiles } from './model-files.js';
import { NeuralModel } from './model.js';
import { writeTestModel } from './test-model.testkit.js';

const article: Article = {
  url: 'https://example.es/a',
  canonicalUrl: 'https://example.es/a',
  site: 'Example',
  title: 'El gato negro',
  subtitle: null,
  byline: null,
  publishedAt: null,
  languageHint: 'es',
  image: null,
  imageCaption: null,
  paragraphs: ['El perro duerme en la casa.'],
  html: '<p>El perro duerme en la casa.</p>',
  related: [],
  tags: [],
  section: null,
  isTeaser: false,
};

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'happenings-neural-fallback-'));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

/** A models directory with the test model, broken by `breakIt`. */
async function modelsDir(name: string, breakIt?: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(root, name);
  const pair = await writeTestModel(dir);
  await breakIt?.(pair);
  return dir;
}

async function translated(dir: string) {
  const translator = createTranslator({ engines: ['neural', 'apertium'], modelsDir: dir, cacheEntries: 0 });
  try {
    return await translator.translateArticle(article, 'es', 'en');
  } finally {
    await translator.close();
  }
}

describe('the translator with a neural model installed', () => {
  it('picks the neural engine first, and records the model', async () => {
    const result = await translated(await modelsDir('ok'));
    expect(result).toMatchObject({ engine: 'neural', model: 'opus-mt-es-en', via: null, title: 'The cat black' });
    expect(result!.engineVersion).toBe('local');
    expect(result!.paragraphs).toEqual(['The dog sleeps in the house.']);
    expect(result!.html).toBe('<p>The dog sleeps in the house.</p>');
  });

  it('names the model from the manifest `models add` writes', async () => {
    const dir = path.join(root, 'manifest');
    await writeTestModel(dir, { manifest: { repo: 'Xenova/opus-mt-es-en', revision: 'abc123' }, quantizedNames: true });
    const engine = new NeuralEngine({ modelsDir: dir });
    expect(await engine.describe('es', 'en')).toEqual({ model: 'opus-mt-es-en', version: 'abc123', via: null });
    expect(modelFiles(dir, 'es', 'en')!.encoder).toMatch(/encoder_model_quantized\.onnx$/);
    expect(await engine.translateTexts(['el gato'], 'es', 'en')).toEqual(['the cat']);
    await engine.close();
  });

  it("does not serve a replaced model the old model's cached translations", async () => {
    const dir = path.join(root, 'replaced');
    const stored = new Map<string, string>();
    const persistentCache = {
      get: async (keys: string[]) => new Map(keys.flatMap((k) => (stored.has(k) ? [[k, stored.get(k)!]] : []))),
      set: async (entries: { key: string; translated: string }[]) => {
        for (const e of entries) stored.set(e.key, e.translated);
      },
    };
    for (const revision of ['r1', 'r1', 'r2']) {
      await writeTestModel(dir, { manifest: { repo: 'Xenova/opus-mt-es-en', revision } });
      const translator = createTranslator({ engines: ['neural'], modelsDir: dir, cacheEntries: 0, persistentCache });
      expect(await translator.translateText(['el gato negro'], 'es', 'en')).toEqual(['the cat black']);
      await translator.close();
    }
    // r1 twice: one entry (the second was read from the cache); r2: a new entry.
    expect(stored.size).toBe(2);
  });

  it('uses Apertium when no model is installed', async () => {
    const result = await translated(path.join(root, 'empty'));
    expect(result).toMatchObject({ engine: 'apertium', model: null, via: null });
    expect(result!.title.toLowerCase()).toContain('cat');
  });
});

describe('a broken model', () => {
  const cases: [string, (dir: string) => Promise<void>, RegExp][] = [
    [
      'a truncated encoder',
      async (dir) => {
        const file = path.join(dir, 'onnx/encoder_model.onnx');
        const bytes = await fs.readFile(file);
        await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      },
      /neural model file \S+onnx\/encoder_model\.onnx is unusable: not a loadable ONNX model/,
    ],
    [
      'a decoder that is not ONNX at all',
      (dir) => fs.writeFile(path.join(dir, 'onnx/decoder_model_merged.onnx'), '<html>404 Not Found</html>'),
      /neural model file \S+onnx\/decoder_model_merged\.onnx is unusable/,
    ],
    [
      'a tokenizer.json of another format',
      (dir) => fs.writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify({ '<pad>': 0, '</s>': 1, el: 2 })),
      /neural model file \S+tokenizer\.json is unusable: not a tokenizer\.json of the Hugging Face tokenizers format/,
    ],
    [
      'a config.json that is not JSON',
      (dir) => fs.writeFile(path.join(dir, 'config.json'), '{"d_model": 12'),
      /neural model file \S+config\.json is unusable: not valid JSON/,
    ],
    [
      'an encoder with other input names',
      async (dir) => {
        const decoder = path.join(dir, 'onnx/decoder_model_merged.onnx');
        await fs.copyFile(decoder, path.join(dir, 'onnx/encoder_model.onnx'));
      },
      /encoder_model\.onnx is unusable: it has no attention_mask, last_hidden_state/,
    ],
  ];

  for (const [what, breakIt, message] of cases) {
    it(`${what}: one clear error naming the file, and Apertium serves the pair`, async () => {
      const dir = await modelsDir(what.replace(/\W+/g, '-'), breakIt);
      await expect(NeuralModel.load(modelFiles(dir, 'es', 'en')!)).rejects.toThrow(message);
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        const result = await translated(dir);
        expect(result).toMatchObject({ engine: 'apertium', model: null });
        const lines = stderr.mock.calls.map(([line]) => String(line)).filter((l) => l.includes('neural model file'));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(message);
        expect(lines[0]).toMatch(/; es-en goes to the next engine\n$/);
      } finally {
        stderr.mockRestore();
      }
    });
  }
});
