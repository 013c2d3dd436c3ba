/**
 * Dedupe: is this article a syndicated copy of one already stored? MinHash signatures are banded
 * into an LSH index so a new article is compared only with the few that share a band.
 */
import { PERMUTATIONS, minhash, similarity, words } from './minhash.js';
import { withoutConsentNotices } from '../extract/consent-notice.js';

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
/** Fourteen days: syndicated copies of one wire text appear within days of each other. */
export const DEDUPE_WINDOW_MS = 14 * 86_400_000;
/** Bodies shorter than this many words (teasers, captions) are never merged: too little evidence. */
const MIN_WORDS = 40;

export interface DuplicateMatch {
  articleId: number;
  similarity: number;
}

/**
 * Memory: one Map per band, keyed by a 30-bit hash of the band's rows (a small integer, so no key
 * string), holding one id or, when several articles share the bucket, an array. A hash collision only
 * adds a candidate, which the full-signature check then rejects. Measured with 5,000 signatures:
 * 11.8 KB per article with "band:row,row" string keys and an array per bucket, 3.6 KB now.
 */
export class DedupeIndex {
  private readonly buckets = Array.from({ length: BANDS }, () => new Map<number, number | number[]>());
  /** In the order added (roughly time order): the oldest are forgotten first. */
  private readonly signatures = new Map<number, { signature: Uint32Array; atMs: number }>();
  /** The latest time added: entries older than it by the window are forgotten. */
  private clockMs = -Infinity;

  /**
   * `windowMs`: a signature is forgotten once one added this much later arrives (wire copies appear
   * within days; runtime/open.ts loads the same window at start), so a process that runs for months
   * holds a window's signatures, not every article it ever saw.
   */
  constructor(private readonly windowMs = DEDUPE_WINDOW_MS) {}

  get size(): number {
    return this.signatures.size;
  }

  has(articleId: number): boolean {
    return this.signatures.has(articleId);
  }

  /** `atMs`: when the article was seen (its first-seen time; now by default). */
  add(articleId: number, signature: Uint32Array, atMs = Date.now()): void {
    if (this.signatures.has(articleId)) return;
    if (atMs > this.clockMs) {
      this.clockMs = atMs;
      this.forgetBefore(atMs - this.windowMs);
    }
    if (atMs < this.clockMs - this.windowMs) return;
    this.signatures.set(articleId, { signature, atMs });
    for (let band = 0; band < BANDS; band++) {
      const map = this.buckets[band]!;
      const key = bandKey(signature, band);
      const bucket = map.get(key);
      if (bucket === undefined) map.set(key, articleId);
      else if (typeof bucket === 'number') map.set(key, [bucket, articleId]);
      else bucket.push(articleId);
    }
  }

  /** Forgets the signatures added before `beforeMs`, oldest first, up to the first newer one. */
  forgetBefore(beforeMs: number): number {
    let forgotten = 0;
    for (const [articleId, entry] of this.signatures) {
      if (entry.atMs >= beforeMs) break;
      this.remove(articleId, entry.signature);
      forgotten++;
    }
    return forgotten;
  }

  private remove(articleId: number, signature: Uint32Array): void {
    this.signatures.delete(articleId);
    for (let band = 0; band < BANDS; band++) {
      const map = this.buckets[band]!;
      const key = bandKey(signature, band);
      const bucket = map.get(key);
      if (bucket === articleId) map.delete(key);
      else if (Array.isArray(bucket)) {
        const at = bucket.indexOf(articleId);
        if (at >= 0) bucket.splice(at, 1);
        if (bucket.length === 1) map.set(key, bucket[0]!);
      }
    }
  }

  /** The most similar stored article at or above the threshold, if any (never `except`: the article itself). */
  findDuplicate(signature: Uint32Array, except?: number): DuplicateMatch | null {
    let best: DuplicateMatch | null = null;
    const seen = new Set<number>();
    const consider = (id: number) => {
      if (seen.has(id) || id === except) return;
      seen.add(id);
      const s = similarity(signature, this.signatures.get(id)!.signature);
      if (s >= DUPLICATE_THRESHOLD && (!best || s > best.similarity)) best = { articleId: id, similarity: s };
    };
    for (let band = 0; band < BANDS; band++) {
      const bucket = this.buckets[band]!.get(bandKey(signature, band));
      if (typeof bucket === 'number') consider(bucket);
      else if (bucket) for (const id of bucket) consider(id);
    }
    return best;
  }
}

/** A band's rows hashed (FNV-1a over the 32-bit values) into a non-negative small integer. */
function bandKey(signature: Uint32Array, band: number): number {
  let hash = 0x811c9dc5;
  for (let i = band * ROWS; i < (band + 1) * ROWS; i++) hash = Math.imul(hash ^ signature[i]!, 0x01000193);
  return hash >>> 2; // 30 bits: V8 keeps it a small integer
}

/**
 * The signature of an article body, or null when the body is too short to judge. A consent notice
 * kept in the body is left out: one publisher's banner on two articles does not make them copies.
 */
export function bodySignature(paragraphs: string[]): Uint32Array | null {
  const text = withoutConsentNotices(paragraphs.join('\n'));
  if (words(text).length < MIN_WORDS) return null;
  return minhash(text);
}
