/**
 * The neural engine on the generated test model (test-model.testkit.ts): real ONNX Runtime sessions,
 * the real tokenizer, real files in a temporary models directory; no network.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NeuralEngine, shareOut } from './engine.js';
import { installedPairs } from './model-files.js';
import { writeTestModel } from './test-model.testkit.js';

let modelsDir: string;
let engine: NeuralEngine;

beforeAll(async () => {
  modelsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'happenings-neural-'));
  await writeTestModel(modelsDir);
  engine = new NeuralEngine({ modelsDir, threads: 1 });
});
afterAll(async () => {
  await engine.close();
  await fs.rm(modelsDir, { recursive: true, force: true });
});

describe('NeuralEngine on the test model', () => {
  it('finds the installed pair and supports only it', async () => {
    expect(installedPairs(modelsDir)).toEqual(['es-en']);
    expect(engine.pairs()).toEqual(['es-en']);
    expect(await engine.supports('es', 'en')).toBe(true);
    expect(await engine.supports('de', 'en')).toBe(false);
    expect(await engine.describe('es', 'en')).toEqual({ model: 'opus-mt-es-en', version: 'local', via: null });
    expect(engine.protectsNames).toBe(false);
  });

  it('translates word by word through the dictionary, copying names, keeping sentence spacing', async () => {
    const [one, two] = await engine.translateTexts(
      ['el gato negro', 'El presidente Pedro dijo que el perro duerme.  La casa grande.'],
      'es',
      'en',
    );
    expect(one).toBe('the cat black');
    expect(two).toBe('The president Pedro said that the dog sleeps.  The house big.');
  });

  it('keeps empty texts empty and survives emoji, mixed scripts and unknown characters', async () => {
    const texts = ['', '   ', 'el gato 🙂 negro', 'el 猫 gato Кот', '\u0000\u200b'];
    const out = await engine.translateTexts(texts, 'es', 'en');
    expect(out[0]).toBe('');
    expect(out[1]).toBe('   ');
    expect(out[2]).toMatch(/^the cat\s+black$/);
    expect(out[3]).toMatch(/^the\s+cat/);
    expect(out).toHaveLength(5);
  });

  it('gives the same output for a batch of varied sentences as for each sentence alone', async () => {
    const words = ['el', 'gato', 'negro', 'perro', 'casa', 'grande', 'duerme', 'y', 'Ana', 'de', 'hoy'];
    const sentences = Array.from({ length: 70 }, (_, i) =>
      Array.from({ length: 1 + ((i * 7) % 23) }, (_, k) => words[(i + k * 3) % words.length]).join(' '),
    );
    const together = await engine.translateTexts(sentences, 'es', 'en');
    const alone = [];
    for (const s of sentences.slice(0, 25)) alone.push(...(await engine.translateTexts([s], 'es', 'en')));
    expect(together.slice(0, 25)).toEqual(alone);
    expect(together[1]!.split(' ')).toHaveLength(sentences[1]!.split(' ').length);
  });

  it('translates a 5,000-word sentence in parts, in bounded time', { timeout: 60_000 }, async () => {
    const long = Array.from({ length: 5000 }, (_, i) => ['el', 'gato', 'negro', 'duerme'][i % 4]).join(' ');
    const started = Date.now();
    const [out] = await engine.translateTexts([long], 'es', 'en');
    // About 5 s here on an idle core (25 parts of 200 tokens); one 5,000-token decode would take minutes.
    expect(Date.now() - started).toBeLessThan(40_000);
    const outWords = out!.split(' ');
    expect(outWords).toHaveLength(5000);
    expect(outWords.slice(0, 4)).toEqual(['the', 'cat', 'black', 'sleeps']);
    expect(outWords.filter((w) => w === 'gato')).toHaveLength(0);
  });

  it('emits exactly as many tokens as the source in fixed-length mode', async () => {
    const fixed = new NeuralEngine({ modelsDir, threads: 1, fixedLength: true });
    try {
      const [out] = await fixed.translateTexts(['el gato negro'], 'es', 'en');
      expect(out).toBe('the cat black');
    } finally {
      await fixed.close();
    }
  });

  it('starts its worker again after the worker dies, loading the model again', async () => {
    const { workers } = engine as unknown as { workers: { worker: { terminate(): Promise<number> } | null }[] };
    await workers[0]!.worker!.terminate();
    expect(await engine.translateTexts(['el perro'], 'es', 'en')).toEqual(['the dog']);
  });

  it('keeps blocks and inline tags around their words in HTML', async () => {
    const html =
      '<h2>El gato negro</h2><p>El <strong>perro negro</strong> duerme en la <a href="/casa?a=1&amp;b=2">casa</a>.</p>' +
      '<p>Dijo <a href="/p">Pedro</a> hoy.</p><pre>el gato</pre>';
    const { html: out, runs } = await engine.translateHtmlRuns(html, 'es', 'en');
    expect(out).toContain('<h2>The cat black</h2>');
    expect(out).toContain('<strong>dog black</strong>');
    expect(out).toContain('<a href="/casa?a=1&amp;b=2">house</a>');
    expect(out).toContain('<a href="/p">Pedro</a>');
    expect(out).toContain('<pre>el gato</pre>');
    expect(runs).toContainEqual(['El gato negro', 'The cat black']);
    expect(await engine.translateHtml('', 'es', 'en')).toBe('');
  });
});

describe('shareOut (each of the engine workers takes a share of the texts)', () => {
  it('cuts texts into consecutive shares of about equal length, order kept', () => {
    const texts = ['aaaa', 'bb', 'cc', 'dddd', 'e'];
    const shares = shareOut(texts, 2);
    expect(shares.flat()).toEqual(texts);
    expect(shares).toHaveLength(2);
    expect(shareOut(['one'], 2)).toEqual([['one']]);
    expect(shareOut(texts, 1)).toEqual([texts]);
  });
});
