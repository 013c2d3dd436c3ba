/**
 * The models directory: `<modelsDir>/<from>-<to>/` holds one pair's model (the ONNX export of
 * OPUS-MT plus our manifest, happenings-model.json), `<modelsDir>/.incoming/<pair>/` a download in
 * progress. A pair is installed when its config, tokenizer and both ONNX files are there; a folder
 * placed by hand, without a manifest, counts too (version "local").
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HappeningsError } from '../errors.js';
import { isPairName, parsePair } from './pairs.js';

/** What makes a folder a usable model (the neural engine loads these). */
export const requiredFiles = [
  'config.json',
  'tokenizer.json',
  'onnx/encoder_model_quantized.onnx',
  'onnx/decoder_model_merged_quantized.onnx',
];
/** Fetched with them when the publisher has them: the tokenizer's and the decoder's settings. */
export const optionalFiles = ['tokenizer_config.json', 'generation_config.json'];

export const MANIFEST = 'happenings-model.json';
export const INCOMING = '.incoming';

export interface Manifest {
  pair: string;
  repo: string;
  /** The publisher's commit the files came from. */
  revision: string;
  licence: string;
  files: { path: string; size: number; sha256?: string; gitSha1?: string }[];
  installedAt: string;
}

export interface InstalledModel {
  pair: string;
  dir: string;
  /** Null for a folder placed by hand. */
  repo: string | null;
  /** The commit, or "local" for a folder placed by hand. */
  revision: string;
  licence: string | null;
  sizeBytes: number;
  installedAt: string | null;
}

export interface IncomingModel {
  pair: string;
  /** Bytes downloaded so far (finished files and .part files). */
  bytes: number;
}

export function isInstalled(dir: string): boolean {
  return requiredFiles.every((file) => existsSync(join(dir, file)));
}

/** Installed pairs, sorted by name. */
export async function installedModels(modelsDir: string): Promise<InstalledModel[]> {
  const pairs = (await folders(modelsDir)).filter(isPairName);
  const models = await Promise.all(pairs.map((pair) => installedModel(modelsDir, pair)));
  return models.filter((m): m is InstalledModel => m !== null);
}

export async function installedModel(modelsDir: string, pair: string): Promise<InstalledModel | null> {
  const dir = join(modelsDir, pair);
  if (!isInstalled(dir)) return null;
  const manifest = await readManifest(dir);
  return {
    pair,
    dir,
    repo: manifest?.repo ?? null,
    revision: manifest?.revision ?? 'local',
    licence: manifest?.licence ?? null,
    sizeBytes: await folderBytes(dir),
    installedAt: manifest?.installedAt ?? null,
  };
}

/** Downloads begun and not finished (interrupted, or running now in another process). */
export async function incomingModels(modelsDir: string): Promise<IncomingModel[]> {
  const root = join(modelsDir, INCOMING);
  const pairs = (await folders(root)).filter(isPairName);
  return Promise.all(pairs.map(async (pair) => ({ pair, bytes: await folderBytes(join(root, pair)) })));
}

/** Deletes the pair's model and any unfinished download of it; refuses a pair that has neither. */
export async function removeModel(modelsDir: string, pairText: string): Promise<{ removed: string[] }> {
  const pair = parsePair(pairText).name;
  const dirs = [join(modelsDir, pair), join(modelsDir, INCOMING, pair)].filter((d) => existsSync(d));
  if (dirs.length === 0)
    throw new HappeningsError('models', 'bad-input', `no model ${pair} is installed (see happenings models list)`);
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  return { removed: dirs };
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
    return typeof manifest.revision === 'string' && typeof manifest.repo === 'string' ? manifest : null;
  } catch {
    return null;
  }
}

async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const sizes = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map((e) =>
        stat(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).then(
          (s) => s.size,
          () => 0,
        ),
      ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}
