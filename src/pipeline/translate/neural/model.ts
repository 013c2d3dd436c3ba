/**
 * One loaded pair: its tokenizer and its two ONNX sessions, and texts through them. Texts are cut
 * into sentences (sentences.ts), long sentences into parts of at most 200 tokens, the parts sorted by
 * length and decoded in batches (decode.ts), and the translations put back in place with the
 * whitespace that was between the sentences.
 */
import os from 'node:os';
import { Tokenizer } from '@huggingface/tokenizers';
import ort from 'onnxruntime-node';
import { badFile, readConfig, readJson, type ModelFiles } from './model-files.js';
import { decodeBatch, type DecodeOptions, type Sessions } from './decode.js';
import { capTokens, splitSentences } from './sentences.js';

export interface ModelOptions extends DecodeOptions {
  /** ORT's intra-op threads; default: every core. */
  threads?: number;
}

/**
 * 200 tokens: Marian's OPUS models were trained on sentences up to 256 pieces, and news sentences are
 * rarely over 60; a longer one is cut at a word start and its parts translated apart.
 */
const maxTokens = 200;
/** Rows per batch, and padded tokens per batch (so long parts come in smaller batches). */
const maxRows = 32;
const maxBatchTokens = 4096;

export class NeuralModel {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly tokenizer: Tokenizer,
    private readonly sessions: Sessions,
    private readonly options: ModelOptions,
  ) {}

  /** Reads and checks every file; one clear error naming the file that is wrong. */
  static async load(files: ModelFiles, options: ModelOptions = {}): Promise<NeuralModel> {
    const config = readConfig(files.config);
    const tokenizer = loadTokenizer(files, config.vocab_size);
    const threads = options.threads ?? os.availableParallelism();
    const sessionOptions: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    };
    const session = async (file: string, required: string[]) => {
      let s: ort.InferenceSession;
      try {
        s = await ort.InferenceSession.create(file, sessionOptions);
      } catch (error) {
        throw badFile(file, `not a loadable ONNX model (${firstLine(error)})`, error);
      }
      const missing = required.filter((name) => !s.inputNames.includes(name) && !s.outputNames.includes(name));
      if (missing.length) {
        await s.release();
        throw badFile(file, `it has no ${missing.join(', ')}`);
      }
      return s;
    };
    const encoder = await session(files.encoder, ['input_ids', 'attention_mask', 'last_hidden_state']);
    const decoder = await session(files.decoder, [
      'input_ids',
      'encoder_hidden_states',
      'logits',
      'past_key_values.0.decoder.key',
      'present.0.decoder.key',
    ]).catch(async (error) => {
      await encoder.release();
      throw error;
    });
    return new NeuralModel(tokenizer, { encoder, decoder, config }, options);
  }

  /** One translation per text; an empty (or blank) text stays as it is. */
  async translate(texts: string[], options: DecodeOptions = {}): Promise<string[]> {
    const cut = texts.map((text) => splitSentences(text));
    const unique = [...new Set(cut.flatMap((c) => c.pieces.map((p) => p.text)).filter((t) => t.trim()))];
    const translated = new Map<string, string>();
    const outputs = await this.translateSentences(unique, { ...this.options, ...options });
    unique.forEach((sentence, i) => translated.set(sentence, outputs[i]!));
    return cut.map(
      ({ lead, pieces }) => lead + pieces.map((p) => (translated.get(p.text) ?? p.text) + p.space).join(''),
    );
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await Promise.all([this.sessions.encoder.release(), this.sessions.decoder.release()]);
  }

  /** Sentences → parts → batches by length → ids → text; a sentence's parts joined by a space. */
  private async translateSentences(sentences: string[], options: DecodeOptions): Promise<string[]> {
    const eos = this.sessions.config.eos_token_id;
    const parts = sentences.flatMap((sentence, s) => {
      const { ids, tokens } = this.tokenizer.encode(sentence);
      const body = ids.at(-1) === eos ? ids.slice(0, -1) : ids;
      return capTokens(body, tokens, maxTokens).map((part) => ({ sentence: s, ids: [...part, eos], out: '' }));
    });
    const order = [...parts].sort((a, b) => a.ids.length - b.ids.length);
    for (const batch of batches(order)) {
      const ids = await this.serially(() =>
        decodeBatch(
          this.sessions,
          batch.map((p) => p.ids),
          options,
        ),
      );
      batch.forEach((part, i) => (part.out = this.tokenizer.decode(ids[i]!, { skip_special_tokens: true }).trim()));
    }
    const out = sentences.map(() => [] as string[]);
    for (const part of parts) if (part.out) out[part.sentence]!.push(part.out);
    return out.map((p) => p.join(' '));
  }

  /** One batch at a time per model: ORT already spreads one run over every core. */
  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function* batches<T extends { ids: number[] }>(sorted: T[]): Generator<T[]> {
  let batch: T[] = [];
  for (const part of sorted) {
    // Sorted by length, so this part is the longest of the batch so far.
    if (batch.length && (batch.length >= maxRows || (batch.length + 1) * part.ids.length > maxBatchTokens)) {
      yield batch;
      batch = [];
    }
    batch.push(part);
  }
  if (batch.length) yield batch;
}

/** tokenizer.json in the HF tokenizers format, with a model whose vocabulary fits the network's. */
function loadTokenizer(files: ModelFiles, vocabSize: number): Tokenizer {
  const json = readJson(files.tokenizer) as { model?: { type?: unknown; vocab?: unknown } };
  const vocab = json?.model?.vocab;
  if (typeof json?.model?.type !== 'string' || !vocab || typeof vocab !== 'object') {
    throw badFile(files.tokenizer, 'not a tokenizer.json of the Hugging Face tokenizers format (no model vocabulary)');
  }
  const size = Array.isArray(vocab) ? vocab.length : Object.keys(vocab).length;
  if (size > vocabSize) throw badFile(files.tokenizer, `its ${size} pieces exceed the model's vocab_size ${vocabSize}`);
  const config = files.tokenizerConfig ? readJson(files.tokenizerConfig) : {};
  try {
    const tokenizer = new Tokenizer(json, config as object);
    tokenizer.encode('a');
    return tokenizer;
  } catch (error) {
    throw badFile(files.tokenizer, `the tokenizer does not load (${firstLine(error)})`, error);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}
