/**
 * Online story clustering: each article joins the open story it is most similar to, or starts one.
 * Similarity is the cosine between the article's tf-idf vector (names, numbers, word stems; see
 * features.ts) and the story's centroid. Time: a story nothing joined for OPEN_DAYS is closed,
 * so the same people at a summit months later make a new story, while a story that keeps being
 * fed stays open for weeks. When an article fits two open stories that fit each other, they merge.
 * Pure: no I/O; the caller persists what it wants.
 */
import { articleTerms, type Mention, type TextSample } from './features.js';
import { StoryIndex, type StoryState } from './story-index.js';

/** Score at or above which an article joins a story. Tuned on NTREX (bench/cluster.ts), 0.2–0.55 tried. */
export const JOIN_SIMILARITY = 0.4;
/**
 * Share of the score from names, entities and numbers alone (the rest: all terms). Stems rarely
 * meet across languages; anchors do. 0.8 at join 0.4: NTREX es/ca/gl/eu/en F1 0.930 (0.5: 0.905).
 */
const ANCHOR_SHARE = 0.8;
/** Two open stories whose centroids are this similar are one. */
export const MERGE_SIMILARITY = 0.45;
/** At least this many terms shared with the story: one shared place or date is not an event. */
const MIN_SHARED_TERMS = 3;
/** Days without a new article before a story closes. News cycles of a few days; tuned on events.jsonl. */
export const OPEN_DAYS = 3;
const DAY_MS = 86_400_000;
/** Retrieval looks up the article's heaviest terms only. */
const LOOKUP_TERMS = 24;
/** Full scores for at most this many candidate stories (ranked by shared lookup terms). */
const MAX_CANDIDATES = 15;
/** Smoothing for document frequencies while few articles have been seen. */
const IDF_PRIOR_DOCS = 50;

export interface ClusterArticle {
  publishedAtMs: number;
  /** The article as written, and (when available) its translation to English. */
  samples: TextSample[];
}

export interface Assignment {
  storyId: number;
  created: boolean;
  similarity: number;
  /** The terms that weighed most in the match (why it joined). */
  sharedTerms: string[];
  /** Stories merged into this one by this article. */
  merged: number[];
  mentions: Mention[];
}

interface WeightedArticle {
  weighted: Map<string, number>;
  norm: number;
  anchorNorm: number;
}

export interface ClusterOptions {
  joinSimilarity: number;
  mergeSimilarity: number;
  openDays: number;
}

export class StoryClusterer {
  readonly index = new StoryIndex();
  private readonly options: ClusterOptions;
  private readonly df = new Map<string, number>();
  private docs = 0;
  private nextId = 1;
  private clockMs = -Infinity;
  private readonly idfCache = new Map<string, number>();
  private idfCacheDocs = 0;

  constructor(options: Partial<ClusterOptions> = {}) {
    this.options = { joinSimilarity: JOIN_SIMILARITY, mergeSimilarity: MERGE_SIMILARITY, openDays: OPEN_DAYS, ...options };
  }

  /** Assigns one article to a story. Articles should arrive roughly in time order. */
  add(article: ClusterArticle): Assignment {
    this.advanceClock(article.publishedAtMs);
    const { terms, mentions } = articleTerms(article.samples);
    const vector = this.weigh(terms);
    const best = this.bestStory(vector, article.publishedAtMs);
    if (!best) {
      const story = this.index.create(this.nextId++, article.publishedAtMs);
      this.index.addVector(story, vector, article.publishedAtMs);
      return { storyId: story.id, created: true, similarity: 0, sharedTerms: [], merged: [], mentions };
    }
    this.index.addVector(best.story, vector, article.publishedAtMs);
    const merged = this.mergeInto(best.story, best.others);
    return { storyId: best.story.id, created: false, similarity: best.score, sharedTerms: best.shared, merged, mentions };
  }

  /** Adds an article to a known story without scoring (a syndicated copy joins its original's story). */
  addToStory(storyId: number, article: ClusterArticle): number {
    const story = this.index.resolve(storyId);
    const { terms } = articleTerms(article.samples);
    this.index.addVector(story, this.weigh(terms), article.publishedAtMs);
    return story.id;
  }

  resolve(storyId: number): number {
    return this.index.resolve(storyId).id;
  }

  private advanceClock(atMs: number): void {
    // Close stale stories when the clock moves on by an hour or more (not on every article).
    if (atMs > this.clockMs + 3_600_000 || this.clockMs === -Infinity) {
      this.clockMs = Math.max(this.clockMs, atMs);
      this.index.closeOlderThan(this.clockMs - this.options.openDays * DAY_MS);
    }
  }

  /** Raw term weights (1 + log tf); counts the article into the document frequencies. */
  private weigh(terms: Map<string, number>): Map<string, number> {
    this.docs++;
    const vector = new Map<string, number>();
    for (const [term, tf] of terms) {
      this.df.set(term, (this.df.get(term) ?? 0) + 1);
      vector.set(term, 1 + Math.log(tf));
    }
    return vector;
  }

