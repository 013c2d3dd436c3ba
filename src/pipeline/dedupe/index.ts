/**
 * Dedupe: is this article a syndicated copy of one already stored? MinHash signatures are banded
 * into an LSH index so a new article is compared only with the few that share a band.
 */
import { PERMUTATIONS, minhash, similarity, words } from './minhash.js';

export { minhash, similarity, encodeSignature, decodeSignature } from './minhash.js';

/**
 * 64 bands of 2 rows: pairs at Jaccard 0.3 collide in some band with probability 0.998 (32×4 gave
 * 0.23 there); more candidates, each checked on the full signature.
 */
const BANDS = 64;
const ROWS = PERMUTATIONS / BANDS;
/**
 * Estimated shingle Jaccard at or above which two bodies are one wire text. On the dedupe bench
 * (bench/dedupe.ts: demo + NTREX, copies with a paragraph cut, one added, furniture, words changed)
 * the lowest copy scored 0.24 and the highest distinct article 0.07; 0.5 missed 8% of copies.
 */
export const DUPLICATE_THRESHOLD = 0.3;
/** Bodies shorter than this many words (teasers, captions) are never merged: too little evidence. */
const MIN_WORDS = 40;

export interface DuplicateMatch {
  articleId: number;
  similarity: number;
}

export class DedupeIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly signatures = new Map<number, Uint32Array>();

  get size(): number {
    return this.signatures.size;
  }

  add(articleId: number, signature: Uint32Array): void {
    if (this.signatures.has(articleId)) return;
    this.signatures.set(articleId, signature);
    for (const key of bandKeys(signature)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(articleId);
      else this.buckets.set(key, [articleId]);
    }
  }

  /** The most similar stored article at or above the threshold, if any. */
  findDuplicate(signature: Uint32Array): DuplicateMatch | null {
    let best: DuplicateMatch | null = null;
    const seen = new Set<number>();
    for (const key of bandKeys(signature)) {
      for (const id of this.buckets.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const s = similarity(signature, this.signatures.get(id)!);
        if (s >= DUPLICATE_THRESHOLD && (!best || s > best.similarity)) best = { articleId: id, similarity: s };
      }
    }
    return best;
  }
}

function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    keys.push(`${b}:${Array.from(signature.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`);
  }
  return keys;
}

/** The signature of an article body, or null when the body is too short to judge. */
export function bodySignature(paragraphs: string[]): Uint32Array | null {
  const text = paragraphs.join('\n');
  if (words(text).length < MIN_WORDS) return null;
  return minhash(text);
}
