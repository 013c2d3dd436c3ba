/**
 * The translate stage: an article in, its translation out, through the first configured engine that
 * can do the pair; null when none can. Texts are cached per (engine, pair, text).
 */
import { HappeningsError } from '../../errors.js';
import { ApertiumEngine, enableApertium } from './apertium.js';
import { TranslationCache, type PersistentCache } from './cache.js';
import type { HttpOptions } from './http-engine.js';
import { DeepLEngine, LibreTranslateEngine, OpenAiEngine, type OpenAiOptions } from './http-engines.js';
import type { FeatureSwitches } from './polish.js';
import { paragraphsFromRuns, runsByPosition } from './html-lines.js';
import { NeuralEngine } from './neural/engine.js';
import type { ModelOptions } from './neural/model.js';
import { distinctNames, findNames } from './protect-names.js';
import { repairBodyNames } from './body-names.js';
import { repairNames } from './name-repair.js';
import { sanitizeHtml } from '../sanitize/index.js';
import { routeOf, type PairRoute } from './routes.js';
import type {
  Article,
  EngineStatus,
  HtmlTranslation,
  NameRepair,
  Translation,
  TranslationEngine,
  Translator,
} from './types.js';

export type { EngineStatus, Translation, TranslationEngine, Translator } from './types.js';
export { ApertiumEngine } from './apertium.js';
export { NeuralEngine } from './neural/engine.js';
export { storeTranslationCache, type PersistentCache } from './cache.js';
export { commonSourceLanguages, pairsInto, routeLine, type PairRoute } from './routes.js';

export interface TranslatorOptions {
  engines: string[];
  apertiumPath?: string;
  /** The neural engine's models, one folder per pair (config modelsDir); without it the engine serves no pair. */
  modelsDir?: string;
  /** The neural engine's threads, and the bench's fixed-length mode (neural/model.ts). */
  neural?: ModelOptions & { workers?: number };
  /** Stand-ins for tests and future adapters, by name. */
  extraEngines?: TranslationEngine[];
  cacheEntries?: number;
  libretranslate?: HttpOptions;
  deepl?: HttpOptions;
  openai?: OpenAiOptions;
  /** Shared across processes (the store's translation_cache): see storeTranslationCache. */
  persistentCache?: PersistentCache;
  /** Translation features (polish.ts allFeatures), all on by default; the bench switches them. */
  features?: FeatureSwitches;
  /** Apertium: one request that takes longer kills its process (the article stays untranslated). */
  timeoutMs?: number;
  /** An article longer than this (characters of text and HTML) is refused with a clear error. */
  maxArticleChars?: number;
}

/**
 * 400,000 characters: about 60,000 words, ten times the longest news features we have seen; a
 * 1 MB page is no article to translate (at ~5,000 words/s it would hold the engine for half a minute).
 */
const defaultMaxArticleChars = 400_000;

