/**
 * The encoder and the merged decoder of a Marian transformer (post-norm, sinusoidal positions,
 * embeddings × √d, tied output projection), as ONNX graphs with the inputs and outputs of a
 * Hugging Face / Optimum export (see neural-model.ts for the contract). Weights are seeded N(0, σ).
 *
 * Cross-attention keys and values: the decoder computes them from encoder_hidden_states on the
 * first step (use_cache_branch false) and returns them as present.{i}.encoder.*; afterwards an `If`
 * on use_cache_branch passes the pasts through instead, as Optimum's merged decoder does, so a step
 * costs only the new token's work.
 */
import { BOOL, FLOAT, Graph, INT64, valueInfo } from './onnx-graph.js';

export interface Dimensions {
  dModel: number;
  heads: number;
  encoderLayers: number;
  decoderLayers: number;
  ffn: number;
  vocab: number;
  maxPositions: number;
}

const maskValue = -1e9; // additive bias for masked positions: finite, so a fully masked row cannot turn into NaN

/** Seeded normal numbers (mulberry32 + Box–Muller): the same model every time for one seed. */
export function normals(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n: number, sigma: number) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i += 2) {
      const r = Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * sigma;
      const a = 2 * Math.PI * uniform();
      out[i] = r * Math.cos(a);
      if (i + 1 < n) out[i + 1] = r * Math.sin(a);
    }
    return out;
  };
}

/** Marian's sinusoidal table: sin in the first half of each row, cos in the second. */
function positionTable(positions: number, d: number): Float32Array {
  const table = new Float32Array(positions * d);
  const half = d / 2;
  for (let p = 0; p < positions; p++)
    for (let i = 0; i < half; i++) {
      const angle = p / Math.pow(10000, (2 * i) / d);
      table[p * d + i] = Math.sin(angle);
      table[p * d + half + i] = Math.cos(angle);
    }
  return table;
}

function transpose(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c]!;
  return out;
}

/** Graph helpers for one model: weights come from `random`, shared constants are made once. */
class Builder {
  readonly g = new Graph();
  readonly hd: number;
  constructor(
    readonly dims: Dimensions,
    private readonly random: (n: number, sigma: number) => Float32Array,
    readonly int8 = false,
    private readonly sigma = 0.02,
  ) {
    this.hd = dims.dModel / dims.heads;
  }

  /**
   * x·W, W [rows, cols] given or random. int8: W quantized per tensor, x quantized per call
   * (DynamicQuantizeLinear → MatMulInteger → Cast → Mul by both scales: the pattern of ORT's
   * quantize_dynamic, which ORT fuses into one DynamicQuantizeMatMul).
   */
  project(x: string, name: string, rows: number, cols: number, graph = this.g, data?: Float32Array) {
    const values = data ?? this.random(rows * cols, this.sigma);
    if (!this.int8) return graph.one('MatMul', [x, this.g.weight(name, [rows, cols], values)]);
    const { weight, scale } = this.g.quantized(`${name}_quantized`, [rows, cols], values);
    const [xq, xScale, xZero] = graph.op('DynamicQuantizeLinear', [x], {}, 3);
    const product = graph.one('Cast', [graph.one('MatMulInteger', [xq!, weight, xZero!])], { to: FLOAT });
    return graph.one('Mul', [product, graph.one('Mul', [xScale!, scale])]);
  }
  vector(name: string, n: number, fill?: number) {
    return this.g.weight(name, [n], fill === undefined ? this.random(n, this.sigma) : new Float32Array(n).fill(fill));
  }

  /** x·W + b, W [in, out]. */
  linear(x: string, name: string, inputs: number, outputs: number, graph = this.g) {
    const b = this.vector(`${name}.bias`, outputs);
    return graph.one('Add', [this.project(x, `${name}.weight`, inputs, outputs, graph), b]);
  }

  /** [batch, len, d] → [batch, heads, len, head_dim]. */
  split(x: string, graph = this.g) {
    const shaped = graph.one('Reshape', [x, graph.ints([0, 0, this.dims.heads, this.hd])]);
    return graph.one('Transpose', [shaped], { perm: [0, 2, 1, 3] });
  }

  /** Scaled dot-product attention of q over k/v with an additive bias, then the output projection. */
  attend(q: string, k: string, v: string, bias: string, name: string) {
    const g = this.g;
    const scores = g.one('MatMul', [q, g.one('Transpose', [k], { perm: [0, 1, 3, 2] })]);
    const scaled = g.one('Add', [g.one('Mul', [scores, g.floats([1 / Math.sqrt(this.hd)], true)]), bias]);
    const context = g.one('MatMul', [g.one('Softmax', [scaled], { axis: -1 }), v]);
    const merged = g.one('Transpose', [context], { perm: [0, 2, 1, 3] });
    const flat = g.one('Reshape', [merged, g.ints([0, 0, this.dims.dModel])]);
    return this.linear(flat, `${name}.out_proj`, this.dims.dModel, this.dims.dModel);
  }

