/**
 * Story clustering on real news: pair P/R/F1 on semeval-dev's decisive pairs (metric and written
 * split: eval/sets/semeval.ts), overall and per language pair, for the clusterer (as
 * `happenings cluster --no-translate`) and, in the same run, the peer: plain TF-IDF cosine with one
 * threshold chosen on the tune half. With a 95 % bootstrap interval of each held-out F1 (pairs drawn
 * again by connected component), and of the clusterer's lead over the peer in the same draws.
 * Run: npx tsx bench/semeval.ts   (JOIN=0.3 ANCHOR=0.5 to try clusterer options)
 */
import { performance } from 'node:perf_hooks';
import {
  bestThreshold,
  clusterSemeval,
  loadSemevalHalves,
  pairComponents,
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
// How far F1 on held-out could move with another draw of stories like these: pairs resampled by
// connected component (the unit the written split assigns), 2,000 times, same seed every run.
const range = ([low, high]: number[]) => `${low!.toFixed(3)} to ${high!.toFixed(3)}`;
const interval = bootstrapF1(halves['held-out'], [clustered, peer], 2000);
console.log(
  `held-out F1, 95 % bootstrap intervals over pair components: clusterer ${range(interval[0]!)}, TF-IDF ${range(interval[1]!)}, clusterer less TF-IDF ${range(interval[2]!)}`,
);
console.log('\nper language pair (held-out) | clusterer P | R | F1 | pairs | TF-IDF F1');
const peerBy = new Map(scoreByLanguages(halves['held-out'], peer, 1));
for (const [langs, s] of scoreByLanguages(halves['held-out'], clustered, 1))
  console.log(`${langs} | ${fmt(s)} | ${peerBy.get(langs)!.f1.toFixed(3)}`);
console.log('\nper language pair (tune) | clusterer P | R | F1 | pairs | TF-IDF F1');
const peerTune = new Map(scoreByLanguages(halves.tune, peer, 1));
for (const [langs, s] of scoreByLanguages(halves.tune, clustered, 1))
  console.log(`${langs} | ${fmt(s)} | ${peerTune.get(langs)!.f1.toFixed(3)}`);

/**
 * 2.5 % and 97.5 % percentiles of each method's F1 over `rounds` resamples of the pairs' components,
 * then of the first method's F1 less the second's.
 */
function bootstrapF1(pairs: SemevalPair[], methods: ((p: SemevalPair) => boolean)[], rounds: number): number[][] {
  const componentOf = pairComponents(pairs);
  const groups = new Map<string, SemevalPair[]>();
  for (const p of pairs) {
    const component = componentOf(p.id1);
    const group = groups.get(component);
    if (group) group.push(p);
    else groups.set(component, [p]);
  }
  const components = [...groups.values()];
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const f1s = methods.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    const drawn = Array.from(
      { length: components.length },
      () => components[Math.floor(random() * components.length)]!,
    ).flat();
    methods.forEach((m, i) => f1s[i]!.push(scorePairs(drawn, m).f1));
  }
  // The last entry: the first method's F1 less the second's, in the same draws.
  const difference = f1s[0]!.map((f, r) => f - f1s[1]![r]!);
  return [...f1s, difference].map((f) => {
    f.sort((a, b) => a - b);
    return [f[Math.floor(0.025 * rounds)]!, f[Math.floor(0.975 * rounds)]!];
  });
}
