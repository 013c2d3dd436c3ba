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
const MAX_CANDIDATES = 40;
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

  /** Inverse document frequency as of now (recomputed at scoring: early articles had poor counts). */
  private idf(term: string): number {
    return Math.log((this.docs + IDF_PRIOR_DOCS) / (this.df.get(term) ?? 1));
  }

  private bestStory(vector: Map<string, number>, atMs: number) {
    const weighted = new Map([...vector].map(([t, w]) => [t, w * this.idf(t)] as [string, number]));
    const norm = Math.sqrt([...weighted.values()].reduce((s, w) => s + w * w, 0)) || 1;
    const lookup = [...weighted].sort((a, b) => b[1] - a[1]).slice(0, LOOKUP_TERMS).map(([t]) => t);
    const hits = [...this.index.candidates(lookup)].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
    const scored: { story: StoryState; score: number; shared: string[] }[] = [];
    for (const [id] of hits) {
      const story = this.index.stories.get(id)!;
      if (atMs < story.firstMs - this.options.openDays * DAY_MS) continue;
      const best = this.storyScore(weighted, norm, story);
      if (best.score >= this.options.joinSimilarity && best.shared.length >= MIN_SHARED_TERMS) scored.push({ story, ...best });
    }
    if (scored.length === 0) return null;
    scored.sort((a, b) => b.score - a.score);
    const [top, ...others] = scored;
    return { ...top!, shared: top!.shared.slice(0, 8), others: others.map((o) => o.story) };
  }

  /** The best cosine between the article and one of the story's latest articles (beat the centroid on NTREX: 0.93 vs 0.86). */
  private storyScore(weighted: Map<string, number>, norm: number, story: StoryState): { score: number; shared: string[] } {
    let best = { score: 0, shared: [] as string[] };
    for (const member of story.members) {
      const s = this.cosine(weighted, norm, member);
      if (s.score > best.score) best = s;
    }
    return best;
  }

  private cosine(weighted: Map<string, number>, norm: number, other: Map<string, number>): { score: number; shared: string[] } {
    const full = this.cosineOver(weighted, norm, other, null);
    const anchors = this.cosineOver(weighted, norm, other, isAnchor);
    return { score: (1 - ANCHOR_SHARE) * full.score + ANCHOR_SHARE * anchors.score, shared: full.shared };
  }

  private cosineOver(weighted: Map<string, number>, norm: number, other: Map<string, number>, only: ((t: string) => boolean) | null): { score: number; shared: string[] } {
    if (only) {
      weighted = new Map([...weighted].filter(([t]) => only(t)));
      norm = Math.sqrt([...weighted.values()].reduce((s, w) => s + w * w, 0)) || 1;
    }
    let dot = 0;
    let otherNorm = 0;
    const parts: [string, number][] = [];
    for (const [term, raw] of other) {
      if (only && !only(term)) continue;
      const w = raw * this.idf(term);
      otherNorm += w * w;
      const a = weighted.get(term);
      if (a === undefined) continue;
      dot += a * w;
      parts.push([term, a * w]);
    }
    const shared = parts.sort((x, y) => y[1] - x[1]).map(([t]) => t);
    return { score: otherNorm > 0 ? dot / (norm * Math.sqrt(otherNorm)) : 0, shared };
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
    const weighted = new Map([...a.centroid].map(([t, w]) => [t, w * this.idf(t)] as [string, number]));
    const norm = Math.sqrt([...weighted.values()].reduce((s, w) => s + w * w, 0)) || 1;
    return this.cosine(weighted, norm, b.centroid).score;
  }
}

/** Names, known entities and numbers: the same in every language. */
function isAnchor(term: string): boolean {
  return term.startsWith('n:') || term.startsWith('e:') || term.startsWith('#');
}
