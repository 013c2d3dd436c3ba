/**
 * Story clustering: quality (B-cubed on NTREX and events.jsonl) and speed (articles/s added with
 * 100,000 synthetic articles already clustered, memory per 100k). The peer measured in the same
 * run is the MinHash dedupe check of the same articles (a stage every article already pays).
 * Run: npm run bench:cluster   (HISTORY=20000 for a quicker run)
 */
import { performance } from 'node:perf_hooks';
import {
  NTREX_CORE,
  NTREX_WIDE,
  loadEvents,
  loadNtrexShuffled,
  sameEventGold,
  scoreSet,
  withApertiumEnglish,
} from '../eval/sets/cluster.js';
import { StoryClusterer, type ClusterArticle } from '../src/pipeline/cluster/clusterer.js';
import { bodySignature } from '../src/pipeline/dedupe/index.js';

const HISTORY = Number(process.env.HISTORY ?? 100_000);
const MEASURED = 3_000;
const PER_DAY = 1_000;

/** Each set as written, and with English from Apertium as the server would have it (no Apertium: "as written" only). */
async function quality(): Promise<void> {
  const core = loadNtrexShuffled(NTREX_CORE);
  const wide = loadNtrexShuffled(NTREX_WIDE);
  const events = loadEvents();
  const english = await withApertiumEnglish([...wide, ...events]).catch((e: Error) => (console.log(e.message), null));
  const withEn = <T extends { id: string }>(set: T[]) =>
    english ? set.map((a) => english.find((e) => e.id === a.id) ?? a) : null;
  const sameEvent = sameEventGold();
  const rows: [string, ReturnType<typeof scoreSet> | null][] = [
    ['NTREX es/ca/gl/eu/en (615 docs), as written', scoreSet(core)],
    ['NTREX es/ca/gl/eu/en, with English (Apertium)', english && scoreSet(withEn(core)!)],
    ['  same, same-event documents united (ntrex-same-event.tsv)', english && scoreSet(withEn(core)!, sameEvent)],
    ['NTREX + fr/de/pt/it/ru (1230 docs), as written', scoreSet(wide)],
    ['NTREX + fr/de/pt/it/ru, with English (fr, pt via es)', english && scoreSet(withEn(wide)!)],
    ['events.jsonl (es/en/fr/de/pt, hard negatives), as written', scoreSet(events)],
    ['events.jsonl, with English (Apertium)', english && scoreSet(withEn(events)!)],
  ];
  console.log('set | B-cubed P | R | F1');
  for (const [name, s] of rows)
    if (s) console.log(`${name} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)}`);
}

/** Deterministic pseudo-random words, names and numbers; events of 1–8 articles over days. */
function synthetic(count: number, startMs: number): ClusterArticle[] {
  let seed = 12345;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const word = (i: number) => `w${i.toString(36)}ba`;
  const out: ClusterArticle[] = [];
  while (out.length < count) {
    const names = Array.from({ length: 3 }, () => `Nam${rand(200_000).toString(36)}`);
    const numbers = Array.from({ length: 2 }, () => String(10 + rand(100_000)));
    const topic = Array.from({ length: 8 }, () => word(rand(20_000)));
    const size = 1 + rand(8);
    for (let k = 0; k < size && out.length < count; k++) {
      const body = Array.from({ length: 120 }, (_, i) =>
        i % 10 === 0
          ? names[rand(3)]
          : i % 15 === 0
            ? numbers[rand(2)]
            : i % 4 === 0
              ? topic[rand(8)]
              : word(rand(5_000)),
      );
      out.push({
        publishedAtMs: startMs + (out.length / PER_DAY) * 86_400_000,
        samples: [{ title: `${names[0]} ${topic[0]} ${numbers[0]}`, text: `Today ${body.join(' ')}.` }],
      });
    }
  }
  return out;
}

function speed(): void {
  const all = synthetic(HISTORY + MEASURED, Date.parse('2026-01-01T00:00:00Z'));
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const clusterer = new StoryClusterer();
  const t0 = performance.now();
  for (const a of all.slice(0, HISTORY)) clusterer.add(a);
  const historyS = (performance.now() - t0) / 1000;
  globalThis.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1e6;
  const t1 = performance.now();
  for (const a of all.slice(HISTORY)) clusterer.add(a);
  const rate = MEASURED / ((performance.now() - t1) / 1000);
  const t2 = performance.now();
  for (const a of all.slice(HISTORY)) bodySignature([a.samples[0]!.text]);
  const peerRate = MEASURED / ((performance.now() - t2) / 1000);
  console.log(
    `\nhistory: ${HISTORY} articles clustered in ${historyS.toFixed(1)} s, ${clusterer.index.stories.size} stories, ${clusterer.index.openCount} open`,
  );
  console.log(
    `memory: ${heapMb.toFixed(0)} MB heap for ${HISTORY} articles (${((heapMb * 100_000) / HISTORY).toFixed(0)} MB per 100k)${globalThis.gc ? '' : ' (run with --expose-gc for a cleaner figure)'}`,
  );
  console.log(
    `adding after history: ${rate.toFixed(0)} articles/s (floor 200); peer MinHash dedupe of the same articles: ${peerRate.toFixed(0)}/s; ratio ${(rate / peerRate).toFixed(2)}`,
  );
}

await quality();
speed();
