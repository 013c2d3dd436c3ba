/**
 * The translate stage: an article in, its translation out, through the first configured engine that
 * can do the pair; null when none can. Texts are cached per (engine, pair, text).
 */
import { ApertiumEngine, enableApertium } from './apertium.js';
import { TranslationCache, type PersistentCache } from './cache.js';
import { distinctNames, findNames } from './protect-names.js';
import type { Article, EngineStatus, Translation, TranslationEngine, Translator } from './types.js';

export type { EngineStatus, Translation, TranslationEngine, Translator } from './types.js';
export { ApertiumEngine } from './apertium.js';
export { storeTranslationCache, type PersistentCache } from './cache.js';

export interface TranslatorOptions {
  engines: string[];
  apertiumPath?: string;
  /** Stand-ins for tests and future adapters, by name. */
  extraEngines?: TranslationEngine[];
  cacheEntries?: number;
  /** Shared across processes (the store's translation_cache): see storeTranslationCache. */
  persistentCache?: PersistentCache;
}

export function createTranslator(options: TranslatorOptions): Translator {
  const engines = options.engines.map((name) => makeEngine(name, options));
  const cache = new TranslationCache(options.cacheEntries);

  const engineFor = async (from: string, to: string) => {
    for (const engine of engines) if (await engine.supports(from, to)) return engine;
    return null;
  };

  /** Memory first, then the persistent cache, then the engine; each text is translated once. */
  const cached = async (engine: TranslationEngine, from: string, to: string, texts: string[], html: boolean): Promise<string[]> => {
    const keys = texts.map((t) => TranslationCache.key(engine.name + (html ? ':html' : ''), from, to, t));
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
    const fresh = html
      ? await Promise.all(missing.map((t) => engine.translateHtml(t, from, to)))
      : await engine.translateTexts(missing, from, to);
    const entries = missing.map((t, i) => ({ key: TranslationCache.key(engine.name + (html ? ':html' : ''), from, to, t), translated: fresh[i]! }));
    for (const e of entries) found.set(e.key, e.translated);
    for (const [key, value] of found) cache.set(key, value);
    if (entries.length && options.persistentCache) await options.persistentCache.set(entries);
    return keys.map((k) => found.get(k)!);
  };

  return {
    async translateArticle(article: Article, from: string, to: string): Promise<Translation | null> {
      const engine = await engineFor(from, to);
      if (!engine) return null;
      const texts = [article.title, article.subtitle ?? '', ...article.paragraphs];
      const [title = '', subtitle = '', ...paragraphs] = await cached(engine, from, to, texts, false);
      const [html = ''] = await cached(engine, from, to, [article.html], true);
      return {
        language: to,
        sourceLanguage: from,
        engine: engine.name,
        engineVersion: await engine.version(),
        title,
        subtitle: article.subtitle === null ? null : subtitle,
        paragraphs,
        html,
        protectedNames: distinctNames(texts.flatMap((t) => findNames(t))),
        translatedAt: new Date().toISOString(),
      };
    },

    async translateText(lines: string[], from: string, to: string): Promise<string[] | null> {
      const engine = await engineFor(from, to);
      return engine ? cached(engine, from, to, lines, false) : null;
    },

    async status(): Promise<EngineStatus[]> {
      return Promise.all(engines.map(statusOf));
    },

    async close(): Promise<void> {
      await Promise.all(engines.map((e) => e.close()));
    },
  };
}

function makeEngine(name: string, options: TranslatorOptions): TranslationEngine {
  const extra = options.extraEngines?.find((e) => e.name === name);
  if (extra) return extra;
  if (name === 'apertium') return new ApertiumEngine({ command: options.apertiumPath });
  return new UnknownEngine(name);
}

async function statusOf(engine: TranslationEngine): Promise<EngineStatus> {
  if (engine instanceof UnknownEngine) {
    return { engine: engine.name, available: false, pairs: [], version: null, message: `unknown translation engine "${engine.name}" (known: apertium)` };
  }
  try {
    const pairs = engine instanceof ApertiumEngine ? await engine.pairs() : [];
    return { engine: engine.name, available: true, pairs, version: await engine.version(), message: 'ok' };
  } catch {
    return { engine: engine.name, available: false, pairs: [], version: null, message: engine instanceof ApertiumEngine ? enableApertium : 'unavailable' };
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
