/**
 * The flow of Happenings, top to bottom (docs/architecture.md draws it). A feed poll finds new page
 * URLs; each page goes fetch → extract (sanitize inside, last) → language → dedupe → translate →
 * store → enrich → cluster, and one failure is recorded on its row while the rest goes on. Handlers
 * are idempotent: a rerun skips pages already stored and an article is saved by its canonical URL,
 * so nothing is duplicated.
 */
import { HappeningsError, asHappeningsError, errorCode, errorLine, type Stage } from '../errors.js';
import { log } from '../log.js';
import type { Article, IngestResult, PageJob, Translation } from '../model.js';
import type { ItemErrorInput, SourceRow } from '../store/index.js';
import type { Pipeline } from './types.js';
import { extractArticle } from './extract/index.js';
import { detectLanguage, type DetectedLanguage } from './language/index.js';
import { bodySignature, encodeSignature } from './dedupe/index.js';
import { enrichArticle } from './enrich/index.js';
import { findNewPages } from './poll.js';
import type { SavedArticle } from './cluster/persist.js';

/** The code a poll cut short by a cap leaves on its feed's row (its note, with no error counted). */
const LIMITED = 'too-large';

/** Polls one feed: fetch (conditional) → parse → hand on each page not seen before, up to the caps. */
export async function pollFeed(p: Pipeline, feedId: number): Promise<number> {
  const feed = await p.store.feedById(feedId);
  if (!feed) throw new HappeningsError('feeds', 'bad-input', `no feed with id ${feedId}`);
  const startedAt = new Date();
  try {
    const found = await findNewPages(p, feed);
    for (const page of [...found.pages, ...(await untranslatedPages(p, feed))]) await p.enqueuePage(page);
    await p.store.recordFeedFetched(feed.id, {
      etag: found.etag,
      lastModified: found.lastModified,
      fetchedAt: startedAt.toISOString(),
      nextFetchAt: new Date(startedAt.getTime() + feed.intervalMinutes * 60_000).toISOString(),
      note: found.limited ? { code: LIMITED, message: `feeds: ${found.limited} (${feed.url})` } : null,
    });
    // Logged when a feed first hits a cap, not at every poll while it stays over it.
    if (found.limited && feed.lastErrorCode !== LIMITED) log.warn(`feeds: ${found.limited} (${feed.url})`);
    log.info(`feeds: ${feed.url}: ${found.pages.length} new page(s)`);
    return found.pages.length;
  } catch (error) {
    const e = asHappeningsError(error, 'feeds', 'bad-feed');
    await p.store.recordFeedError(feed.id, {
      code: e.code,
      message: errorLine(e),
      at: startedAt.toISOString(),
      nextFetchAt: retryTime(startedAt, feed.errorCount + 1, feed.intervalMinutes),
    });
    log.error(e);
    return 0;
  }
}

/**
 * Fetches one page and ingests it; a failure is recorded on the item's row, never thrown on. A page
 * the poll already fetched and extracted (a page source that is an article itself) comes with it.
 */
export async function ingestPage(p: Pipeline, job: PageJob): Promise<IngestResult | null> {
  try {
    if (job.article) return await ingestArticle(p, job, job.article, await sourceOf(p, job));
    const page = await inStage('fetch', () => p.fetcher.fetchPage({ url: job.url }));
    if (page.contentType && !/html|xml/i.test(page.contentType)) {
      throw new HappeningsError('fetch', 'not-html', `not an HTML page: ${page.contentType} (${job.url})`);
    }
    return await ingestDocument(p, { ...job, html: page.text, url: page.finalUrl });
  } catch (error) {
    // A bot check: the publisher takes us for a robot; its host rests before we ask again.
    if (error instanceof HappeningsError && error.code === 'bot-check' && error.stage === 'extract')
      p.fetcher.holdHost?.(job.url, BOT_CHECK_HOLD_MS);
    await recordFailure(p, job, error);
    return null;
  }
}

/**
 * How long a host that answered with a bot check is left alone: its other pages in this poll fail
 * at once with bot-check (recorded, fetched at a later poll), and so does its feed until then.
 */
export const BOT_CHECK_HOLD_MS = 30 * 60_000;

export interface DocumentInput extends PageJob {
  html: string;
}

/** Extracts the article of a page and ingests it. Throws HappeningsError; the caller records it. */
export async function ingestDocument(p: Pipeline, input: DocumentInput): Promise<IngestResult> {
  const source = await sourceOf(p, input);
  // The admin's per-source selector override tells extraction where the body is.
  const hints = { ...input.hints, bodySelector: source?.bodySelector ?? null };
  const article = await inStage('extract', () => extractArticle(input.html, input.url, hints));
  return ingestArticle(p, input, article, source);
}

