/** The translation stage's public shapes: engines, their status, and what a translated article carries. */
import type { Article, Translation } from '../../model.js';
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
  close(): Promise<void>;
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
  close(): Promise<void>;
}

export type { Article, HtmlTranslation, Translation };