export function createTranslator(options: TranslatorOptions): Translator {
  const order = engineOrder(options.engines);
  const engines = [...new Set([...order.general, ...Object.values(order.byPair).flat()])].map((name) =>
    makeEngine(name, options),
  );
  const cache = new TranslationCache(options.cacheEntries);

  /** The pair's own engines first ("es-en:deepl"), then the general order. */
  const engineFor = async (from: string, to: string) => {
    const names = [...new Set([...(order.byPair[`${from}-${to}`] ?? []), ...order.general])];
    for (const name of names) {
      const engine = engines.find((e) => e.name === name);
      if (engine && (await engine.supports(from, to))) return engine;
    }
    return null;
  };

  /** Memory first, then the persistent cache, then `translate`; each text is translated once. */
  const cached = async (
    kind: string,
    from: string,
    to: string,
    texts: string[],
    translate: (texts: string[]) => Promise<string[]>,
  ): Promise<string[]> => {
    const keys = texts.map((t) => TranslationCache.key(kind, from, to, t));
    const found = new Map<string, string>();
    for (const key of keys) {
      const hit = cache.get(key);
      if (hit !== undefined) found.set(key, hit);
    }
    const unknown = [...new Set(keys.filter((k) => !found.has(k)))];
    if (unknown.length && options.persistentCache) {
      for (const [key, value] of await options.persistentCache.get(unknown)) found.set(key, value);
    }
    const missing = [...new Set(texts.filter((_, i) => !found.has(keys[i]!)))];
    const fresh = missing.length ? await translate(missing) : [];
    const entries = missing.map((t, i) => ({ key: TranslationCache.key(kind, from, to, t), translated: fresh[i]! }));
    for (const e of entries) found.set(e.key, e.translated);
    for (const [key, value] of found) cache.set(key, value);
    if (entries.length && options.persistentCache) await options.persistentCache.set(entries);
    return keys.map((k) => found.get(k)!);
  };
  const cachedTexts = async (engine: TranslationEngine, from: string, to: string, texts: string[]) =>
    cached(await cacheName(engine, from, to), from, to, texts, (missing) => engine.translateTexts(missing, from, to));
  /**
   * The body's HTML translation with its runs, cached as JSON under "<engine>:html-runs" (the runs
   * are what the paragraphs are read with, so a cached body needs them too).
   */
  const cachedHtml = async (
    engine: TranslationEngine,
    from: string,
    to: string,
    html: string,
  ): Promise<HtmlTranslation> => {
    const [json] = await cached(`${await cacheName(engine, from, to)}:html-runs`, from, to, [html], async ([text]) => [
      JSON.stringify(await htmlWithRuns(engine, text!, from, to)),
    ]);
    return JSON.parse(json!) as HtmlTranslation;
  };

  return {
    async translateArticle(article: Article, from: string, to: string): Promise<Translation | null> {
      const engine = await engineFor(from, to);
      if (!engine) return null;
      const texts = [article.title, article.subtitle ?? '', article.imageCaption ?? '', ...article.paragraphs];
      refuseLong(texts, article.html, options.maxArticleChars ?? defaultMaxArticleChars);
      // The body goes through the engine once, as HTML; paragraphs are read out of its runs
      // (html-lines.ts) and only those it does not hold are translated as plain text.
      // An engine that does not protect names has them checked and repaired afterwards (name-repair.ts).
      const checked = engine.protectsNames === false;
      const retranslate = (missing: string[]) => cachedTexts(engine, from, to, missing);
      let body: HtmlTranslation & { repairs?: NameRepair[] } = await cachedHtml(engine, from, to, article.html);
      if (checked) body = await repairBodyNames(article.html, body, to, retranslate);
      const fromHtml = paragraphsFromRuns(article.paragraphs, body.runs);
      const plain = article.paragraphs.filter((_, i) => fromHtml[i] === null);
      const sources = [...texts.slice(0, 3), ...plain];
      let translated = await cachedTexts(engine, from, to, sources);
      const repairs = [...(body.repairs ?? [])];
      if (checked) {
        const fixed = await repairNames(sources, translated, to, retranslate);
        translated = fixed.texts;
        repairs.push(...fixed.repairs);
      }
      const [title = '', subtitle = '', imageCaption = '', ...rest] = translated;
      const paragraphs = fromHtml.map((p) => p ?? rest.shift()!);
      const route = await engine.describe?.(from, to);
      return {
        language: to,
        sourceLanguage: from,
        engine: engine.name,
        engineVersion: route?.version ?? (await engine.version()),
        ...(route ? { model: route.model, via: route.via } : {}),
        ...(checked ? { nameRepairs: repairs } : {}),
        title,
        subtitle: article.subtitle === null ? null : subtitle,
        imageCaption: article.imageCaption === null ? null : imageCaption,
        paragraphs,
        // Every engine's output is untrusted input, cached or fresh: a model that un-escaped "&lt;"
        // put <script>, <meta http-equiv=refresh> and forms into pages (issue 15, finding 4).
        html: sanitizeHtml(body.html, article.url),
        protectedNames: distinctNames(texts.flatMap((t) => findNames(t))),
        translatedAt: new Date().toISOString(),
      };
    },

    async translateText(lines: string[], from: string, to: string): Promise<string[] | null> {
      const engine = await engineFor(from, to);
      if (!engine) return null;
      const translated = await cachedTexts(engine, from, to, lines);
      if (engine.protectsNames !== false) return translated;
      return (await repairNames(lines, translated, to, (texts) => cachedTexts(engine, from, to, texts))).texts;
    },

    async status(): Promise<EngineStatus[]> {
      return Promise.all(engines.map(statusOf));
    },

    async routes(pairs: { from: string; to: string }[]): Promise<PairRoute[]> {
      return Promise.all(pairs.map(async ({ from, to }) => routeOf(await engineFor(from, to), from, to)));
    },

    async close(): Promise<void> {
      await Promise.all(engines.map((e) => e.close()));
    },
  };
}

/**
 * The name an engine's translations of a pair are cached under: with the model and its version for
 * an engine that has models, so translations of a model are not served after it is replaced.
 */
async function cacheName(engine: TranslationEngine, from: string, to: string): Promise<string> {
  const route = await engine.describe?.(from, to);
  return route?.model ? `${engine.name}:${route.model}@${route.version}` : engine.name;
}

/** The engine's runs when it cuts them itself, else the runs of its HTML paired by position. */
async function htmlWithRuns(
  engine: TranslationEngine,
  html: string,
  from: string,
  to: string,
): Promise<HtmlTranslation> {
  if (engine.translateHtmlRuns) return engine.translateHtmlRuns(html, from, to);
  const translated = await engine.translateHtml(html, from, to);
  return { html: translated, runs: runsByPosition(html, translated) };
}

