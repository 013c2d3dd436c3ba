/**
 * Dedupe: precision and recall of syndicated-copy detection on the bench set (demo publisher +
 * NTREX; see eval/sets/dedupe.ts), and the speed of our typed-array MinHash. No npm
 * MinHash package is installed to compare with; the peer in the same run is a plain-array MinHash
 * (the same algorithm without typed arrays), which is what the npm packages do.
 * Run: npm run bench:dedupe
 */
import { performance } from 'node:perf_hooks';
import { readLimits } from '../eval/gate.js';
import { buildDedupeSet, scoreDedupe } from '../eval/sets/dedupe.js';
import { minhash, shingleHashes } from '../src/pipeline/dedupe/minhash.js';

const set = buildDedupeSet();
const score = scoreDedupe(set);
const floors = readLimits('dedupe').atLeast;
console.log(`dedupe set: ${set.indexed.length} indexed, ${set.queries.length} queries`);
console.log(
  `precision ${score.precision.toFixed(3)}  recall ${score.recall.toFixed(3)}  (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives}; floors ${floors.precision} and ${floors.recall}, eval/floors/dedupe.json)`,
);

const texts = set.queries.map((q) => q.paragraphs.join('\n'));
const rounds = 5;

function plainMinhash(text: string): number[] {
  // Same shingles; permutations as (a·x + b) mod p over plain numbers, as the npm packages do.
  const shingles = [...shingleHashes(text)];
  const out: number[] = [];
  for (let p = 0; p < 128; p++) {
    const a = 2 * p + 1;
    const b = 7919 * p;
    let min = Infinity;
    for (const s of shingles) min = Math.min(min, (a * s + b) % 4294967311);
    out.push(min);
  }
  return out;
}

function rate(f: (t: string) => unknown): number {
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) f(t);
  return (rounds * texts.length) / ((performance.now() - t0) / 1000);
}

const ours = rate(minhash);
const peer = rate(plainMinhash);
console.log(
  `signatures/s: typed arrays ${ours.toFixed(0)}, plain arrays ${peer.toFixed(0)}; ratio ${(ours / peer).toFixed(2)}`,
);
