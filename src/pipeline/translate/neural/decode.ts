/**
 * Batched greedy decoding of a Marian encoder-decoder exported to ONNX (the "merged" decoder with a
 * key/value cache). The encoder runs once per batch; then the decoder runs one token per row and
 * step, fed the previous step's presents as its pasts, until every row has written </s> or reached
 * its length limit. The encoder's keys and values are computed at the first step and reused after
 * it (with use_cache_branch=true the merged graph returns them as constants, as optimum documents).
 */
import ort from 'onnxruntime-node';
import type { ModelConfig } from './model-files.js';

export interface Sessions {
  encoder: ort.InferenceSession;
  decoder: ort.InferenceSession;
  config: ModelConfig;
}

export interface DecodeOptions {
  /** The bench's mode: </s> is never chosen and each row writes exactly as many tokens as its source has. */
  fixedLength?: boolean;
}

/**
 * Translates one batch of token-id rows (each ending with </s>) into target ids (without </s>).
 * Rows are padded with the pad id and masked; rows that finished leave the batch (compact), so the
 * long tail of a batch decodes only the rows still writing.
 */
export async function decodeBatch(
  sessions: Sessions,
  rows: number[][],
  options: DecodeOptions = {},
): Promise<number[][]> {
  const { config, encoder, decoder } = sessions;
  const batch = rows.length;
  const srcLen = Math.max(...rows.map((r) => r.length));
  const ids = new BigInt64Array(batch * srcLen).fill(BigInt(config.pad_token_id));
  const mask = new BigInt64Array(batch * srcLen);
  rows.forEach((row, b) =>
    row.forEach((id, i) => {
      ids[b * srcLen + i] = BigInt(id);
      mask[b * srcLen + i] = 1n;
    }),
  );
  const maskTensor = new ort.Tensor('int64', mask, [batch, srcLen]);
  const encoded = await encoder.run({
    input_ids: new ort.Tensor('int64', ids, [batch, srcLen]),
    attention_mask: maskTensor,
  });
  const hidden = encoded.last_hidden_state!;

  // Output length: source tokens (without </s>) in fixed mode, else 1.5 times the source plus ten,
  // generous for any language pair (German → English rarely exceeds 1.3) and never past max_length.
  const limits = rows.map((r) =>
    options.fixedLength ? r.length - 1 : Math.min(Math.ceil(1.5 * r.length) + 10, config.max_length ?? 512),
  );
  const out: number[][] = rows.map(() => []);
  const heads = config.decoder_attention_heads;
  const headDim = config.d_model / heads;
  const inputs = new Set(decoder.inputNames);
  const layerNames = Array.from({ length: config.decoder_layers }, (_, i) =>
    ['decoder.key', 'decoder.value', 'encoder.key', 'encoder.value'].map((k) => `${i}.${k}`),
  ).flat();
  const decoderOutputs = ['logits', ...layerNames.filter((n) => n.includes('.decoder.')).map((n) => `present.${n}`)];

  const feeds: Record<string, ort.Tensor> = { encoder_attention_mask: maskTensor, encoder_hidden_states: hidden };
  const empty = new ort.Tensor('float32', new Float32Array(0), [batch, heads, 0, headDim]);
  for (const name of layerNames) feeds[`past_key_values.${name}`] = empty;
  // The rows still decoding, by their index in `rows`.
  let live = rows.map((_, b) => b).filter((b) => limits[b]! > 0);
  if (live.length < batch) compact(feeds, batch, live);
  let next: BigInt64Array = new BigInt64Array(live.length).fill(BigInt(config.decoder_start_token_id));
  for (let step = 0; live.length; step++) {
    feeds.input_ids = new ort.Tensor('int64', next, [live.length, 1]);
    if (inputs.has('use_cache_branch'))
      feeds.use_cache_branch = new ort.Tensor('bool', new Uint8Array([step > 0 ? 1 : 0]), [1]);
    const result =
      step === 0
        ? await decoder.run(onlyInputs(feeds, inputs))
        : await decoder.run(onlyInputs(feeds, inputs), decoderOutputs);
    for (const name of layerNames) {
      if (step === 0 || name.includes('.decoder.')) feeds[`past_key_values.${name}`] = result[`present.${name}`]!;
    }
    const done = choose(result.logits!, config, options, live, out, limits);
    next = next.map((_, b) => (done[b] ? BigInt(config.pad_token_id) : BigInt(out[live[b]!]!.at(-1)!)));
    const finished = done.filter(Boolean).length;
    // Finished rows leave the batch once they are half of it: copying the cache costs about one
    // step, and each step after that is cheaper by the rows dropped.
    if (finished && (finished * 2 >= live.length || finished === live.length)) {
      const keep = live.flatMap((_, b) => (done[b] ? [] : [b]));
      if (keep.length) compact(feeds, live.length, keep);
      next = BigInt64Array.from(keep.map((b) => next[b]!));
      live = keep.map((b) => live[b]!);
    }
  }
  return out;
}

/** Keeps rows `keep` (indexes into the current batch of `batch` rows) of every batch-first feed. */
function compact(feeds: Record<string, ort.Tensor>, batch: number, keep: number[]): void {
  for (const [name, tensor] of Object.entries(feeds)) {
    if (name === 'input_ids' || name === 'use_cache_branch' || tensor.dims[0] !== batch) continue;
    const data = tensor.data as Float32Array | BigInt64Array;
    const row = data.length / batch;
    const kept = new (data.constructor as Float32ArrayConstructor | BigInt64ArrayConstructor)(row * keep.length);
    keep.forEach((b, i) =>
      (kept as Float32Array).set((data as Float32Array).subarray(b * row, (b + 1) * row), i * row),
    );
    feeds[name] = new ort.Tensor(tensor.type as 'float32', kept as Float32Array, [
      keep.length,
      ...tensor.dims.slice(1),
    ]);
  }
}

/** The decoder's feeds it declares (a decoder without use_cache_branch is fed none). */
function onlyInputs(feeds: Record<string, ort.Tensor>, inputs: Set<string>): Record<string, ort.Tensor> {
  const out: Record<string, ort.Tensor> = {};
  for (const name of inputs) {
    if (!feeds[name]) throw new Error(`decoder input ${name} is not one this engine knows how to feed`);
    out[name] = feeds[name]!;
  }
  return out;
}

/**
 * The next token of each live row: the highest logit at the last position, never <pad> (Marian's
 * generation config bans it), never </s> in fixed mode. Says which rows finished (</s>, or their limit).
 */
function choose(
  logits: ort.Tensor,
  config: ModelConfig,
  options: DecodeOptions,
  live: number[],
  out: number[][],
  limits: number[],
): boolean[] {
  const data = logits.data as Float32Array;
  const [batch, tgt, vocab] = logits.dims as [number, number, number];
  const done = new Array<boolean>(batch).fill(false);
  for (let b = 0; b < batch; b++) {
    const row = live[b]!;
    const base = (b * tgt + tgt - 1) * vocab;
    let best = -1;
    let bestScore = -Infinity;
    for (let v = 0; v < vocab; v++) {
      const score = data[base + v]!;
      if (score > bestScore && v !== config.pad_token_id && !(options.fixedLength && v === config.eos_token_id)) {
        best = v;
        bestScore = score;
      }
    }
    if (best === config.eos_token_id || best < 0) done[b] = true;
    else {
      out[row]!.push(best);
      done[b] = out[row]!.length >= limits[row]!;
    }
  }
  return done;
}