  /**
   * Inverse document frequency as of now: recomputed at scoring, since early articles had poor
   * counts; cached until the number of articles grows by 2% (the logarithm barely moves).
   */
  private idf(term: string): number {
    if (this.docs > this.idfCacheDocs * 1.02 + 1) {
      this.idfCache.clear();
      this.idfCacheDocs = this.docs;
    }
    let v = this.idfCache.get(term);
    if (v === undefined) {
      v = Math.log((this.docs + IDF_PRIOR_DOCS) / (this.df.get(term) ?? 1));
      this.idfCache.set(term, v);
    }
    return v;
  }

  private weighted(vector: Map<string, number>): WeightedArticle {
    const weighted = new Map<string, number>();
    let norm = 0;
    let anchorNorm = 0;
    for (const [t, raw] of vector) {
      const w = raw * this.idf(t);
      weighted.set(t, w);
      norm += w * w;
      if (isAnchor(t)) anchorNorm += w * w;
    }
    return { weighted, norm: Math.sqrt(norm) || 1, anchorNorm: Math.sqrt(anchorNorm) };
  }

  private bestStory(vector: Map<string, number>, atMs: number) {
    const article = this.weighted(vector);
    const lookup = [...article.weighted].sort((a, b) => b[1] - a[1]).slice(0, LOOKUP_TERMS).map(([t]) => t);
    const hits = [...this.index.candidates(lookup)].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
    const scored: { story: StoryState; score: number; shared: string[] }[] = [];
    for (const [id] of hits) {
      const story = this.index.stories.get(id)!;
      if (atMs < story.firstMs - this.options.openDays * DAY_MS) continue;
      const best = this.storyScore(article, story);
      if (best.score < this.options.joinSimilarity || !best.closest) continue;
      const shared = this.sharedTerms(article, best.closest);
      if (shared.length >= MIN_SHARED_TERMS) scored.push({ story, score: best.score, shared });
    }
    if (scored.length === 0) return null;
    scored.sort((a, b) => b.score - a.score);
    const [top, ...others] = scored;
    return { ...top!, shared: top!.shared.slice(0, 8), others: others.map((o) => o.story) };
  }

  /** The best cosine between the article and one of the story's latest articles (beat the centroid on NTREX: 0.93 vs 0.86). */
  private storyScore(article: WeightedArticle, story: StoryState): { score: number; closest: Map<string, number> | null } {
    let score = 0;
    let closest: Map<string, number> | null = null;
    for (const member of story.members) {
      const s = this.cosine(article, member);
      if (s > score) [score, closest] = [s, member];
    }
    return { score, closest };
  }

  /** Blend of the cosine over all terms and over anchors alone, in one pass over the other vector. */
  private cosine(article: WeightedArticle, other: Map<string, number>): number {
    let dot = 0;
    let norm = 0;
    let anchorDot = 0;
    let anchorNorm = 0;
    for (const [term, raw] of other) {
      const w = raw * this.idf(term);
      const anchor = isAnchor(term);
      norm += w * w;
      if (anchor) anchorNorm += w * w;
      const a = article.weighted.get(term);
      if (a === undefined) continue;
      dot += a * w;
      if (anchor) anchorDot += a * w;
    }
    const full = norm > 0 ? dot / (article.norm * Math.sqrt(norm)) : 0;
    const anchors = anchorNorm > 0 && article.anchorNorm > 0 ? anchorDot / (article.anchorNorm * Math.sqrt(anchorNorm)) : 0;
    return (1 - ANCHOR_SHARE) * full + ANCHOR_SHARE * anchors;
  }

  /** Terms the article shares with another vector, heaviest contribution first (the "why"). */
  private sharedTerms(article: WeightedArticle, other: Map<string, number>): string[] {
    const parts: [string, number][] = [];
    for (const [term, raw] of other) {
      const a = article.weighted.get(term);
      if (a !== undefined) parts.push([term, a * raw * this.idf(term)]);
    }
    return parts.sort((x, y) => y[1] - x[1]).map(([t]) => t);
  }

  private mergeInto(into: StoryState, others: StoryState[]): number[] {
    const merged: number[] = [];
    for (const other of others) {
      if (other.mergedInto !== null || this.centroidCosine(into, other) < this.options.mergeSimilarity) continue;
      this.index.merge(other, into);
      merged.push(other.id);
    }
    return merged;
  }

  private centroidCosine(a: StoryState, b: StoryState): number {
    return this.cosine(this.weighted(a.centroid), b.centroid);
  }
}

/** Names, known entities and numbers: the same in every language. */
function isAnchor(term: string): boolean {
  const c = term.charCodeAt(0);
  // '#', or 'n:' / 'e:' (a stem never has a colon).
  return c === 35 || ((c === 110 || c === 101) && term.charCodeAt(1) === 58);
}