/** The stages of one extracted article, in order. Throws HappeningsError; the caller records it. */
async function ingestArticle(
  p: Pipeline,
  job: PageJob,
  article: Article,
  source: SourceRow | null,
): Promise<IngestResult> {
  const text = article.paragraphs.join('\n');
  const language = await inStage('language', () => detectLanguage(text, article.languageHint ?? job.hints?.language));
  const signature = bodySignature(article.paragraphs);
  const carrier = { sourceId: job.sourceId, feedId: job.feedId, seenAt: new Date().toISOString() };

  const existing = await inStage('store', () => p.store.articleByCanonicalUrl(article.canonicalUrl));
  const duplicate = signature ? p.dedupe.findDuplicate(signature) : null;
  if (duplicate && duplicate.articleId !== existing?.id) {
    await inStage('store', () => p.store.addCarrier(duplicate.articleId, { ...carrier, url: article.canonicalUrl }));
    const copy = { articleId: duplicate.articleId, created: false, duplicateOf: duplicate.articleId };
    return { ...copy, language: language.language, translated: [] };
  }

  // The source's setting (admin: "translate") can turn translation off for its articles.
  const { translations, failure } =
    source?.translate === false
      ? { translations: [], failure: null }
      : await inStage('translate', () => translateArticle(p, article, language.language, existing?.id ?? null));
  const saved = await inStage('store', () =>
    p.store.saveArticle(
      { ...article, ...languageFields(language), fingerprint: signature && encodeSignature(signature), ...carrier },
      translations,
      failure && translationFailure(job, failure),
    ),
  );
  if (signature) p.dedupe.add(saved.articleId, signature);

  if (saved.created) {
    const stored = { articleId: saved.articleId, article, language: language.language, translations };
    const countries = await linkEntities(p, stored);
    await clusterArticle(p, { ...stored, sourceId: job.sourceId, countries });
  }
  return { ...saved, duplicateOf: null, language: language.language, translated: translations.map((t) => t.language) };
}

/** The page's source, read once per page (its settings: body selector, translate). */
async function sourceOf(p: Pipeline, job: PageJob): Promise<SourceRow | null> {
  const id = job.sourceId;
  return id === null ? null : await inStage('store', () => p.store.sourceById(id));
}

function languageFields(detected: DetectedLanguage) {
  return { language: detected.language, languageConfidence: detected.confidence };
}

/**
 * Translations into each site language the article is not already in (kept when already stored).
 * A failing engine (crashed twice, timed out, garbage, article too long) never stops the article:
 * it is stored untranslated and the failure is returned, to be recorded with it and retried.
 */
async function translateArticle(
  p: Pipeline,
  article: Article,
  from: string | null,
  storedId: number | null,
): Promise<{ translations: Translation[]; failure: HappeningsError | null }> {
  const out: Translation[] = [];
  let failure: HappeningsError | null = null;
  if (!from) return { translations: out, failure };
  for (const to of p.languages) {
    if (to === from) continue;
    if (storedId !== null && (await p.store.translationOf(storedId, to))) continue;
    try {
      const translation = await p.translator.translateArticle(article, from, to);
      if (translation) out.push(translation);
      else log.info(`translate: no engine translates ${from}→${to}; ${article.canonicalUrl} kept in the original`);
    } catch (error) {
      failure = asHappeningsError(error, 'translate', 'translator');
    }
  }
  return { translations: out, failure };
}

/** The item row of a failed translation: the store keeps it as it saves the article, one more attempt each time. */
function translationFailure(job: PageJob, error: HappeningsError): ItemErrorInput {
  log.error(error);
  return { ...itemRow(job, error), at: new Date().toISOString() };
}

/** Failed translations are retried at their feed's next poll, at most this many times. */
const TRANSLATION_ATTEMPTS = 5;

/** Pages of this feed whose article was stored untranslated because the engine failed. */
async function untranslatedPages(p: Pipeline, feed: { id: number; sourceId: number }): Promise<PageJob[]> {
  const errors = await p.store.itemErrors({ limit: 200, sourceId: feed.sourceId });
  return errors
    .filter(
      (e) =>
        e.stage === 'translate' && e.feedId === feed.id && e.attempts < TRANSLATION_ATTEMPTS && e.code !== 'too-large',
    )
    .map((e) => ({ url: e.url, sourceId: feed.sourceId, feedId: feed.id }));
}

type StoredArticle = Omit<SavedArticle, 'sourceId' | 'countries'>;

/** The people, organisations and places the article names are linked (enrich); a failure is logged, not fatal. */
async function linkEntities(p: Pipeline, stored: StoredArticle): Promise<string[]> {
  if (!p.stories) return []; // entities go with stories: a pipeline without a story tracker (tests) keeps neither
  try {
    const { entities, countries } = enrichArticle(stored.article, stored.translations, stored.language);
    await p.store.saveArticleEntities(stored.articleId, entities);
    return countries;
  } catch (error) {
    log.error(asHappeningsError(error, 'enrich', 'internal'));
    return [];
  }
}

/** The article joins a story (cluster); a failure is logged, not fatal. */
async function clusterArticle(p: Pipeline, saved: SavedArticle): Promise<void> {
  try {
    await p.stories?.track(saved);
  } catch (error) {
    log.error(asHappeningsError(error, 'cluster', 'store'));
  }
}

/** Runs one step; a failure that is not a HappeningsError is a fault of ours, labelled with the step's stage. */
async function inStage<T>(stage: Stage, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asHappeningsError(error, stage, 'internal');
  }
}

/** Records why a page failed on its item row (kept until the page later succeeds). */
export async function recordFailure(p: Pipeline, job: PageJob, error: unknown): Promise<void> {
  // Known failures were labelled where they entered; anything else is ours, not the page's.
  const e = asHappeningsError(error, 'jobs', 'internal');
  log.error(e);
  await p.store.recordItemError({ ...itemRow(job, e), at: new Date().toISOString() });
}

function itemRow(job: PageJob, e: HappeningsError): Omit<ItemErrorInput, 'at'> {
  return {
    url: job.url,
    feedId: job.feedId,
    sourceId: job.sourceId,
    stage: e.stage,
    code: errorCode(e),
    message: errorLine(e),
  };
}

/** After n consecutive failures: interval · 2^(n-1), at most a day. */
function retryTime(from: Date, failures: number, intervalMinutes: number): string {
  const minutes = Math.min(24 * 60, intervalMinutes * 2 ** Math.min(10, failures - 1));
  return new Date(from.getTime() + minutes * 60_000).toISOString();
}
