/**
 * The neural engine: OPUS-MT (Marian) models exported to ONNX, run in-process by onnxruntime-node.
 * A pair is served when its model directory is installed (model-files.ts) and loads; models load on
 * the first use of their pair and stay warm until close(). A model that does not load is reported
 * once, in one line naming the file, and its pair is then not supported, so the translator falls to
 * the next engine (Apertium).
 */
import ort from 'onnxruntime-node';
import { errorLine, HappeningsError } from '../../../errors.js';
import { log } from '../../../log.js';
import type { HtmlTranslation } from '../html.js';
import type { EngineRoute, TranslationEngine } from '../types.js';
import { translateHtmlAligned } from './html-align.js';
import { installedPairs, modelFiles, modelIdentity } from './model-files.js';
import { NeuralModel, type ModelOptions } from './model.js';

export interface NeuralOptions extends ModelOptions {
  modelsDir: string;
}

export class NeuralEngine implements TranslationEngine {
  readonly name = 'neural';
  /** Names go through the model like any word; the translator checks them afterwards. */
  readonly protectsNames = false;
  private readonly models = new Map<string, Promise<NeuralModel | null>>();

  constructor(private readonly options: NeuralOptions) {}

  /** The ONNX Runtime version; the model's own version is in describe(). */
  version = async () => `onnxruntime ${ort.env.versions.node ?? ort.env.versions.common}`;

  /** Pairs installed on disk (not loaded: a pair that fails to load is still listed here). */
  pairs(): string[] {
    return installedPairs(this.options.modelsDir);
  }

  async supports(from: string, to: string): Promise<boolean> {
    return (await this.model(from, to)) !== null;
  }

  async describe(from: string, to: string): Promise<EngineRoute> {
    const files = modelFiles(this.options.modelsDir, from, to);
    const { model, version } = files ? modelIdentity(files) : { model: `opus-mt-${from}-${to}`, version: 'none' };
    return { model, version, via: null };
  }

  async translateTexts(texts: string[], from: string, to: string): Promise<string[]> {
    return (await this.required(from, to)).translate(texts, this.options);
  }

  async translateHtml(html: string, from: string, to: string): Promise<string> {
    return (await this.translateHtmlRuns(html, from, to)).html;
  }

  async translateHtmlRuns(html: string, from: string, to: string): Promise<HtmlTranslation> {
    if (!html.trim()) return { html, runs: [] };
    const model = await this.required(from, to);
    return translateHtmlAligned(html, to, (texts) => model.translate(texts, this.options));
  }

  async close(): Promise<void> {
    const loaded = await Promise.all(this.models.values());
    this.models.clear();
    await Promise.all(loaded.map((m) => m?.close()));
  }

  /** The pair's model, loaded once; null when it is not installed or does not load (logged once). */
  private model(from: string, to: string): Promise<NeuralModel | null> {
    const pair = `${from}-${to}`;
    let model = this.models.get(pair);
    if (!model) {
      const files = modelFiles(this.options.modelsDir, from, to);
      // A pair not installed is looked for again next time: `models add` may install it while we run.
      if (!files) return Promise.resolve(null);
      model = NeuralModel.load(files, this.options).catch((error: unknown) => {
        log.error(
          new HappeningsError(
            'translate',
            'translator',
            `${errorLine(error).replace(/^translate: /, '')}; ${pair} goes to the next engine`,
          ),
        );
        return null;
      });
      this.models.set(pair, model);
    }
    return model;
  }

  private async required(from: string, to: string): Promise<NeuralModel> {
    const model = await this.model(from, to);
    if (!model) throw new HappeningsError('translate', 'translator', `no usable neural model for ${from}-${to}`);
    return model;
  }
}
