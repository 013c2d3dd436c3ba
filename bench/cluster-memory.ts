/**
 * Memory in a long run (issue 18): the story tracker (clusterer, dedupe index and their maps) fed
 * DAYS simulated days of PER_DAY articles each, in time order, with syndicated copies among them.
 * Prints the heap after a full GC at the end of each reported day; once the windows have filled
 * (dedupe 14 days, stories forgotten 15 days after their last article, document frequencies halved
 * every 100,000 articles) the heap should stay flat. The peer measured in the same run is the same
 * feed through a tracker whose windows never close (what the process held before).
 *
 * Run: npm run bench:memory  (DAYS=60 PER_DAY=5000 by default; DAYS=20 PER_DAY=2000 for a quick look)
 * The store is a stand-in in memory that keeps nothing: only the tracker's own memory is measured.
 */
import { performance } from 'node:perf_hooks';
import type { Article } from '../src/model.js';
import { StoryTracker } from '../src/pipeline/cluster/persist.js';
import { DedupeIndex } from '../src/pipeline/dedupe/index.js';
import type { Store } from '../src/store/index.js';

const DAYS = Number(process.env.DAYS ?? 60);
const PER_DAY = Number(process.env.PER_DAY ?? 5_000);
const REPORT_EVERY = Number(process.env.REPORT_EVERY ?? Math.max(1, Math.round(DAYS / 12)));
const DAY_MS = 86_400_000;
const START_MS = Date.parse('2026-01-01T00:00:00Z');

if (!globalThis.gc) {
  console.error('bench:memory needs --expose-gc (npm run bench:memory passes it)');
  process.exit(1);
}

/** A store that answers what the tracker asks while it clusters, and keeps nothing. */
function nullStore(): Store {
  let nextStory = 1;
  const store = {
    dialect: { sharedWriters: false },
    withStoriesLocked: <T>(work: (s: Store) => Promise<T>) => work(store as unknown as Store),
    createStory: async () => nextStory++,
    addStoryArticle: async () => undefined,
    mergeStories: async () => undefined,
  };
  return store as unknown as Store;
}

/** Deterministic news: events of 1–12 articles over up to two days, names and numbers of their own, copies. */
function* news(days: number, perDay: number): Generator<{ article: Article; language: string }> {
  let seed = 20261207;
  const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed % n);
  const word = (i: number) => `w${i.toString(36)}ba`;
  const languages = ['en', 'es', 'de', 'fr'];
  let made = 0;
  let lastBody: string[] | null = null;
  while (made < days * perDay) {
    // New names every event: the vocabulary grows without end, as real news does.
    const names = Array.from({ length: 3 }, () => `Nam${rand(10_000_000).toString(36)}`);
    const numbers = Array.from({ length: 2 }, () => String(10 + rand(1_000_000)));
    const topic = Array.from({ length: 8 }, () => word(rand(50_000)));
    const size = 1 + rand(12);
    for (let k = 0; k < size && made < days * perDay; k++, made++) {
      const atMs = START_MS + (made / perDay) * DAY_MS + rand(DAY_MS / 2);
      const copy: boolean = lastBody !== null && rand(10) === 0;
      const paragraphs: string[] = copy
        ? [...lastBody!.slice(1), `Reporting by ${names[0]}.`]
        : Array.from({ length: 6 }, () =>
            Array.from({ length: 25 }, (_, i) =>
              i % 9 === 0
                ? names[rand(3)]
                : i % 13 === 0
                  ? numbers[rand(2)]
                  : i % 4 === 0
                    ? topic[rand(8)]
                    : word(rand(8_000)),
            ).join(' '),
          );
      lastBody = paragraphs;
      const article = {
        url: `https://example.com/${made}`,
        title: `${names[0]} ${topic[0]} ${numbers[0]}`,
        paragraphs,
        publishedAt: new Date(atMs).toISOString(),
      } as unknown as Article;
      yield { article, language: languages[rand(languages.length)]! };
    }
  }
}

interface Run {
  label: string;
  tracker: StoryTracker;
  dedupe: DedupeIndex;
}

async function feed(run: Run): Promise<{ day: number; heapMb: number; rate: number }[]> {
  const rows: { day: number; heapMb: number; rate: number }[] = [];
  let id = 0;
  let dayStarted = performance.now();
  for (const { article, language } of news(DAYS, PER_DAY)) {
    id++;
    await run.tracker.track({ articleId: id, article, language, translations: [], sourceId: null });
    if (id % PER_DAY !== 0) continue;
    const day = id / PER_DAY;
    const rate = PER_DAY / ((performance.now() - dayStarted) / 1000);
    if (day % REPORT_EVERY === 0 || day === DAYS) {
      globalThis.gc!();
      const heapMb = process.memoryUsage().heapUsed / 1e6;
      rows.push({ day, heapMb, rate });
      const stories = run.tracker.clusterer.index.stories.size;
      const line = `${run.label} day ${String(day).padStart(3)}: heap ${heapMb.toFixed(0).padStart(5)} MB, ${stories} stories held, ${run.dedupe.size} signatures, ${rate.toFixed(0)} articles/s`;
      if (process.stdout.isTTY) process.stdout.write(`\r${line}\n`);
      else console.log(line);
    }
    dayStarted = performance.now();
  }
  return rows;
}

/**
 * The heap growth between the day the windows have filled and the end: day 20 (dedupe 14 days,
 * stories forgotten 15 days after their last article, document frequencies halved at 20 days' worth),
 * or half of a shorter run.
 */
function growth(rows: { day: number; heapMb: number }[]): { day: number; from: number; to: number; ratio: number } {
  const filled = Math.min(20, Math.max(1, Math.floor(DAYS / 2)));
  const at = rows.find((r) => r.day >= filled) ?? rows[0]!;
  const end = rows[rows.length - 1]!;
  return { day: at.day, from: at.heapMb, to: end.heapMb, ratio: end.heapMb / at.heapMb };
}

console.log(`bench:memory: ${DAYS} days × ${PER_DAY.toLocaleString('en')} articles/day through the story tracker`);
// Document frequencies halve every 100,000 articles, 20 days at 5,000 a day: at a smaller PER_DAY
// the bench halves them after the same 20 days, so a shorter run shows the same shape.
const halveDocs = Math.round((100_000 * PER_DAY) / 5_000);
const dedupe = new DedupeIndex();
const bounded = await feed({
  label: 'windows',
  tracker: new StoryTracker(nullStore(), dedupe, 'en', { halveDocs }),
  dedupe,
});
const b = growth(bounded);
globalThis.gc();

// The peer: the same tracker with windows that never close (as before: nothing forgotten until a restart).
let peerLine = 'peer skipped (PEER=0)';
if (process.env.PEER !== '0') {
  const forever = new DedupeIndex(Infinity);
  const tracker = new StoryTracker(nullStore(), forever, 'en', { forgetMs: Infinity, halveDocs: Infinity });
  const peer = await feed({ label: 'no windows', tracker, dedupe: forever });
  const p = growth(peer);
  peerLine = `no windows (the peer): ${p.from.toFixed(0)} → ${p.to.toFixed(0)} MB (×${p.ratio.toFixed(2)}); at the end ${(b.to / p.to).toFixed(2)} of the peer's heap`;
}
console.log(
  `\nheap from day ${b.day} to day ${DAYS}: windows ${b.from.toFixed(0)} → ${b.to.toFixed(0)} MB (×${b.ratio.toFixed(2)}); ${peerLine}`,
);
console.log(
  `rate at the end: ${bounded[bounded.length - 1]!.rate.toFixed(0)} articles/s (floor 200 with 100,000 in history)`,
);
