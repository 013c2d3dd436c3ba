/**
 * Same-story judgements on real multilingual news (../shared/data/stories/semeval-dev, half of the
 * SemEval-2022 Task 8 training pairs): the set, its written split, and the pair metric.
 *
 * Metric (data README): a pair judged overall <= 1.5 is "same", >= 2.5 "different", the middle is
 * skipped; a pair is predicted "same" when both articles ended in one story. P, R, F1 of "same".
 *
 * Split (fixed, written here so it never drifts): the pairs form a graph over articles; each
 * connected component goes whole to one half by FNV-1a of its smallest article id — even: "tune",
 * odd: "held-out". No article and no pair is in both halves, and no pair is lost. Parameters are
 * chosen on "tune" pairs only; "held-out" is reported. The clusterer itself runs over all articles
 * at once (it never sees a label), so both halves are scored in one realistic run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterOptions } from '../../src/pipeline/cluster/clusterer.js';
import { ClusterStream, inPublishedOrder } from '../../src/pipeline/cluster/stream.js';
import { repoRoot } from './ntrex.js';

export const SEMEVAL_DIR = join(repoRoot, '../shared/data/stories/semeval-dev');

export interface SemevalArticle {
  id: string;
  title: string;
  text: string;
  language: string;
  publishedAt: string;
}

export type Half = 'tune' | 'held-out';

export interface SemevalPair {
  id1: string;
  id2: string;
  same: boolean;
  half: Half;
  /** The two languages, sorted: "de-en". */
  languages: string;
}

export function loadSemevalArticles(dir = SEMEVAL_DIR): SemevalArticle[] {
  return readFileSync(join(dir, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SemevalArticle);
}

/** The articles and their decisive pairs, all of them and split into the written halves. */
export function loadSemevalHalves(dir = SEMEVAL_DIR) {
  const articles = loadSemevalArticles(dir);
  const pairs = loadSemevalPairs(articles, dir);
  return {
    articles,
    pairs,
    tune: pairs.filter((p) => p.half === 'tune'),
    heldOut: pairs.filter((p) => p.half === 'held-out'),
  };
}

/** The decisive pairs (overall <= 1.5 or >= 2.5) with their half and language pair. */
export function loadSemevalPairs(articles: SemevalArticle[], dir = SEMEVAL_DIR): SemevalPair[] {
  const language = new Map(articles.map((a) => [a.id, a.language]));
  const raw = readFileSync(join(dir, 'pairs.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split('\t'))
    .map(([id1, id2, overall]) => ({ id1: id1!, id2: id2!, overall: Number(overall) }))
    .filter((p) => language.has(p.id1) && language.has(p.id2));
  const halfOf = componentHalves(raw);
  return raw
    .filter((p) => p.overall <= 1.5 || p.overall >= 2.5)
    .map((p) => ({
      id1: p.id1,
      id2: p.id2,
      same: p.overall <= 1.5,
      half: halfOf(p.id1),
      languages: [language.get(p.id1)!, language.get(p.id2)!].sort().join('-'),
    }));
}

/** Union-find over all judged pairs (decisive or not); a component's half from its smallest id. */
function componentHalves(pairs: { id1: string; id2: string }[]): (id: string) => Half {
  const componentOf = pairComponents(pairs);
  return (id) => (fnv1a(componentOf(id)) % 2 === 0 ? 'tune' : 'held-out');
}

/** The connected component of an article in the graph of `pairs`, named by its smallest id (union-find). */
export function pairComponents(pairs: { id1: string; id2: string }[]): (id: string) => string {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const { id1, id2 } of pairs) {
    const [a, b] = [find(id1), find(id2)];
    // The smaller id is the root, so the root is the component's smallest id.
    if (a !== b) a < b ? parent.set(b, a) : parent.set(a, b);
  }
  return find;
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export interface PairScore {
  precision: number;
  recall: number;
  f1: number;
  pairs: number;
}

/** P/R/F1 of "same" over pairs, given a predicate saying whether a pair was predicted same. */
export function scorePairs(pairs: SemevalPair[], predictedSame: (p: SemevalPair) => boolean): PairScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const predicted = predictedSame(p);
    if (predicted && p.same) tp++;
    else if (predicted) fp++;
    else if (p.same) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pairs: pairs.length };
}

/** Scores per language pair (those with at least `min` pairs), largest first. */
export function scoreByLanguages(
  pairs: SemevalPair[],
  predictedSame: (p: SemevalPair) => boolean,
  min = 5,
): [string, PairScore][] {
  const groups = new Map<string, SemevalPair[]>();
  for (const p of pairs) groups.set(p.languages, [...(groups.get(p.languages) ?? []), p]);
  return [...groups]
    .filter(([, g]) => g.length >= min)
    .sort((a, b) => b[1].length - a[1].length)
    .map(([k, g]) => [k, scorePairs(g, predictedSame)]);
}

/**
 * The peer: plain TF-IDF cosine between the two articles of a pair (lower-cased \p{L}+ and digit
 * tokens, 1 + log tf, idf over the whole set), "same" at or above one threshold.
 */
export function tfidfCosine(articles: SemevalArticle[]): (id1: string, id2: string) => number {
  const tokens = new Map(
    articles.map((a) => [a.id, (a.title + ' ' + a.text).toLowerCase().match(/\p{L}+|\d+/gu) ?? []]),
  );
  const df = new Map<string, number>();
  for (const t of tokens.values()) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const vectors = new Map<string, Map<string, number>>();
  for (const [id, t] of tokens) {
    const tf = new Map<string, number>();
    for (const w of t) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, n] of tf) {
      const x = (1 + Math.log(n)) * Math.log(articles.length / df.get(w)!);
      v.set(w, x);
      norm += x * x;
    }
    for (const [w, x] of v) v.set(w, x / (Math.sqrt(norm) || 1));
    vectors.set(id, v);
  }
  return (id1, id2) => {
    const [a, b] = [vectors.get(id1)!, vectors.get(id2)!];
    let dot = 0;
    for (const [w, x] of a) dot += x * (b.get(w) ?? 0);
    return dot;
  };
}

/** The threshold with the best F1 on the given pairs (for the peer: chosen on "tune" only). */
export function bestThreshold(pairs: SemevalPair[], score: (p: SemevalPair) => number): number {
  let best = { t: 0, f1: -1 };
  for (let t = 0.01; t < 1; t += 0.01) {
    const { f1 } = scorePairs(pairs, (p) => score(p) >= t);
    if (f1 > best.f1) best = { t, f1 };
  }
  return best.t;
}

/** The story of each article after running the set through the online stream, as `happenings cluster --no-translate`. */
export function clusterSemeval(articles: SemevalArticle[], options: Partial<ClusterOptions> = {}): Map<string, number> {
  const stream = new ClusterStream(Date.parse('2030-01-01T00:00:00Z'), options);
  stream.learnFrequencies(articles);
  const results = inPublishedOrder(articles).map((a) => ({ a, r: stream.add(a) }));
  return new Map(results.map(({ a, r }) => [a.id, stream.resolve(r.story)]));
}
