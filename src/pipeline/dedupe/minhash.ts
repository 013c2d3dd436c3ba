/**
 * MinHash signatures over word shingles, in typed arrays. Syndicated copies of one wire text share
 * most of their 4-word shingles even when a paragraph is added or cut and the headline rewritten;
 * distinct articles on the same topic share almost none.
 */
export const PERMUTATIONS = 128;
/** 4-word shingles: long enough that common phrases ("el presidente de la") rarely carry a match alone. */
const SHINGLE_WORDS = 4;

/** Lower-cased words of a text, accents kept (they matter in Spanish), punctuation dropped. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FNV-1a over a string, 32 bits. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3's finalizer); with a per-permutation seed it acts as one hash function. */
function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const seeds = (() => {
  const out = new Uint32Array(PERMUTATIONS);
  let s = 0x9e3779b9;
  for (let i = 0; i < PERMUTATIONS; i++) {
    s = mix(s + i, 0x7f4a7c15);
    out[i] = s;
  }
  return out;
})();

/** Hashes of the distinct shingles of a text. */
export function shingleHashes(text: string): Uint32Array {
  const w = words(text);
  const distinct = new Set<number>();
  const n = Math.max(1, w.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < n && w.length > 0; i++) {
    distinct.add(hashString(w.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return Uint32Array.from(distinct);
}

/** The MinHash signature of a text (all 0xffffffff for an empty text). */
export function minhash(text: string): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  const shingles = shingleHashes(text);
  for (let p = 0; p < PERMUTATIONS; p++) {
    const seed = seeds[p]!;
    let min = 0xffffffff;
    for (let i = 0; i < shingles.length; i++) {
      const v = mix(shingles[i]!, seed);
      if (v < min) min = v;
    }
    sig[p] = min;
  }
  return sig;
}

/** Estimated Jaccard similarity of the two texts' shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / PERMUTATIONS;
}

export function encodeSignature(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}

export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
