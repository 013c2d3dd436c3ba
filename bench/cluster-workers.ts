/**
 * Clustering across worker processes on PostgreSQL: articles/s that the clustering turn (one
 * article at a time over all workers, each catching up first; src/pipeline/cluster/persist.ts)
 * lets through with 1–4 worker processes, each a child process with its own store and tracker.
 * Only `track` is timed (the articles are saved first), so this is the ceiling clustering puts on
 * ingest, not ingest speed. Needs the test server (TEST_DATABASE_URL); uses a fresh schema.
 * Run: npx tsx bench/cluster-workers.ts [articles=600] [workers=1,2,3,4] [jobs per worker=2]
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { openStore, type Store } from '../src/store/index.js';
import { dropSchema, freshSchemaName, testDatabaseUrl } from '../src/store/pg-store.testkit.js';
import { sampleArticle } from '../src/store/store.testkit.js';
import { StoryTracker } from '../src/pipeline/cluster/persist.js';

const inWorker = process.argv[2] === 'worker';
const args = process.argv.slice(inWorker ? 4 : 2);
const count = Number(args[0] ?? 600);
const workerCounts = (args[1] ?? '1,2,3,4').split(',').map(Number);
const jobs = Number(args[2] ?? 2);
/** The articles' dates: a minute apart from here, the same in every process. */
const BASE_MS = Date.parse('2026-11-01T00:00:00Z');
const ARTICLES_PER_EVENT = 6;

const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vo', 'del', 'bar', 'ish'];
/** A made-up place or person name of its own for every event (so events share no name). */
function name(event: number, which: number): string {
  const digits = String(event * 2 + which).padStart(3, '0');
  const word = [...digits].map((d) => syllables[Number(d)]).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}
const words =
  'council report said minister storm rescue vote market price court police strike school river bridge road hospital water power election budget union flight train port farm fire flood bank talks deal plan crowd march'.split(
    ' ',
  );

/** Article `i`: event i/6 (its own names and numbers), six outlets' wording, 120 words. */
function article(i: number) {
  const event = Math.floor(i / ARTICLES_PER_EVENT);
  let seed = i * 7919 + 1;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const anchors = [name(event, 0), name(event, 1), `${event * 37 + 11}`, `${event * 53 + 7}`];
  const body = Array.from({ length: 120 }, (_, k) =>
    k % 10 === 0 ? anchors[rand(anchors.length)]! : words[rand(words.length)]!,
  ).join(' ');
  const title = `${anchors[0]} ${words[(event * 3) % words.length]} ${anchors[2]} ${anchors[1]}`;
  const url = `https://outlet${i % ARTICLES_PER_EVENT}.example/${i}`;
  const publishedAt = new Date(BASE_MS + i * 60_000).toISOString();
  return sampleArticle({
    url,
    canonicalUrl: url,
    title,
    subtitle: null,
    paragraphs: [body],
    fingerprint: url,
    publishedAt,
    language: 'en',
  });
}

/** A worker process: opens its own store, resumes, waits for "go", tracks its articles `jobs` at a time. */
async function worker(schema: string): Promise<void> {
  const store = await openStore({ databaseUrl: testDatabaseUrl, schema, migrate: false });
  const tracker = new StoryTracker(store);
  await tracker.resume();
  process.send!({ ready: true });
  const mine = await new Promise<[number, number][]>((resolve) =>
    process.once('message', (m: { go: [number, number][] }) => resolve(m.go)),
  );
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < mine.length) {
      const [i, articleId] = mine[next++]!;
      const input = article(i);
      await tracker.track({
        articleId,
        article: { ...input, languageHint: null },
        language: 'en',
        translations: [],
        sourceId: null,
      });
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  process.send!({ done: performance.now() - started });
  await store.close();
}

async function run(workerCount: number): Promise<void> {
  const schema = freshSchemaName();
  const store: Store = await openStore({ databaseUrl: testDatabaseUrl, schema });
  try {
    const ids: number[] = [];
    for (let i = 0; i < count; i++)
      ids.push(
        (await store.saveArticle({ ...article(i), sourceId: null, feedId: null, seenAt: new Date().toISOString() }))
          .articleId,
      );
    const children = Array.from({ length: workerCount }, () =>
      fork(new URL(import.meta.url).pathname, ['worker', schema, ...args], { execArgv: ['--import', 'tsx'] }),
    );
    await Promise.all(children.map((c) => new Promise((resolve) => c.once('message', resolve))));
    const started = performance.now();
    const finished = children.map((c) => new Promise((resolve) => c.once('message', resolve)));
    // Round robin: the articles of one event reach different workers at about the same time.
    children.forEach((c, w) => c.send({ go: ids.map((id, i) => [i, id]).filter(([i]) => i! % workerCount === w) }));
    await Promise.all(finished);
    const seconds = (performance.now() - started) / 1000;
    const stories = (await store.storiesLatest({ limit: count })).filter((story) => story.articleCount > 0);
    const linked = stories.reduce((sum, story) => sum + story.articleCount, 0);
    const events = Math.ceil(count / ARTICLES_PER_EVENT);
    console.log(
      `${workerCount} worker(s) x ${jobs} jobs | ${count} articles in ${seconds.toFixed(2)} s | ${(count / seconds).toFixed(0)} articles/s | ${stories.length} stories for ${events} events (${linked} articles; sizes ${sizes(stories.map((s) => s.articleCount))})`,
    );
    await Promise.all(
      children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve)))),
    );
  } finally {
    await store.close();
    await dropSchema(schema);
  }
}

/** "6x60 30x8": sixty stories of 6 articles, eight of 30. */
function sizes(counts: number[]): string {
  const bySize = new Map<number, number>();
  for (const n of counts) bySize.set(n, (bySize.get(n) ?? 0) + 1);
  return [...bySize]
    .sort((a, b) => b[1] - a[1])
    .map(([size, n]) => `${size}x${n}`)
    .join(' ');
}

if (inWorker) {
  await worker(process.argv[3]!);
} else {
  console.log(
    'workers | articles | time | articles/s | stories (the same for any number of workers when none is split)',
  );
  for (const n of workerCounts) await run(n);
}
