/**
 * The neural engine: OPUS-MT (Marian) models exported to ONNX, run in-process by onnxruntime-node on
 * a worker thread the engine owns (model-worker.ts), so the event loop stays free while it works.
 * A pair is served when its model directory is installed (model-files.ts) and loads; models load on
 * the first use of their pair and stay warm until close(). A model that does not load is reported
 * once, in one line naming the file, and its pair is then not supported, so the translator falls to
 * the next engine (Apertium).
 */
import os from 'node:os';
import ort from 'onnxruntime-node';
import { errorLine, HappeningsError } from '../../../errors.js';
import { log } from '../../../log.js';
import type { HtmlTranslation } from '../html.js';
import type { EngineRoute, TranslationEngine } from '../types.js';
import { translateHtmlAligned } from './html-align.js';
import { installedPairs, modelFiles, modelIdentity, type ModelFiles } from './model-files.js';
import type { ModelOptions } from './model.js';
import { ModelWorker } from './model-worker.js';

export interface NeuralOptions extends ModelOptions {
  modelsDir: string;
  /**
   * Worker threads, each with its own copy of a pair's model and one ONNX thread (default: one per
   * core, at most two). ONNX Runtime's own threads gain little on a tiny model's small matrices
   * (bench:translate: one session with 2 threads ran slower than with 1); two copies working on two
   * halves of the text use both cores, for a second copy's memory.
   */
  workers?: number;
}

const defaultWorkers = () => Math.max(1, Math.min(2, os.availableParallelism()));

export class NeuralEngine implements TranslationEngine {
  readonly name = 'neural';
  /** Names go through the model like any word; the translator checks them afterwards. */
  readonly protectsNames = false;
  /** Per pair: whether its model loaded (in the worker). */
  private readonly models = new Map<string, Promise<boolean>>();
  private readonly workers: ModelWorker[];
  private readonly identities = new Map<string, { model: string; version: string }>();

  constructor(private readonly options: NeuralOptions) {
    this.workers = Array.from({ length: options.workers ?? defaultWorkers() }, () => new ModelWorker());
  }

  /** The ONNX Runtime version; the model's own version is in describe(). */
  version = async () => `onnxruntime ${ort.env.versions.node ?? ort.env.versions.common}`;

  /** Pairs installed on disk (not loaded: a pair that fails to load is still listed here). */
  pairs(): string[] {
    return installedPairs(this.options.modelsDir);
  }

  async supports(from: string, to: string): Promise<boolean> {
    return this.model(from, to);
  }

  /** The model of the pair, read once per pair from its manifest (the folder's name without one). */
  async describe(from: string, to: string): Promise<EngineRoute> {
    const pair = `${from}-${to}`;
    let identity = this.identities.get(pair);
    if (!identity) {
      const files = modelFiles(this.options.modelsDir, from, to);
      if (!files) return { model: `opus-mt-${pair}`, version: 'none', via: null };
      identity = modelIdentity(files);
      this.identities.set(pair, identity);
    }
    return { ...identity, via: null };
  }

  /** The texts cut into one share per worker (by characters, in order), translated side by side. */
  async translateTexts(texts: string[], from: string, to: string): Promise<string[]> {
    const files = await this.required(from, to);
    const shares = shareOut(texts, this.workers.length);
    const done = await Promise.all(
      shares.map((share, i) =>
        share.length === 0
          ? []
          : (this.workers[i]!.request({
              op: 'translate',
              pair: `${from}-${to}`,
              files,
              options: this.modelOptions(),
              texts: share,
            }) as Promise<string[]>),
      ),
    );
    return done.flat();
  }

  async translateHtml(html: string, from: string, to: string): Promise<string> {
    return (await this.translateHtmlRuns(html, from, to)).html;
  }

  async translateHtmlRuns(html: string, from: string, to: string): Promise<HtmlTranslation> {
    if (!html.trim()) return { html, runs: [] };
    await this.required(from, to);
    return translateHtmlAligned(html, to, (texts) => this.translateTexts(texts, from, to));
  }

  async close(): Promise<void> {
    await Promise.all(this.models.values());
    this.models.clear();
    await Promise.all(this.workers.map((w) => w.close()));
  }

  /** Whether the pair's model is loaded, loading it once; false when not installed or it does not load (logged once). */
  private model(from: string, to: string): Promise<boolean> {
    const pair = `${from}-${to}`;
    let model = this.models.get(pair);
    if (!model) {
      const files = modelFiles(this.options.modelsDir, from, to);
      // A pair not installed is looked for again next time: `models add` may install it while we run.
      if (!files) return Promise.resolve(false);
      const options = this.modelOptions();
      model = Promise.all(this.workers.map((w) => w.request({ op: 'load', pair, files, options }))).then(
        () => true,
        (error: unknown) => {
          log.error(
            new HappeningsError(
              'translate',
              'translator',
              `${errorLine(error).replace(/^translate: /, '')}; ${pair} goes to the next engine`,
            ),
          );
          return false;
        },
      );
      this.models.set(pair, model);
    }
    return model;
  }

  private async required(from: string, to: string): Promise<ModelFiles> {
    const files = modelFiles(this.options.modelsDir, from, to);
    if (!files || !(await this.model(from, to))) {
      throw new HappeningsError('translate', 'translator', `no usable neural model for ${from}-${to}`);
    }
    return files;
  }

  /** One ONNX thread per worker when there are several (they share the cores), else every core. */
  private modelOptions(): ModelOptions {
    const { modelsDir: _, workers: __, ...options } = this.options;
    return this.workers.length > 1 ? { threads: 1, ...options } : options;
  }
}

/** `texts` in `n` consecutive shares of about equal length (characters); order kept. */
export function shareOut(texts: string[], n: number): string[][] {
  if (n <= 1 || texts.length <= 1) return [texts];
  const total = texts.reduce((sum, t) => sum + t.length, 0);
  const shares: string[][] = [[]];
  let filled = 0;
  for (const text of texts) {
    if (filled >= (total * shares.length) / n && shares.length < n) shares.push([]);
    shares.at(-1)!.push(text);
    filled += text.length;
  }
  return shares;
}
