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
 * Rows are padded with the pad id and masked; a finished row is fed pad tokens until the batch ends
 * (rows of a batch have similar lengths: batches are cut from sentences sorted by length).
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
  const done = rows.map((_, b) => limits[b]! <= 0);
  const heads = config.decoder_attention_heads;
  const headDim = config.d_model / heads;
  const empty = new ort.Tensor('float32', new Float32Array(0), [batch, heads, 0, headDim]);
  const inputs = new Set(decoder.inputNames);
  const layerNames = Array.from({ length: config.decoder_layers }, (_, i) =>
    ['decoder.key', 'decoder.value', 'encoder.key', 'encoder.value'].map((k) => `${i}.${k}`),
  ).flat();
  const decoderOutputs = ['logits', ...layerNames.filter((n) => n.includes('.decoder.')).map((n) => `present.${n}`)];

  const feeds: Record<string, ort.Tensor> = {
    encoder_attention_mask: maskTensor,
    encoder_hidden_states: hidden,
  };
  for (const name of layerNames) feeds[`past_key_values.${name}`] = empty;
  let next: BigInt64Array = new BigInt64Array(batch).fill(BigInt(config.decoder_start_token_id));
  for (let step = 0; !done.every(Boolean); step++) {
    feeds.input_ids = new ort.Tensor('int64', next, [batch, 1]);
    if (inputs.has('use_cache_branch'))
      feeds.use_cache_branch = new ort.Tensor('bool', new Uint8Array([step > 0 ? 1 : 0]), [1]);
    const result =
      step === 0
        ? await decoder.run(onlyInputs(feeds, inputs))
        : await decoder.run(onlyInputs(feeds, inputs), decoderOutputs);
    for (const name of layerNames) {
      if (step === 0 || name.includes('.decoder.')) feeds[`past_key_values.${name}`] = result[`present.${name}`]!;
    }
    next = choose(result.logits!, config, options, done, out, limits);
  }
  return out;
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
 * The next token of each row: the highest logit at the last position, never <pad> (Marian's
 * generation config bans it), never </s> in fixed mode. Finished rows get <pad> and stay finished.
 */
function choose(
  logits: ort.Tensor,
  config: ModelConfig,
  options: DecodeOptions,
  done: boolean[],
  out: number[][],
  limits: number[],
): BigInt64Array {
  const data = logits.data as Float32Array;
  const [batch, tgt, vocab] = logits.dims as [number, number, number];
  const next = new BigInt64Array(batch).fill(BigInt(config.pad_token_id));
  for (let b = 0; b < batch; b++) {
    if (done[b]) continue;
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
    if (best === config.eos_token_id || best < 0) {
      done[b] = true;
      continue;
    }
    out[b]!.push(best);
    next[b] = BigInt(best);
    if (out[b]!.length >= limits[b]!) done[b] = true;
  }
  return next;
}