  /** LayerNorm(x + y), Marian's post-norm residual. */
  residual(x: string, y: string, name: string) {
    const d = this.dims.dModel;
    const sum = this.g.one('Add', [x, y]);
    return this.g.one(
      'LayerNormalization',
      [sum, this.vector(`${name}.weight`, d, 1), this.vector(`${name}.bias`, d, 0)],
      {
        axis: -1,
        epsilon: 1e-5,
      },
    );
  }

  ffn(x: string, name: string) {
    const { dModel, ffn } = this.dims;
    const hidden = this.g.one('Relu', [this.linear(x, `${name}.fc1`, dModel, ffn)]);
    return this.residual(x, this.linear(hidden, `${name}.fc2`, ffn, dModel), `${name}.final_layer_norm`);
  }

  /** The fp32 embedding table, one initializer however often it is used. */
  table(embedding: Float32Array) {
    if (!this.g.initializers.some((t) => t.name === 'shared.weight'))
      this.g.weight('shared.weight', [this.dims.vocab, this.dims.dModel], embedding);
    return 'shared.weight';
  }

  /** Token embedding × √d + sinusoidal position; `positions` is an int64 [len] tensor. */
  embed(ids: string, positions: string, embedding: Float32Array) {
    const g = this.g;
    const shape = [this.dims.vocab, this.dims.dModel];
    const root = Math.sqrt(this.dims.dModel);
    let tokens: string;
    if (this.int8) {
      const { weight, scale } = g.quantized('shared.weight_quantized', shape, embedding);
      const rows = g.one('Cast', [g.one('Gather', [weight, ids])], { to: FLOAT });
      tokens = g.one('Mul', [rows, g.one('Mul', [scale, g.floats([root], true)])]);
    } else tokens = g.one('Mul', [g.one('Gather', [this.table(embedding), ids]), g.floats([root], true)]);
    const table = g.weight(
      'embed_positions',
      [this.dims.maxPositions, this.dims.dModel],
      positionTable(this.dims.maxPositions, this.dims.dModel),
    );
    return g.one('Add', [tokens, g.one('Gather', [table, positions])]);
  }

  /** attention mask [batch, len] (1 keep, 0 pad) → additive bias [batch, 1, 1, len]. */
  maskBias(mask: string) {
    const g = this.g;
    const keep = g.one('Cast', [mask], { to: FLOAT });
    const bias = g.one('Mul', [g.one('Sub', [g.floats([1], true), keep]), g.floats([maskValue], true)]);
    return g.one('Unsqueeze', [bias, g.ints([1, 2])]);
  }

  /** Dimension `axis` of a tensor's shape, as an int64 scalar. */
  dim(x: string, axis: number) {
    return this.g.one('Gather', [this.g.one('Shape', [x]), this.g.ints([axis], true)]);
  }
}

type Random = (n: number, s: number) => Float32Array;

export function encoderGraph(dims: Dimensions, embedding: Float32Array, random: Random, int8 = false) {
  const b = new Builder(dims, random, int8);
  const g = b.g;
  const positions = g.one('Range', [g.ints([0], true), b.dim('input_ids', 1), g.ints([1], true)]);
  let x = b.embed('input_ids', positions, embedding);
  const bias = b.maskBias('attention_mask');
  for (let i = 0; i < dims.encoderLayers; i++) {
    const name = `encoder.layers.${i}`;
    const [q, k, v] = ['q', 'k', 'v'].map((p) =>
      b.split(b.linear(x, `${name}.self_attn.${p}_proj`, dims.dModel, dims.dModel)),
    );
    x = b.residual(x, b.attend(q!, k!, v!, bias, `${name}.self_attn`), `${name}.self_attn_layer_norm`);
    x = b.ffn(x, name);
  }
  g.one('Identity', [x], {}, 'last_hidden_state');
  return g.proto(
    'encoder',
    [valueInfo('input_ids', INT64, ['batch', 'src']), valueInfo('attention_mask', INT64, ['batch', 'src'])],
    [valueInfo('last_hidden_state', FLOAT, ['batch', 'src', dims.dModel])],
  );
}

