/**
 * A minimal Marian decoder over ONNX Runtime, driving the sessions as an engine would: tokenize,
 * sort by length, batch, encode, then greedy steps with the KV cache (merged decoder, use_cache_branch),
 * output length held to input length (`fixedLength`, so random weights cannot stop early or run on).
 * The bench measures this until the engine (src/pipeline/translate/neural/) is merged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import ort from 'onnxruntime-node';

export interface SessionSettings {
  /** ORT intra-op threads per session. */
  threads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  executionMode?: 'sequential' | 'parallel';
  enableCpuMemArena?: boolean;
  /** Sentences per batch. */
  batchSize?: number;
  /** Let idle ORT pool threads spin (ORT's default); off suits a machine shared with other work. */
  spinning?: boolean;
}

interface Config {
  decoder_layers: number;
  decoder_attention_heads: number;
  d_model: number;
  decoder_start_token_id: number;
  eos_token_id: number;
  pad_token_id: number;
}

export class GreedyDecoder {
  private constructor(
    private readonly encoder: ort.InferenceSession,
    private readonly decoder: ort.InferenceSession,
    private readonly tokenizer: Tokenizer,
    private readonly config: Config,
    private readonly batchSize: number,
  ) {}

  static async load(dir: string, settings: SessionSettings = {}): Promise<GreedyDecoder> {
    const options: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: settings.threads ?? 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: settings.graphOptimizationLevel ?? 'all',
      executionMode: settings.executionMode ?? 'sequential',
      enableCpuMemArena: settings.enableCpuMemArena ?? true,
      extra: { session: { intra_op: { allow_spinning: settings.spinning === false ? '0' : '1' } } },
    };
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Config;
    const tokenizer = new Tokenizer(JSON.parse(readFileSync(join(dir, 'tokenizer.json'), 'utf8')), {});
    const encoder = await ort.InferenceSession.create(join(dir, 'onnx/encoder_model.onnx'), options);
    const decoder = await ort.InferenceSession.create(join(dir, 'onnx/decoder_model_merged.onnx'), options);
    return new GreedyDecoder(encoder, decoder, tokenizer, config, settings.batchSize ?? 16);
  }

  /** Token count of a text as the model sees it (with the closing </s>). */
  tokens(text: string): number {
    return this.tokenizer.encode(text).ids.length;
  }

  async translate(texts: string[]): Promise<string[]> {
    const encoded = texts.map((t) => this.tokenizer.encode(t).ids);
    const order = encoded.map((_, i) => i).sort((a, b) => encoded[a]!.length - encoded[b]!.length);
    const out = new Array<string>(texts.length);
    for (let start = 0; start < order.length; start += this.batchSize) {
      const rows = order.slice(start, start + this.batchSize);
      const ids = await this.decodeBatch(rows.map((r) => encoded[r]!));
      rows.forEach(
        (r, i) => (out[r] = ids[i]!.length ? this.tokenizer.decode(ids[i]!, { skip_special_tokens: true }) : ''),
      );
    }
    return out;
  }

  async release(): Promise<void> {
    await this.encoder.release();
    await this.decoder.release();
  }

  /** One batch: pad, encode, then as many greedy steps as the longest row has source tokens. */
  private async decodeBatch(rows: number[][]): Promise<number[][]> {
    const batch = rows.length;
    const src = Math.max(...rows.map((r) => r.length));
    const ids = new BigInt64Array(batch * src).fill(BigInt(this.config.pad_token_id));
    const mask = new BigInt64Array(batch * src);
    rows.forEach((row, b) => row.forEach((id, i) => ((ids[b * src + i] = BigInt(id)), (mask[b * src + i] = 1n))));
    const maskTensor = new ort.Tensor('int64', mask, [batch, src]);
    const { last_hidden_state: hidden } = await this.encoder.run({
      input_ids: new ort.Tensor('int64', ids, [batch, src]),
      attention_mask: maskTensor,
    });

    const { decoder_layers: layers, decoder_attention_heads: heads, d_model: d } = this.config;
    const empty = new ort.Tensor('float32', new Float32Array(0), [batch, heads, 0, d / heads]);
    let pasts: Record<string, ort.Tensor> = {};
    for (let i = 0; i < layers; i++)
      for (const side of ['decoder', 'encoder'])
        for (const kv of ['key', 'value']) pasts[`past_key_values.${i}.${side}.${kv}`] = empty;
    let next: BigInt64Array = new BigInt64Array(batch).fill(BigInt(this.config.decoder_start_token_id));
    const outputs = rows.map(() => [] as number[]);
    const steps = src - 1; // fixed length: as many target tokens as source tokens, before </s>
    for (let step = 0; step < steps; step++) {
      const result = await this.decoder.run({
        input_ids: new ort.Tensor('int64', next, [batch, 1]),
        encoder_attention_mask: maskTensor,
        encoder_hidden_states: hidden!,
        use_cache_branch: new ort.Tensor('bool', [step > 0], [1]),
        ...pasts,
      });
      next = this.argmax(result.logits!, batch);
      next.forEach((id, b) => outputs[b]!.push(Number(id)));
      pasts = {};
      for (const [name, tensor] of Object.entries(result))
        if (name.startsWith('present.')) pasts[name.replace('present.', 'past_key_values.')] = tensor;
    }
    return outputs.map((o, b) => o.slice(0, rows[b]!.length - 1));
  }

  /** Greedy choice per row, </s> excluded (length is fixed). */
  private argmax(logits: ort.Tensor, batch: number): BigInt64Array {
    const data = logits.data as Float32Array;
    const vocab = data.length / batch;
    const out = new BigInt64Array(batch);
    for (let b = 0; b < batch; b++) {
      let best = -Infinity;
      let at = 0;
      for (let v = 0, o = b * vocab; v < vocab; v++, o++)
        if (data[o]! > best && v !== this.config.eos_token_id) ((best = data[o]!), (at = v));
      out[b] = BigInt(at);
    }
    return out;
  }
}
