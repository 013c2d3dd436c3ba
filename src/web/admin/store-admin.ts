/** AdminOps over the store, the sources module and the job queue. */
import { addSource, importOpml } from '../../sources/index.js';
import type { Store } from '../../store/index.js';
import { installedModels } from '../../models/index.js';
import { commonSourceLanguages, pairsInto, routeLine, type Translator } from '../../pipeline/translate/index.js';
import type { AdminOps } from './admin-data.js';

export interface StoreAdminOptions {
  store: Store;
  /** Enqueues one page for ingestion (the runtime's pipeline.enqueuePage). */
  enqueuePage: (job: { url: string; sourceId: number | null; feedId: number | null }) => Promise<void>;
  translationStatus: () => Promise<string[]>;
  feedIntervalMinutes?: number;
  /** For the routes of each pair (admin: which engine serves what); none: no routes shown. */
  translator?: Pick<Translator, 'routes'>;
  /** The site languages (config languages). */
  languages?: string[];
  /** The configured engine order (config translationEngines), for the hint on pairs no engine serves. */
  engines?: string[];
  /** config modelsDir: the installed models listed. */
  modelsDir?: string;
  /** Queues the 'retranslate' job for a source (the runtime's queue). */
  enqueueRetranslate?: (sourceId: number) => Promise<void>;
}

export function storeAdminOps(options: StoreAdminOptions): AdminOps {
  const { store } = options;
  return {
    async sources() {
      return (await store.sourceList()).map((s) => ({
        id: s.id,
        name: s.name,
        url: s.url,
        feedUrls: s.feeds.map((f) => f.url),
        language: s.language,
        paused: s.paused,
        excerptOnly: s.excerptOnly,
        translate: s.translate,
        bodySelector: s.bodySelector ?? null,
        sectionOverrides: s.sectionOverrides ?? null,
        articleCount: s.articleCount,
        lastSuccessAt: s.lastSuccessAt,
        errorCount: s.errorCount,
        lastError: s.lastError,
        lastErrorCode: s.lastErrorCode,
      }));
    },
    async addSource(input) {
      const { source, created } = await addSource(store, {
        url: input.url,
        name: input.name || undefined,
        language: input.language || null,
        kind: input.page ? 'page' : undefined,
        intervalMinutes: options.feedIntervalMinutes,
      });
      return { name: source.name, created };
    },
    importOpml: (text) => importOpml(store, text, options.feedIntervalMinutes),
    async updateSource(id, settings) {
      return (await store.updateSource(id, settings)) !== null;
    },
    async itemErrors(limit) {
      return (await store.itemErrors({ limit })).map((e) => ({
        id: e.id,
        url: e.url,
        stage: e.stage,
        code: e.code,
        message: e.message,
        attempts: e.attempts,
        lastAt: e.lastAt,
      }));
    },
    async retryItem(url) {
      const known = await store.itemErrorByUrl(url);
      await options.enqueuePage({ url, sourceId: known?.sourceId ?? null, feedId: known?.feedId ?? null });
    },
    translationStatus: options.translationStatus,
    async translationRoutes() {
      if (!options.translator) return [];
      const pairs = pairsInto(await sourceLanguages(store), options.languages ?? ['en']);
      return (await options.translator.routes(pairs)).map((r) => routeLine(r, options.engines));
    },
    async models() {
      return options.modelsDir ? installedModels(options.modelsDir) : [];
    },
    async retranslateSource(id) {
      if (!options.enqueueRetranslate || !(await store.sourceById(id))) return false;
      await options.enqueueRetranslate(id);
      return true;
    },
  };
}

/** The languages the sources publish in (their articles', their hints), else the common ones. */
async function sourceLanguages(store: Store): Promise<string[]> {
  const found = new Set((await store.articleLanguages()).map((l) => l.language));
  for (const source of await store.sourceList()) if (source.language) found.add(source.language);
  return found.size ? [...found].sort() : commonSourceLanguages;
}