function refuseLong(texts: string[], html: string, maxChars: number): void {
  const chars = texts.reduce((n, t) => n + t.length, html.length);
  if (chars > maxChars) {
    throw new HappeningsError(
      'translate',
      'too-large',
      `article too long to translate: ${chars.toLocaleString('en')} characters (limit ${maxChars.toLocaleString('en')})`,
    );
  }
}

/**
 * The configured order: plain names apply to every pair, "es-en:deepl" puts deepl first for es→en
 * only (config translationEngines, e.g. "es-en:deepl,apertium,libretranslate").
 */
export function engineOrder(entries: string[]): { general: string[]; byPair: Record<string, string[]> } {
  const general: string[] = [];
  const byPair: Record<string, string[]> = {};
  for (const entry of entries) {
    const match = /^([a-z]{2,3}-[a-z]{2,3}):(.+)$/.exec(entry.trim());
    if (match) (byPair[match[1]!] ??= []).push(match[2]!);
    else if (entry.trim()) general.push(entry.trim());
  }
  return { general, byPair };
}

/** TranslatorOptions from the configuration (config.ts): engines, their URLs and keys. */
export function translatorOptionsFromConfig(config: {
  translationEngines: string[];
  apertiumPath: string;
  modelsDir: string;
  neuralFixedLength?: boolean;
  libretranslateUrl: string;
  libretranslateApiKey: string;
  deeplUrl: string;
  deeplApiKey: string;
  openaiUrl: string;
  openaiApiKey: string;
  openaiModel: string;
}): TranslatorOptions {
  const key = (k: string) => (k ? { apiKey: k } : {});
  return {
    engines: config.translationEngines,
    apertiumPath: config.apertiumPath,
    modelsDir: config.modelsDir,
    ...(config.neuralFixedLength ? { neural: { fixedLength: true } } : {}),
    ...(config.libretranslateUrl
      ? { libretranslate: { url: config.libretranslateUrl, ...key(config.libretranslateApiKey) } }
      : {}),
    ...(config.deeplApiKey ? { deepl: { url: config.deeplUrl, apiKey: config.deeplApiKey } } : {}),
    ...(config.openaiUrl && config.openaiModel
      ? { openai: { url: config.openaiUrl, model: config.openaiModel, ...key(config.openaiApiKey) } }
      : {}),
  };
}

function makeEngine(name: string, options: TranslatorOptions): TranslationEngine {
  const extra = options.extraEngines?.find((e) => e.name === name);
  if (extra) return extra;
  if (name === 'apertium') {
    return new ApertiumEngine({
      command: options.apertiumPath,
      ...(options.features ? { features: options.features } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  }
  if (name === 'neural' && options.modelsDir)
    return new NeuralEngine({ modelsDir: options.modelsDir, ...options.neural });
  if (name === 'libretranslate' && options.libretranslate) return new LibreTranslateEngine(options.libretranslate);
  if (name === 'deepl' && options.deepl) return new DeepLEngine(options.deepl);
  if (name === 'openai' && options.openai) return new OpenAiEngine(options.openai);
  return new UnknownEngine(name);
}

async function statusOf(engine: TranslationEngine): Promise<EngineStatus> {
  if (engine instanceof UnknownEngine) {
    const known = ['neural', 'libretranslate', 'deepl', 'openai'].includes(engine.name);
    const what =
      engine.name === 'neural'
        ? 'its models directory'
        : `its URL${engine.name === 'deepl' ? ' and key' : engine.name === 'openai' ? ' and model' : ''}`;
    const message = known
      ? `translation engine "${engine.name}" is not configured (set ${what}: see happenings config)`
      : `unknown translation engine "${engine.name}" (known: neural, apertium, libretranslate, deepl, openai)`;
    return { engine: engine.name, available: false, pairs: [], version: null, message };
  }
  try {
    const pairs =
      engine instanceof ApertiumEngine ? await engine.pairs() : engine instanceof NeuralEngine ? engine.pairs() : [];
    // A neural engine without a model translates nothing: translation is not on because of it.
    if (engine instanceof NeuralEngine && pairs.length === 0)
      return {
        engine: engine.name,
        available: false,
        pairs,
        version: null,
        message: 'no neural translation model installed (happenings models add de-en, see docs/translation.md)',
      };
    return { engine: engine.name, available: true, pairs, version: await engine.version(), message: 'ok' };
  } catch {
    return {
      engine: engine.name,
      available: false,
      pairs: [],
      version: null,
      message: engine instanceof ApertiumEngine ? enableApertium : 'unavailable',
    };
  }
}

/** A configured name we have no adapter for: supports nothing, so the pair falls to the next engine. */
class UnknownEngine implements TranslationEngine {
  constructor(readonly name: string) {}
  version = async () => 'unknown';
  supports = async () => false;
  translateTexts = async () => Promise.reject(new Error(`unknown engine ${this.name}`));
  translateHtml = async () => Promise.reject(new Error(`unknown engine ${this.name}`));
  close = async () => undefined;
}
