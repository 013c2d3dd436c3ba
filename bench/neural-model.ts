/**
 * Writes a Marian translation model directory of the real architecture with seeded random weights,
 * for timing the neural engine without downloading a model (issue 16, "Speed and memory, measured"):
 *
 *   <out>/<from>-<to>/config.json                 model_type "marian", dimensions, special token ids
 *   <out>/<from>-<to>/tokenizer.json              synthetic Spanish-like Unigram vocabulary (neural-vocab.ts)
 *   <out>/<from>-<to>/onnx/encoder_model.onnx     input_ids, attention_mask → last_hidden_state
 *   <out>/<from>-<to>/onnx/decoder_model_merged.onnx   KV cache in/out, use_cache_branch (neural-graphs.ts)
 *
 * Sizes: "tiny" is Bergamot's tiny student (d 256, 8 heads, 6 encoder and 2 decoder layers, FFN 1536,
 * vocabulary 32,000; ~17 M parameters, fp32 ~69 MB per file pair); "test" is a small one for tests.
 *
 *   tsx bench/neural-model.ts OUTDIR [--pair es-en] [--size tiny|test] [--seed 1] [--corpus FILE] [--int8]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decoderGraph, encoderGraph, normals, type Dimensions } from './neural-graphs.js';
import { encodeModel } from './onnx-graph.js';
import { tokenizerJson, unigramVocabulary } from './neural-vocab.js';

/** Bump when the generated files change, so caches keyed by it are rebuilt. */
export const generatorVersion = 3;

export const sizes: Record<string, Dimensions> = {
  tiny: { dModel: 256, heads: 8, encoderLayers: 6, decoderLayers: 2, ffn: 1536, vocab: 32_000, maxPositions: 512 },
  test: { dModel: 32, heads: 4, encoderLayers: 2, decoderLayers: 2, ffn: 64, vocab: 2_000, maxPositions: 128 },
};

export interface GenerateOptions {
  pair?: string;
  size?: string;
  seed?: number;
  /** Sentences to learn the vocabulary's pieces from (neural-vocab.ts); else syllable rules alone. */
  corpus?: string[];
  /** int8 weights (MatMulInteger), the file names unchanged, so an engine loads either. */
  int8?: boolean;
}

/** Writes the model directory for one pair; returns its path. */
export function generateModel(outDir: string, options: GenerateOptions = {}): string {
  const { pair = 'es-en', size = 'tiny', seed = 1 } = options;
  const dims = sizes[size];
  if (!dims) throw new Error(`neural-model: unknown size ${JSON.stringify(size)} (${Object.keys(sizes).join(', ')})`);
  const dir = join(outDir, pair);
  mkdirSync(join(dir, 'onnx'), { recursive: true });

  const vocab = unigramVocabulary(dims.vocab, options.corpus);
  const pad = vocab.length - 1;
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify(configOf(dims, pad, size, seed, options.corpus?.length ?? 0, !!options.int8), null, 2),
  );

  const random = normals(seed);
  const embedding = random(dims.vocab * dims.dModel, 0.02);
  embedding.fill(0, pad * dims.dModel, (pad + 1) * dims.dModel); // Marian's <pad> row is zero
  writeFileSync(join(dir, 'onnx/encoder_model.onnx'), encodeModel(encoderGraph(dims, embedding, random, options.int8)));
  writeFileSync(
    join(dir, 'onnx/decoder_model_merged.onnx'),
    encodeModel(decoderGraph(dims, embedding, random, options.int8)),
  );
  return dir;
}

function configOf(dims: Dimensions, pad: number, size: string, seed: number, corpus: number, int8: boolean) {
  return {
    model_type: 'marian',
    architectures: ['MarianMTModel'],
    d_model: dims.dModel,
    encoder_layers: dims.encoderLayers,
    decoder_layers: dims.decoderLayers,
    encoder_attention_heads: dims.heads,
    decoder_attention_heads: dims.heads,
    encoder_ffn_dim: dims.ffn,
    decoder_ffn_dim: dims.ffn,
    activation_function: 'relu',
    max_position_embeddings: dims.maxPositions,
    scale_embedding: true,
    normalize_before: false,
    share_encoder_decoder_embeddings: true,
    tie_word_embeddings: true,
    vocab_size: dims.vocab,
    decoder_vocab_size: dims.vocab,
    decoder_start_token_id: pad,
    pad_token_id: pad,
    eos_token_id: 0,
    // Not a real model: random weights for timing only.
    _happenings_bench: { generator_version: generatorVersion, size, seed, corpus_sentences: corpus, int8 },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      pair: { type: 'string', default: 'es-en' },
      size: { type: 'string', default: 'tiny' },
      seed: { type: 'string', default: '1' },
      corpus: { type: 'string' },
      int8: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1)
    throw new Error(
      'usage: tsx bench/neural-model.ts OUTDIR [--pair es-en] [--size tiny|test] [--seed 1] [--corpus FILE] [--int8]',
    );
  const started = performance.now();
  const corpus = values.corpus ? readFileSync(values.corpus, 'utf8').split('\n').filter(Boolean) : undefined;
  const dir = generateModel(positionals[0]!, {
    pair: values.pair,
    size: values.size,
    seed: Number(values.seed),
    corpus,
    int8: values.int8,
  });
  console.log(`wrote ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