export function decoderGraph(dims: Dimensions, embedding: Float32Array, random: Random, int8 = false) {
  const b = new Builder(dims, random, int8);
  const g = b.g;
  const d = dims.dModel;
  const past = (i: number, side: string, kv: string) => `past_key_values.${i}.${side}.${kv}`;
  const present = (i: number, side: string, kv: string) => `present.${i}.${side}.${kv}`;
  const layers = Array.from({ length: dims.decoderLayers }, (_, i) => i);

  // 1. Positions continue after the cached tokens; a new token sees every cached one and itself.
  const start = b.dim(past(0, 'decoder', 'key'), 2);
  const end = g.one('Add', [start, b.dim('input_ids', 1)]);
  const one = g.ints([1], true);
  const positions = g.one('Range', [start, end, one]);
  const keys = g.one('Range', [g.ints([0], true), end, one]);
  const future = g.one('Greater', [
    g.one('Unsqueeze', [keys, g.ints([0])]),
    g.one('Unsqueeze', [positions, g.ints([1])]),
  ]);
  const causal = g.one('Where', [future, g.floats([maskValue], true), g.floats([0], true)]);
  const crossBias = b.maskBias('encoder_attention_mask');
  let x = b.embed('input_ids', positions, embedding);

  // 2. Cross-attention keys/values: the pasts when use_cache_branch, else computed from the encoder.
  const reuse = new Graph('reuse_');
  const compute = new Graph('compute_');
  const crossOut: string[] = [];
  const reuseOut: string[] = [];
  const computeOut: string[] = [];
  for (const i of layers)
    for (const kv of ['key', 'value']) {
      crossOut.push(present(i, 'encoder', kv)); // the If's outputs are the graph's: no copy
      reuseOut.push(reuse.one('Identity', [past(i, 'encoder', kv)]));
      const proj = kv === 'key' ? 'k_proj' : 'v_proj';
      computeOut.push(
        b.split(b.linear('encoder_hidden_states', `decoder.layers.${i}.encoder_attn.${proj}`, d, d, compute), compute),
      );
    }
  const branch = (graph: Graph, outs: string[], name: string) =>
    graph.proto(
      name,
      [],
      outs.map((o) => valueInfo(o, FLOAT)),
    );
  g.op(
    'If',
    ['use_cache_branch'],
    { then_branch: branch(reuse, reuseOut, 'reuse'), else_branch: branch(compute, computeOut, 'compute') },
    crossOut,
  );

  // 3. Layers: causal self-attention over past + new, cross-attention, feed-forward.
  for (const i of layers) {
    const name = `decoder.layers.${i}`;
    const [q, k, v] = ['q', 'k', 'v'].map((p) => b.split(b.linear(x, `${name}.self_attn.${p}_proj`, d, d)));
    const keysAll = g.one('Concat', [past(i, 'decoder', 'key'), k!], { axis: 2 }, present(i, 'decoder', 'key'));
    const valuesAll = g.one('Concat', [past(i, 'decoder', 'value'), v!], { axis: 2 }, present(i, 'decoder', 'value'));
    x = b.residual(x, b.attend(q!, keysAll, valuesAll, causal, `${name}.self_attn`), `${name}.self_attn_layer_norm`);
    const crossQ = b.split(b.linear(x, `${name}.encoder_attn.q_proj`, d, d));
    const [crossK, crossV] = [present(i, 'encoder', 'key'), present(i, 'encoder', 'value')];
    x = b.residual(
      x,
      b.attend(crossQ, crossK, crossV, crossBias, `${name}.encoder_attn`),
      `${name}.encoder_attn_layer_norm`,
    );
    x = b.ffn(x, name);
  }

  // 4. Tied output projection: logits = x·Eᵀ + final_logits_bias. fp32: Gemm with transB reads E in
  // place; int8: MatMulInteger has no transB, so Eᵀ is stored quantized (8 MB).
  const bias = b.vector('final_logits_bias', dims.vocab, 0);
  if (int8)
    g.one('Add', [b.project(x, 'lm_head', d, dims.vocab, g, transpose(embedding, dims.vocab, d)), bias], {}, 'logits');
  else {
    const flat = g.one('Reshape', [x, g.ints([-1, d])]);
    const scores = g.one('Gemm', [flat, b.table(embedding), bias], { transB: 1 });
    const shape = g.one('Concat', [g.one('Shape', ['input_ids']), g.ints([dims.vocab])], { axis: 0 });
    g.one('Reshape', [scores, shape], {}, 'logits');
  }

  const cache = (name: string, len: string) => valueInfo(name, FLOAT, ['batch', dims.heads, len, b.hd]);
  return g.proto(
    'decoder_merged',
    [
      valueInfo('input_ids', INT64, ['batch', 'tgt']),
      valueInfo('encoder_attention_mask', INT64, ['batch', 'src']),
      valueInfo('encoder_hidden_states', FLOAT, ['batch', 'src', d]),
      ...layers.flatMap((i) => [
        cache(past(i, 'decoder', 'key'), 'past_len'),
        cache(past(i, 'decoder', 'value'), 'past_len'),
        cache(past(i, 'encoder', 'key'), 'enc_len'),
        cache(past(i, 'encoder', 'value'), 'enc_len'),
      ]),
      valueInfo('use_cache_branch', BOOL, [1]),
    ],
    [
      valueInfo('logits', FLOAT, ['batch', 'tgt', dims.vocab]),
      ...layers.flatMap((i) => [
        cache(present(i, 'decoder', 'key'), 'total_len'),
        cache(present(i, 'decoder', 'value'), 'total_len'),
        cache(present(i, 'encoder', 'key'), 'enc_len_out'),
        cache(present(i, 'encoder', 'value'), 'enc_len_out'),
      ]),
    ],
  );
}
