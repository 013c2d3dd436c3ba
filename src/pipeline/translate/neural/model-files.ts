/**
 * The model directory: `<modelsDir>/<from>-<to>/` holds one pair in the layout of the Xenova/HF ONNX
 * exports of OPUS-MT (config.json, tokenizer.json, onnx/encoder_model[_quantized].onnx,
 * onnx/decoder_model_merged[_quantized].onnx), and happenings-model.json when `happenings models
 * add` installed it. This file finds pairs and reads the small JSON files; sessions are made in
 * model.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HappeningsError } from '../../../errors.js';

export interface ModelConfig {
  d_model: number;
  decoder_layers: number;
  decoder_attention_heads: number;
  vocab_size: number;
  decoder_start_token_id: number;
  pad_token_id: number;
  eos_token_id: number;
  max_length?: number;
}

export interface ModelFiles {
  pair: string;
  dir: string;
  config: string;
  tokenizer: string;
  tokenizerConfig: string | null;
  encoder: string;
  decoder: string;
  manifest: string | null;
}

/** The manifest `models add` writes; only repo and revision are read here. */
interface Manifest {
  repo?: string;
  revision?: string;
}

/** The files of one pair, or null when it is not (completely) installed. */
export function modelFiles(modelsDir: string, from: string, to: string): ModelFiles | null {
  const pair = `${from}-${to}`;
  const dir = path.join(modelsDir, pair);
  const first = (...names: string[]) => names.map((n) => path.join(dir, n)).find((p) => fs.existsSync(p)) ?? null;
  const config = first('config.json');
  const tokenizer = first('tokenizer.json');
  // The quantized (int8) graphs first: a quarter of the size and faster on the CPU.
  const encoder = first('onnx/encoder_model_quantized.onnx', 'onnx/encoder_model.onnx');
  const decoder = first('onnx/decoder_model_merged_quantized.onnx', 'onnx/decoder_model_merged.onnx');
  if (!config || !tokenizer || !encoder || !decoder) return null;
  return {
    pair,
    dir,
    config,
    tokenizer,
    encoder,
    decoder,
    tokenizerConfig: first('tokenizer_config.json'),
    manifest: first('happenings-model.json'),
  };
}

/** "es-en" style pairs installed under modelsDir, sorted. */
export function installedPairs(modelsDir: string): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(modelsDir);
  } catch {
    return [];
  }
  return entries
    .filter((name) => /^[a-z]{2,3}-[a-z]{2,3}$/.test(name))
    .filter((name) => {
      const [from, to] = name.split('-') as [string, string];
      return modelFiles(modelsDir, from, to) !== null;
    })
    .sort();
}

/** A JSON file read, or one clear error naming it. */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const why = error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message;
    throw badFile(file, why);
  }
}

export function readConfig(file: string): ModelConfig {
  const config = readJson(file) as Record<string, unknown>;
  const numbers = ['d_model', 'decoder_layers', 'decoder_attention_heads', 'vocab_size', 'decoder_start_token_id'];
  const missing = numbers.filter((key) => typeof config?.[key] !== 'number');
  if (missing.length) throw badFile(file, `missing ${missing.join(', ')}`);
  return {
    ...(config as unknown as ModelConfig),
    pad_token_id:
      typeof config.pad_token_id === 'number' ? config.pad_token_id : (config.decoder_start_token_id as number),
    eos_token_id: typeof config.eos_token_id === 'number' ? config.eos_token_id : 0,
  };
}

/** The model's name and version as readers see them: from the manifest, else the pair's usual name. */
export function modelIdentity(files: ModelFiles): { model: string; version: string } {
  const fallback = { model: `opus-mt-${files.pair}`, version: 'local' };
  if (!files.manifest) return fallback;
  try {
    const manifest = readJson(files.manifest) as Manifest;
    return {
      model: manifest.repo ? manifest.repo.split('/').pop()! : fallback.model,
      version: manifest.revision ?? fallback.version,
    };
  } catch {
    return fallback;
  }
}

export function badFile(file: string, why: string, cause?: unknown): HappeningsError {
  return new HappeningsError('translate', 'translator', `neural model file ${file} is unusable: ${why}`, { cause });
}
