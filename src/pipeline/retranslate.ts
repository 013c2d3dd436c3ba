/**
 * Re-translating stored articles with the engine that now serves their pair (after `models add`,
 * or a change of HAPPENINGS_TRANSLATION_ENGINES). In batches of article ids:
 *   1. find which engine serves each pair now (once per pair per run);
 *   2. skip a translation that already came from that engine and model (so a rerun redoes nothing);
 *   3. translate and save the others; a failure is recorded on the article's item row and the run goes on.
 */
import { asHappeningsError, type HappeningsError } from '../errors.js';
import type { Store, Translation } from '../store/index.js';
import type { PairRoute, Translator } from './translate/index.js';

export interface RetranslateOptions {
  /** Only articles in this language ("de"). */
  language?: string;
  /** Only articles published (or first seen) at or after this time. */
  since?: string;
  sourceId?: number;
  /** Articles per batch; 50. */
  batchSize?: number;
  /** After each batch: the counts so far. */
  onBatch?: (report: RetranslateReport) => void;
}

export interface RetranslateReport {
  /** Articles looked at. */
  articles: number;
  /** Translations written. */
  retranslated: number;
  /** Translations already from the engine and model that serve the pair now. */
  current: number;
  /** Pairs no engine serves (the article keeps what it has). */
  unserved: number;
  failed: number;
}

export interface RetranslateDeps {
  store: Store;
  translator: Translator;
  /** The site languages (config languages). */
  languages: string[];
}

export async function retranslateArticles(
  deps: RetranslateDeps,
  options: RetranslateOptions = {},
): Promise<RetranslateReport> {
  const report: RetranslateReport = { articles: 0, retranslated: 0, current: 0, unserved: 0, failed: 0 };
  const routes = new Map<string, Promise<PairRoute>>();
  const routeFor = (from: string, to: string) => {
    const key = `${from}-${to}`;
    if (!routes.has(key))
      routes.set(
        key,
        deps.translator.routes([{ from, to }]).then(([route]) => route!),
      );
    return routes.get(key)!;
  };
  const filter = { language: options.language, since: options.since, sourceId: options.sourceId };
  for (let afterId = 0; ;) {
    const ids = await deps.store.articleIdsToRetranslate({ ...filter, afterId, limit: options.batchSize ?? 50 });
    if (ids.length === 0) break;
    for (const article of await deps.store.articlesByIds(ids)) {
      report.articles++;
      for (const to of deps.languages) {
        if (!article.language || to === article.language) continue;
        const outcome = await retranslateOne(deps, article, to, await routeFor(article.language, to));
        report[outcome]++;
      }
    }
    afterId = ids[ids.length - 1]!;
    options.onBatch?.({ ...report });
  }
  return report;
}

type Outcome = 'retranslated' | 'current' | 'unserved' | 'failed';
type StoredArticle = Awaited<ReturnType<Store['articlesByIds']>>[number];

async function retranslateOne(
  deps: RetranslateDeps,
  article: StoredArticle,
  to: string,
  route: PairRoute,
): Promise<Outcome> {
  if (!route.engine) return 'unserved';
  const from = article.language!;
  try {
    const stored = await deps.store.translationOf(article.id, to);
    if (stored && isFrom(stored, route)) return 'current';
    const translation = await deps.translator.translateArticle({ ...article, languageHint: from }, from, to);
    if (!translation) return 'unserved';
    await deps.store.saveTranslation(article.id, translation);
    return 'retranslated';
  } catch (error) {
    await recordFailure(deps.store, article, asHappeningsError(error, 'translate', 'translator'));
    return 'failed';
  }
}

/** The stored translation came from the engine (and model) that serves the pair now. */
export function isFrom(stored: Translation, route: PairRoute): boolean {
  return stored.engine === route.engine && (stored.model ?? null) === route.model;
}

/** On the article's item row (admin's failed pages), like a failed translation at ingest. */
async function recordFailure(store: Store, article: StoredArticle, error: HappeningsError): Promise<void> {
  const carrier = (await store.carriersOf(article.id).catch(() => []))[0];
  await store
    .recordItemError({
      url: article.url,
      feedId: null,
      sourceId: carrier?.sourceId ?? null,
      stage: 'translate',
      code: error.code,
      message: error.message,
      at: new Date().toISOString(),
    })
    .catch(() => undefined);
}
