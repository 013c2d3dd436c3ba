/** The translation stage's public shapes: engines, their status, and what a translated article carries. */
import type { Article, NameRepair, Translation } from '../../model.js';
import type { HtmlTranslation } from './html.js';

export interface TranslationEngine {
  readonly name: string;
  version(): Promise<string>;
  supports(from: string, to: string): Promise<boolean>;
  /** One output per input, same order; an empty input stays empty. */
  translateTexts(texts: string[], from: string, to: string): Promise<string[]>;
  /** Block elements stay blocks, inline tags (a, strong, em, b, i, …) survive around their words. */
  translateHtml(html: string, from: string, to: string): Promise<string>;
  /**
   * The HTML translation with what each run became (html.ts), from an engine that cuts the runs
   * itself (Apertium); for the others the translator pairs the runs by position (html-lines.ts).
   */
  translateHtmlRuns?(html: string, from: string, to: string): Promise<HtmlTranslation>;
  /**
   * Which model and route serve the pair (recorded with each translation, shown on the article page
   * and in admin); engines without models or pivots may leave it out.
   */
  describe?(from: string, to: string): Promise<EngineRoute>;
  /**
   * False for engines whose output must be checked for lost or altered names afterwards (neural
   * models: placeholders can derail them); Apertium protects names itself. Default true.
   */
  readonly protectsNames?: boolean;
  close(): Promise<void>;
}

/** The model and route an engine uses for one pair. */
export interface EngineRoute {
  /** "opus-mt-de-en" style model name, null for a rule-based engine without one. */
  model: string | null;
  /** The engine's (or model's) version, as shown to readers. */
  version: string;
  /** The pivot language when the pair goes through one ("pt → es → en": "es"), else null. */
  via: string | null;
}

/** The engine that serves a pair now, and by what route (routes.ts). */
export interface PairRoute {
  from: string;
  to: string;
  /** Null when no configured engine can do the pair. */
  engine: string | null;
  model: string | null;
  version: string | null;
  via: string | null;
}

export interface EngineStatus {
  engine: string;
  available: boolean;
  /** "es-en" style pairs the engine can do. */
  pairs: string[];
  version: string | null;
  /** What is wrong and how to fix it, or "ok". */
  message: string;
}

export interface Translator {
  /** Null when no configured engine can do the pair. */
  translateArticle(article: Article, from: string, to: string): Promise<Translation | null>;
  translateText(lines: string[], from: string, to: string): Promise<string[] | null>;
  status(): Promise<EngineStatus[]>;
  /** The engine that would serve each pair now (the first configured one that supports it), with its model and route. */
  routes(pairs: { from: string; to: string }[]): Promise<PairRoute[]>;
  close(): Promise<void>;
}

export type { Article, HtmlTranslation, NameRepair, Translation };
