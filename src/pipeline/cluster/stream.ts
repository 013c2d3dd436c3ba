/**
 * The online pipeline of `happenings cluster`: exact repost or syndicated copy (MinHash, ../dedupe),
 * else story (clusterer.ts), in the order placement.ts keeps for the server too. Odd input (empty
 * text, a date far in the future) is handled and noted.
 */
import { createHash } from 'node:crypto';
import { DedupeIndex, bodySignature } from '../dedupe/index.js';
import { StoryClusterer, type ClusterOptions } from './clusterer.js';
import type { TextSample } from './features.js';
import { joinEvidence, type JoinEvidence } from './evidence.js';
import { clusterTime, textOddities } from './oddities.js';
import { repairDoubleEncoding } from '../fetch/double-encoding.js';
import { placeArticle } from './placement.js';
import { PIVOT_LANGUAGE } from './pivot-language.js';
import { withoutConsentNotices } from '../extract/consent-notice.js';

export interface StreamArticle {
  id: string;
  title: string;
  text: string;
  language: string | null;
  publishedAt: string | null;
  /** English translation, when one is available. */
  english?: { title: string; text: string } | null;
}

export interface StreamResult {
  id: string;
  story: number;
  duplicateOf?: string;
  why: {
    similarity: number;
    sharedTerms: string[];
    created: boolean;
    merged: number[];
    oddities: string[];
    /** With `explain`: the shared terms by kind (names, numbers, own words, dictionary, translation). */
    evidence?: JoinEvidence;
  };
}

export class ClusterStream {
  readonly clusterer: StoryClusterer;
  private readonly dedupe = new DedupeIndex();
  private readonly exact = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly storyOf: number[] = [];
  private latestMs = 0;

  constructor(
    private readonly nowMs = Date.now(),
    options: Partial<ClusterOptions> = {},
    /** Sort each join's shared terms by kind (`cluster --explain`): another pass over the text. */
    private readonly explain = false,
  ) {
    this.clusterer = new StoryClusterer(options);
  }

  /**
   * Counts every article into the word frequencies before any is placed: a batch read whole (the
   * `cluster` command's input) is its own history, so the first article's words are weighed as the
   * last one's, as a running server weighs them after its first days. Without it the first hundred
   * articles of each language are scored on names and numbers alone (semeval-dev held-out pair F1
   * 0.675 without, 0.719 with).
   */
  learnFrequencies(articles: Iterable<StreamArticle>): void {
    for (const article of articles) this.clusterer.countHistory(samplesOf(repaired(article)));
  }

  add(given: StreamArticle): StreamResult {
    const article = repaired(given);
    const oddities = textOddities(article.title, article.text, article.language);
    if (article !== given) oddities.push('double-encoded');
    const atMs = this.timeOf(article, oddities);
    const key = this.ids.length;
    this.ids.push(article.id);
    const samples = samplesOf(article);

    const placed = placeArticle(this.clusterer, { publishedAtMs: atMs, samples }, oddities, () => {
      const original = this.findOriginal(article, key);
      return original === null ? null : { index: original, clusterStory: this.storyOf[original]! };
    });
    this.storyOf.push(placed.storyId);
    if (placed.kind === 'copy')
      return {
        id: article.id,
        story: placed.storyId,
        duplicateOf: this.ids[placed.original.index]!,
        why: { similarity: 1, sharedTerms: [], created: false, merged: [], oddities },
      };
    const a = placed.assignment;
    return {
      id: article.id,
      story: a.storyId,
      why: {
        similarity: a.similarity,
        sharedTerms: a.sharedTerms,
        created: a.created,
        merged: a.merged,
        oddities,
        ...(this.explain && !a.created && { evidence: joinEvidence(samples, a.sharedTerms) }),
      },
    };
  }

  /** The story an earlier result's story now lives in (after merges). */
  resolve(story: number): number {
    return this.clusterer.resolve(story);
  }

  /** Index of an earlier article this one is a copy of: byte-identical body first, then MinHash. */
  private findOriginal(article: StreamArticle, key: number): number | null {
    // A consent notice is no part of the body (extract/consent-notice.ts): alike on every page of a site.
    const body = withoutConsentNotices(article.text).trim();
    const digest = createHash('sha1').update(body.replace(/\s+/g, ' ')).digest('base64');
    const same = body.length > 0 ? this.exact.get(digest) : undefined;
    if (same !== undefined) return same;
    if (body.length > 0) this.exact.set(digest, key);
    const signature = bodySignature(body.split('\n'));
    if (!signature) return null;
    const match = this.dedupe.findDuplicate(signature);
    this.dedupe.add(key, signature);
    return match ? match.articleId : null;
  }

  private timeOf(article: StreamArticle, oddities: string[]): number {
    const atMs = clusterTime(
      article.publishedAt,
      Math.max(this.nowMs, this.latestMs),
      this.latestMs || this.nowMs,
      oddities,
    );
    this.latestMs = Math.max(this.latestMs, atMs);
    return atMs;
  }
}

/** Articles in publishedAt order (undated ones last), as the contract asks; stable. */
export function inPublishedOrder<T extends { publishedAt: string | null }>(articles: T[]): T[] {
  const time = (a: T) => (a.publishedAt ? Date.parse(a.publishedAt) : NaN);
  return articles
    .map((a, i) => ({ a, i, t: time(a) }))
    .sort((x, y) => (Number.isNaN(x.t) ? 1 : 0) - (Number.isNaN(y.t) ? 1 : 0) || (x.t || 0) - (y.t || 0) || x.i - y.i)
    .map((x) => x.a);
}

/** The article as written and, when given, its English translation. */
/**
 * The article with text its publisher encoded twice read back ("AmÃ©rica" → "América"), as the
 * fetcher reads pages (fetch/double-encoding.ts); the same object when nothing needed it.
 */
function repaired(article: StreamArticle): StreamArticle {
  const title = repairDoubleEncoding(article.title);
  const text = repairDoubleEncoding(article.text);
  return title === article.title && text === article.text ? article : { ...article, title, text };
}

function samplesOf(article: StreamArticle): TextSample[] {
  return [
    { title: article.title, text: article.text, language: article.language },
    ...(article.english ? [{ ...article.english, language: PIVOT_LANGUAGE }] : []),
  ];
}
