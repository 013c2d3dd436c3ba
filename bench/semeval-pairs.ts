/**
 * How far word evidence alone goes on semeval-dev: pairwise scores between the two articles of each
 * judged pair (no clustering), each with one threshold chosen on the tune half, F1 on the held-out
 * half, and the held-out F1 at the best threshold for the held-out half itself ("ceiling": not a
 * result, the most that score could give there). The clusterer's own held-out figure is in
 * bench/semeval.ts; this shows what its word features could give if its decisions were pairwise.
 * Run: npx tsx bench/semeval-pairs.ts
 */
import {
  bestThreshold,
  loadSemevalHalves,
  scorePairs,
  tfidfCosine,
  type SemevalArticle,
  type SemevalPair,
} from '../eval/sets/semeval.js';
import { articleTerms, isAnchorTerm, isNameTerm } from '../src/pipeline/cluster/features.js';
import { stemmerFor } from '../src/pipeline/cluster/stemmers.js';
import { foldName } from '../src/pipeline/enrich/spellings.js';

const { articles, tune, heldOut } = loadSemevalHalves();
type Score = (p: SemevalPair) => number;

/** Cosine of 1 + log tf times idf, document frequencies counted per language. */
function cosineOf(tokens: (a: SemevalArticle) => string[]): Score {
  const docs = new Map(articles.map((a) => [a.id, tokens(a)]));
  const df = new Map<string, number>();
  const perLanguage = new Map<string, number>();
  for (const a of articles) {
    perLanguage.set(a.language, (perLanguage.get(a.language) ?? 0) + 1);
    for (const t of new Set(docs.get(a.id))) df.set(`${a.language}:${t}`, (df.get(`${a.language}:${t}`) ?? 0) + 1);
  }
  const vectors = new Map<string, Map<string, number>>();
  for (const a of articles) {
    const tf = new Map<string, number>();
    for (const t of docs.get(a.id)!) tf.set(t, (tf.get(t) ?? 0) + 1);
    const n = perLanguage.get(a.language)!;
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of tf) {
      const x = (1 + Math.log(c)) * Math.log((n + 1) / (df.get(`${a.language}:${t}`)! + 0.5));
      v.set(t, x);
      norm += x * x;
    }
    for (const [t, x] of v) v.set(t, x / (Math.sqrt(norm) || 1));
    vectors.set(a.id, v);
  }
  return (p) => {
    const [x, y] = [vectors.get(p.id1)!, vectors.get(p.id2)!];
    let dot = 0;
    for (const [t, v] of x) dot += v * (y.get(t) ?? 0);
    return dot;
  };
}

const words = (a: SemevalArticle) => `${a.title} ${a.text}`.toLowerCase().match(/\p{L}+|\d+/gu) ?? [];
const stems = (cut: number) => (a: SemevalArticle) => {
  const stem = stemmerFor(a.language);
  return words(a).map((w) => (/^\d/.test(w) ? w : foldName(stem ? stem(w) : w)).slice(0, cut || undefined));
};
/** The clusterer's own terms (features.ts), each repeated by its rounded weight. */
const clusterTerms = (keep: (t: string) => boolean) => {
  const terms = new Map(
    articles.map((a) => [a.id, articleTerms([{ title: a.title, text: a.text, language: a.language }]).terms]),
  );
  return (a: SemevalArticle) =>
    [...terms.get(a.id)!].flatMap(([t, w]) => (keep(t) ? Array<string>(Math.round(w)).fill(t) : []));
};

const peer = tfidfCosine(articles);
const variants: [string, Score][] = [
  ['TF-IDF cosine (the peer: words, idf over all)', (p) => peer(p.id1, p.id2)],
  ['words, idf per language', cosineOf(words)],
  ['Snowball stems, idf per language', cosineOf(stems(0))],
  ['stems cut to 5 letters, idf per language', cosineOf(stems(5))],
  ["clusterer's terms without name repeats", cosineOf(clusterTerms((t) => !isNameTerm(t)))],
  ["clusterer's words only (no names, numbers)", cosineOf(clusterTerms((t) => !isAnchorTerm(t)))],
  ["clusterer's anchors only (names, numbers)", cosineOf(clusterTerms(isAnchorTerm))],
];
console.log('pair score | threshold (tune) | tune F1 | held-out F1 (P / R) | held-out ceiling');
for (const [name, score] of variants) {
  const t = bestThreshold(tune, score);
  const a = scorePairs(tune, (p) => score(p) >= t);
  const b = scorePairs(heldOut, (p) => score(p) >= t);
  const best = bestThreshold(heldOut, score);
  const ceiling = scorePairs(heldOut, (p) => score(p) >= best);
  console.log(
    `${name} | ${t.toFixed(2)} | ${a.f1.toFixed(3)} | ${b.f1.toFixed(3)} (${b.precision.toFixed(2)} / ${b.recall.toFixed(2)}) | ${ceiling.f1.toFixed(3)}`,
  );
}
