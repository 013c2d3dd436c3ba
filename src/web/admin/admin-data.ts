/** What the admin pages read and do, as an interface (the store adapter is store-admin.ts). */

export interface AdminSource {
  id: number;
  name: string;
  url: string;
  feedUrls: string[];
  language: string | null;
  paused: boolean;
  excerptOnly: boolean;
  translate: boolean;
  /** CSS selector of the article body on its pages; null: found automatically. */
  bodySelector: string | null;
  /** The source's section overrides as stored (JSON, section-overrides.ts); null: none. */
  sectionOverrides?: string | null;
  articleCount: number;
  lastSuccessAt: string | null;
  errorCount: number;
  lastError: string | null;
  lastErrorCode: string | null;
}

export interface AdminItemError {
  id: number;
  url: string;
  stage: string;
  code: string;
  message: string;
  attempts: number;
  lastAt: string;
}

export interface AdminSourceSettings {
  language?: string | null;
  paused?: boolean;
  excerptOnly?: boolean;
  translate?: boolean;
  bodySelector?: string | null;
  /** Section overrides as JSON (section-overrides.ts); null clears them; absent leaves them. */
  sectionOverrides?: string | null;
}

/** An installed translation model (models/installed.ts). */
export interface AdminModel {
  pair: string;
  sizeBytes: number;
  /** Null for a folder placed by hand. */
  repo: string | null;
  /** The publisher's commit, or "local". */
  revision: string;
  licence: string | null;
  installedAt: string | null;
}

export interface AdminOps {
  sources(): Promise<AdminSource[]>;
  addSource(input: {
    url: string;
    name?: string;
    language?: string | null;
    page?: boolean;
  }): Promise<{ name: string; created: boolean }>;
  importOpml(text: string): Promise<{ added: number; known: number }>;
  updateSource(id: number, settings: AdminSourceSettings): Promise<boolean>;
  itemErrors(limit: number): Promise<AdminItemError[]>;
  /** Puts a failed page back in the queue. */
  retryItem(url: string): Promise<void>;
  /** One line per translation engine: "apertium 3.8: ready (es-en, fr-en)" or why not. */
  translationStatus(): Promise<string[]>;
  /** One line per language pair: "de → en: neural opus-mt-de-en (rev 1a2b3c4)", "ru → en: none (…)". */
  translationRoutes(): Promise<string[]>;
  models(): Promise<AdminModel[]>;
  /** Queues the re-translation of the source's articles (false: no such source). */
  retranslateSource(id: number): Promise<boolean>;
}
