/**
 * The clusterer's vector maths: an article's terms weighed by idf (tf-idf, with the norms each score
 * needs), the cosine between it and another article's raw vector, and the terms they share. Pure:
 * the idf comes from the caller (the clusterer's document frequencies, as of now).
 */
import { isAnchorTerm, isNameTerm, type Headline } from './features.js';

export type Idf = (term: string) => number;

export interface WeightedArticle {
  weighted: Map<string, number>;
  norm: number;
  anchorNorm: number;
  /** Norm without the name terms ('n:'), which repeat capitalised words (the same-language score). */
  plainNorm: number;
  language: string | null;
  headline?: Headline;
}

/** An article's raw term weights (1 + log tf) times idf, with the norms of its terms, anchors and plain words. */
export function weighArticle(
  vector: Map<string, number>,
  idf: Idf,
  language: string | null = null,
  headline?: Headline,
): WeightedArticle {
  const weighted = new Map<string, number>();
  let norm = 0;
  let anchorNorm = 0;
  let plainNorm = 0;
  for (const [t, raw] of vector) {
    const w = raw * idf(t);
    weighted.set(t, w);
    norm += w * w;
    if (isAnchorTerm(t)) anchorNorm += w * w;
    if (!isNameTerm(t)) plainNorm += w * w;
  }
  return {
    weighted,
    norm: Math.sqrt(norm) || 1,
    anchorNorm: Math.sqrt(anchorNorm),
    plainNorm: Math.sqrt(plainNorm) || 1,
    language,
    headline,
  };
}

/**
 * Two articles in one language meet on their words (names counted once, as words: measured on
 * semeval-dev, extra name weight and the anchor blend cost same-language F1). Across languages
 * words rarely meet and anchors do: a blend of the cosine over all terms and over anchors alone.
 * One pass over the other vector.
 */
export function articleCosine(
  article: WeightedArticle,
  other: Map<string, number>,
  idf: Idf,
  sameLanguage: boolean,
  anchorShare: number,
): number {
  let dot = 0;
  let norm = 0;
  let anchorDot = 0;
  let anchorNorm = 0;
  let plainDot = 0;
  let plainNorm = 0;
  for (const [term, raw] of other) {
    const w = raw * idf(term);
    const anchor = isAnchorTerm(term);
    const name = isNameTerm(term);
    norm += w * w;
    if (anchor) anchorNorm += w * w;
    if (!name) plainNorm += w * w;
    const a = article.weighted.get(term);
    if (a === undefined) continue;
    dot += a * w;
    if (anchor) anchorDot += a * w;
    if (!name) plainDot += a * w;
  }
  const anchors =
    anchorNorm > 0 && article.anchorNorm > 0 ? anchorDot / (article.anchorNorm * Math.sqrt(anchorNorm)) : 0;
  if (sameLanguage) return plainNorm > 0 ? plainDot / (article.plainNorm * Math.sqrt(plainNorm)) : 0;
  const full = norm > 0 ? dot / (article.norm * Math.sqrt(norm)) : 0;
  return (1 - anchorShare) * full + anchorShare * anchors;
}

/** Terms the article shares with another vector, heaviest contribution first (the "why"). */
export function sharedTerms(article: WeightedArticle, other: Map<string, number>, idf: Idf): string[] {
  const parts: [string, number][] = [];
  for (const [term, raw] of other) {
    const a = article.weighted.get(term);
    if (a !== undefined) parts.push([term, a * raw * idf(term)]);
  }
  return parts.sort((x, y) => y[1] - x[1]).map(([t]) => t);
}
