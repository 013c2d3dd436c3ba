/**
 * The flow of Happenings, top to bottom. A feed poll finds new page URLs; each page goes
 * fetch → extract (sanitize inside, last) → language → dedupe → translate → store, and one failure
 * is recorded on its row while the rest goes on. Handlers are idempotent: a rerun skips pages
 * already stored and an article is saved by its canonical URL, so nothing is duplicated.
 */
import { HappeningsError, asHappeningsError, errorCode, errorLine } from '../errors.js';
import { log } from '../log.js';
import type { Article, IngestResult, PageJob, Translation } from '../model.js';
import type { Pipeline } from './types.js';
import { extractArticle } from './extract/index.js';
import { detectLanguage } from './language/index.js';
import { bodySignature, encodeSignature } from './dedupe/index.js';
import { enrichArticle } from './enrich/index.js';
import { findNewPages } from './poll.js';
import type { SavedArticle } from './cluster/persist.js';

/** Polls one feed: fetch (conditional) → parse → hand on each page not seen before. */
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
    });
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

/** Fetches one page and ingests it; a failure is recorded on the item's row, never thrown on. */
export async function ingestPage(p: Pipeline, job: PageJob): Promise<IngestResult | null> {
  try {
    const page = await p.fetcher.fetchPage({ url: job.url });
    if (page.contentType && !/html|xml/i.test(page.contentType)) {
      throw new HappeningsError('fetch', 'not-html', `not an HTML page: ${page.contentType} (${job.url})`);
    }
    return await ingestDocument(p, { ...job, html: page.text, url: page.finalUrl });
  } catch (error) {
    await recordFailure(p, job, error);
    return null;
  }
}

export interface DocumentInput extends PageJob {
  html: string;
}

/** The stages of one article, in order. Throws HappeningsError; the caller records it. */
export async function ingestDocument(p: Pipeline, input: DocumentInput): Promise<IngestResult> {
  const source = input.sourceId === null ? null : await p.store.sourceById(input.sourceId);
  // The admin's per-source selector override tells extraction where the body is.
  const article = extractArticle(input.html, input.url, { ...input.hints, bodySelector: source?.bodySelector ?? null });
  const language = detectLanguage(article.paragraphs.join('\n'), article.languageHint ?? input.hints?.language);
  const signature = bodySignature(article.paragraphs);
  const seenAt = new Date().toISOString();
  const carrier = { sourceId: input.sourceId, feedId: input.feedId, seenAt };

  const duplicate = signature ? p.dedupe.findDuplicate(signature) : null;
  const existing = await p.store.articleByCanonicalUrl(article.canonicalUrl);
  if (duplicate && duplicate.articleId !== existing?.id) {
    await p.store.addCarrier(duplicate.articleId, { ...carrier, url: article.canonicalUrl });
    return {
      articleId: duplicate.articleId,
      created: false,
      duplicateOf: duplicate.articleId,
      language: language.language,
      translated: [],
    };
  }

  const { translations, failure } = (await translationWanted(p, input.sourceId))
    ? await translateArticle(p, article, language.language, existing?.id ?? null)
    : { translations: [], failure: null };
  const earlierAttempts = failure ? ((await p.store.itemErrorByUrl(input.url))?.attempts ?? 0) : 0;
  const saved = await p.store.saveArticle(
    {
      ...article,
      language: language.language,
      languageConfidence: language.confidence,
      fingerprint: signature ? encodeSignature(signature) : null,
      ...carrier,
    },
    translations,
  );
  // Saving cleared the page's errors: a failed translation is recorded after it, to be retried (pollFeed).
  if (failure) await recordTranslationFailure(p, input, failure, earlierAttempts);
  if (signature) p.dedupe.add(saved.articleId, signature);
  if (saved.created) {
    const stored = { articleId: saved.articleId, article, language: language.language, translations };
    const countries = await linkEntities(p, stored);
    await clusterArticle(p, { ...stored, sourceId: input.sourceId, countries });
  }
  return { ...saved, duplicateOf: null, language: language.language, translated: translations.map((t) => t.language) };
}

/** False when the source's setting (admin: "translate") turns translation off for its articles. */
async function translationWanted(p: Pipeline, sourceId: number | null): Promise<boolean> {
  return sourceId === null || (await p.store.sourceById(sourceId))?.translate !== false;
}

/**
 * Translations into each site language the article is not already in (kept when already stored).
 * A failing engine (crashed twice, timed out, garbage, article too long) never stops the article:
 * it is stored untranslated and the failure is returned to be recorded and retried.
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
    const { entities, countries } = enrichArticle(stored.article, stored.translations);
    await p.store.saveArticleEntities(stored.articleId, entities);
    return countries;
  } catch (error) {
    log.error(asHappeningsError(error, 'enrich', 'store'));
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

/** Records why a page failed on its item row (kept until the page later succeeds). */
export async function recordFailure(p: Pipeline, job: PageJob, error: unknown): Promise<void> {
  const e = asHappeningsError(error, 'extract', 'no-article');
  log.error(e);
  await p.store.recordItemError({
    url: job.url,
    feedId: job.feedId,
    sourceId: job.sourceId,
    stage: e.stage,
    code: errorCode(e),
    message: errorLine(e),
    at: new Date().toISOString(),
  });
}

/**
 * Saving the article forgot its page's errors, so the earlier attempts are counted again with this
 * one (a record counts one attempt): the retries at later polls stay bounded (TRANSLATION_ATTEMPTS).
 */
async function recordTranslationFailure(
  p: Pipeline,
  job: PageJob,
  error: HappeningsError,
  earlierAttempts: number,
): Promise<void> {
  log.error(error);
  const row = {
    url: job.url,
    feedId: job.feedId,
    sourceId: job.sourceId,
    stage: error.stage,
    code: errorCode(error),
    message: errorLine(error),
  };
  for (let i = 0; i <= earlierAttempts; i++) await p.store.recordItemError({ ...row, at: new Date().toISOString() });
}

/** After n consecutive failures: interval · 2^(n-1), at most a day. */
function retryTime(from: Date, failures: number, intervalMinutes: number): string {
  const minutes = Math.min(24 * 60, intervalMinutes * 2 ** Math.min(10, failures - 1));
  return new Date(from.getTime() + minutes * 60_000).toISOString();
}
