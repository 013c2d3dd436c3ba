/**
 * Story clustering on real news: pair P/R/F1 on semeval-dev's decisive pairs (metric and written
 * split: eval/sets/semeval.ts), overall and per language pair, for the clusterer (as
 * `happenings cluster --no-translate`) and, in the same run, the peer: plain TF-IDF cosine with one
 * threshold chosen on the tune half.
 * Run: npx tsx bench/semeval.ts   (JOIN=0.3 ANCHOR=0.5 to try clusterer options)
 */
import { performance } from 'node:perf_hooks';
import {
  bestThreshold,
  clusterSemeval,
  loadSemevalHalves,
  scoreByLanguages,
  scorePairs,
  tfidfCosine,
  type PairScore,
  type SemevalPair,
} from '../eval/sets/semeval.js';
import type { ClusterOptions } from '../src/pipeline/cluster/clusterer.js';

const { articles, tune, heldOut } = loadSemevalHalves();
const halves = { tune, 'held-out': heldOut };

const options: Partial<ClusterOptions> = {};
if (process.env.JOIN) options.joinSimilarity = Number(process.env.JOIN);
if (process.env.ANCHOR) options.anchorShare = Number(process.env.ANCHOR);
if (process.env.MERGE) options.mergeSimilarity = Number(process.env.MERGE);

const t0 = performance.now();
const story = clusterSemeval(articles, options);
const seconds = (performance.now() - t0) / 1000;
const clustered = (p: SemevalPair) => story.get(p.id1) === story.get(p.id2);

const cosine = tfidfCosine(articles);
const score = (p: SemevalPair) => cosine(p.id1, p.id2);
const threshold = bestThreshold(halves.tune, score);
const peer = (p: SemevalPair) => score(p) >= threshold;

const fmt = (s: PairScore) => `${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} | ${s.pairs}`;
console.log(
  `semeval-dev: ${articles.length} articles clustered in ${seconds.toFixed(1)} s (${(articles.length / seconds).toFixed(0)}/s), ${new Set(story.values()).size} stories; ` +
    `decisive pairs: tune ${halves.tune.length} (${halves.tune.filter((p) => p.same).length} same), held-out ${halves['held-out'].length} (${halves['held-out'].filter((p) => p.same).length} same)`,
);
console.log(`options: ${JSON.stringify(options)}; peer threshold (chosen on tune): ${threshold.toFixed(2)}`);
console.log('half | method | P | R | F1 | pairs');
for (const [half, set] of Object.entries(halves)) {
  console.log(`${half} | clusterer | ${fmt(scorePairs(set, clustered))}`);
  console.log(`${half} | TF-IDF cosine | ${fmt(scorePairs(set, peer))}`);
}
console.log('\nper language pair (held-out) | clusterer P | R | F1 | pairs | TF-IDF F1');
const peerBy = new Map(scoreByLanguages(halves['held-out'], peer, 1));
for (const [langs, s] of scoreByLanguages(halves['held-out'], clustered, 1))
  console.log(`${langs} | ${fmt(s)} | ${peerBy.get(langs)!.f1.toFixed(3)}`);
console.log('\nper language pair (tune) | clusterer P | R | F1 | pairs | TF-IDF F1');
const peerTune = new Map(scoreByLanguages(halves.tune, peer, 1));
for (const [langs, s] of scoreByLanguages(halves.tune, clustered, 1))
  console.log(`${langs} | ${fmt(s)} | ${peerTune.get(langs)!.f1.toFixed(3)}`);
