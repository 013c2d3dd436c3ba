import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateModel, sizes } from './neural-model.js';
import { GreedyDecoder } from './neural-decode.js';

const dims = sizes.test!;
const headDim = dims.dModel / dims.heads;
let root: string;
let dir: string;
let encoder: ort.InferenceSession;
let decoder: ort.InferenceSession;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'neural-model-'));
  dir = generateModel(root, { size: 'test', pair: 'es-en' });
  encoder = await ort.InferenceSession.create(join(dir, 'onnx/encoder_model.onnx'));
  decoder = await ort.InferenceSession.create(join(dir, 'onnx/decoder_model_merged.onnx'));
});
afterAll(async () => {
  await encoder?.release();
  await decoder?.release();
  rmSync(root, { recursive: true, force: true });
});

const int64 = (rows: number[][]) =>
  new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]!.length]);
const emptyPasts = (batch: number) => {
  const empty = new ort.Tensor('float32', new Float32Array(0), [batch, dims.heads, 0, headDim]);
  const out: Record<string, ort.Tensor> = {};
  for (let i = 0; i < dims.decoderLayers; i++)
    for (const side of ['decoder', 'encoder'])
      for (const kv of ['key', 'value']) out[`past_key_values.${i}.${side}.${kv}`] = empty;
  return out;
};
const pastsFrom = (result: Record<string, ort.Tensor>) =>
  Object.fromEntries(
    Object.entries(result)
      .filter(([k]) => k.startsWith('present.'))
      .map(([k, v]) => [k.replace('present.', 'past_key_values.'), v]),
  );
const close = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i]!)));

describe('generated Marian model', () => {
  const source = [
    [5, 17, 99, 0],
    [7, 0, 1999, 1999], // padded (pad is the last id)
  ];
  const mask = [
    [1, 1, 1, 1],
    [1, 1, 0, 0],
  ];

  it('writes the config the engine reads', () => {
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'marian', d_model: 32, decoder_layers: 2, vocab_size: 2000 });
    expect(config.decoder_start_token_id).toBe(config.pad_token_id);
  });

  it('encodes a padded batch, and padding does not change the real tokens', async () => {
    const { last_hidden_state: batch } = await encoder.run({ input_ids: int64(source), attention_mask: int64(mask) });
    expect(batch!.dims).toEqual([2, 4, dims.dModel]);
    const { last_hidden_state: alone } = await encoder.run({
      input_ids: int64([[7, 0]]),
      attention_mask: int64([[1, 1]]),
    });
    const row = (batch!.data as Float32Array).slice(4 * dims.dModel, 6 * dims.dModel);
    expect(close(row, alone!.data as Float32Array)).toBeLessThan(1e-4);
  });

  it('decodes with the cache: presents grow by one a step and match a run without it', async () => {
    const { last_hidden_state: hidden } = await encoder.run({ input_ids: int64(source), attention_mask: int64(mask) });
    const common = { encoder_attention_mask: int64(mask), encoder_hidden_states: hidden! };
    const flag = (on: boolean) => new ort.Tensor('bool', [on], [1]);
    let pasts = emptyPasts(2);
    const logits: Float32Array[] = [];
    for (const [step, token] of [1999, 42, 7].entries()) {
      const result = await decoder.run({
        ...common,
        ...pasts,
        input_ids: int64([[token], [token]]),
        use_cache_branch: flag(step > 0),
      });
      expect(result.logits!.dims).toEqual([2, 1, dims.vocab]);
      expect(result['present.1.decoder.key']!.dims).toEqual([2, dims.heads, step + 1, headDim]);
      expect(result['present.0.encoder.value']!.dims).toEqual([2, dims.heads, 4, headDim]);
      logits.push(result.logits!.data as Float32Array);
      pasts = pastsFrom(result);
    }
    // All three tokens at once, no cache: the causal mask and positions must give the same logits.
    const whole = await decoder.run({
      ...common,
      ...emptyPasts(2),
      input_ids: int64([
        [1999, 42, 7],
        [1999, 42, 7],
      ]),
      use_cache_branch: flag(false),
    });
    // Row 0 of the whole run holds positions 0..2; each must match the cached step at that position.
    const all = whole.logits!.data as Float32Array;
    for (const step of [0, 1, 2]) {
      const position = all.slice(step * dims.vocab, (step + 1) * dims.vocab);
      expect(close(position, logits[step]!.slice(0, dims.vocab))).toBeLessThan(1e-4);
    }
  });

  it('tokenizes Spanish with no unknown pieces and ends with </s>', () => {
    const tokenizer = new Tokenizer(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')), {});
    const { ids } = tokenizer.encode('El Gobierno anunció ayer 3 medidas nuevas, según fuentes oficiales.');
    expect(ids.at(-1)).toBe(0);
    expect(ids).not.toContain(1);
  });

  it('translates through the greedy loop with output length held to input length', async () => {
    const model = await GreedyDecoder.load(dir);
    const texts = ['Hola.', 'La ciudad tiene dos puentes y un río.', ''];
    const out = await model.translate(texts);
    await model.release();
    expect(out).toHaveLength(3);
    expect(out[2]).toBe('');
    const tokenizer = new Tokenizer(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')), {});
    expect(tokenizer.encode(out[1]!).ids.length).toBeGreaterThan(3);
  });
});

describe('generated Marian model, int8 weights', () => {
  it('decodes a batch with the cache through MatMulInteger', async () => {
    const int8Root = mkdtempSync(join(tmpdir(), 'neural-model-int8-'));
    try {
      const int8Dir = generateModel(int8Root, { size: 'test', int8: true });
      const session = await ort.InferenceSession.create(join(int8Dir, 'onnx/decoder_model_merged.onnx'));
      const bytes = readFileSync(join(int8Dir, 'onnx/decoder_model_merged.onnx')).toString('latin1');
      expect(bytes).toContain('MatMulInteger');
      await session.release();
      const model = await GreedyDecoder.load(int8Dir);
      const out = await model.translate(['La ciudad tiene dos puentes.', 'Hola.']);
      await model.release();
      expect(out[0]!.length).toBeGreaterThan(0);
    } finally {
      rmSync(int8Root, { recursive: true, force: true });
    }
  });
});
