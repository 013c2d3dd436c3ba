/**
 * StoryTracker across worker processes on PostgreSQL (needs the server; fails, never skips, when it
 * is away): each tracker has its own store connection and its own clusterer, as separate
 * `happenings worker` processes have, and they track articles at the same time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../store/index.js';
import { openPgTestStore, testDatabaseUrl } from '../../store/pg-store.testkit.js';
import { sampleArticle, type TestStore } from '../../store/store.testkit.js';
import { StoryTracker } from './persist.js';

let t: TestStore | undefined;
let workers: Store[] = [];
afterEach(async () => {
  await Promise.all(workers.map((s) => s.close()));
  workers = [];
  await t?.cleanup();
  t = undefined;
});

/** One event (a ferry sinking) told by six outlets in two languages, and two unrelated articles. */
const ferry: [string, string, string][] = [
  [
    'en',
    'Ferry Nordlys sinks off Tromsø, 212 rescued',
    'The Hurtigruten ferry Nordlys sank near Tromsø on Tuesday; coastguard crews rescued 212 passengers and 14 are missing.',
  ],
  [
    'es',
    'Se hunde el ferry Nordlys frente a Tromsø: 212 rescatados',
    'El ferry Nordlys de Hurtigruten se hundió cerca de Tromsø; los guardacostas rescataron a 212 pasajeros y 14 siguen desaparecidos.',
  ],
  [
    'en',
    'Nordlys: 14 still missing after Tromsø sinking',
    'Divers searched the wreck of the Hurtigruten ferry Nordlys off Tromsø for the 14 missing; 212 people were rescued.',
  ],
  [
    'es',
    'Buscan a 14 desaparecidos del Nordlys en Tromsø',
    'Buzos registran el Nordlys, el ferry de Hurtigruten hundido junto a Tromsø; 14 desaparecidos y 212 rescatados.',
  ],
  [
    'en',
    'Hurtigruten ferry Nordlys lost near Tromsø',
    'Hurtigruten confirmed its ferry Nordlys went down near Tromsø; 212 passengers were saved and 14 remain missing.',
  ],
  [
    'en',
    'Tromsø mourns as Nordlys search goes on',
    'In Tromsø, families waited for news of the 14 missing from the Hurtigruten ferry Nordlys; 212 were rescued.',
  ],
];
const unrelated: [string, string, string][] = [
  [
    'en',
    'Mbappé out for three weeks',
    'Real Madrid said Kylian Mbappé sprained his ankle and will miss the Clásico against Barcelona on 25 January.',
  ],
  [
    'en',
    'Lagos opens 27 km metro line',
    'Lagos governor Babajide Sanwo-Olu opened the 27 km Blue Line metro between Marina and Okokomaiko on Friday.',
  ],
];

let saved = 0;
/** Saves an article (as the pipeline does before clustering) and hands it to a tracker. */
async function track(tracker: StoryTracker, [language, title, body]: [string, string, string]): Promise<number> {
  const url = `https://news${saved++}.example/${encodeURIComponent(title)}`;
  const input = sampleArticle({
    url,
    canonicalUrl: url,
    title,
    subtitle: null,
    paragraphs: body ? [body] : [],
    language,
    languageHint: language,
    fingerprint: url,
    publishedAt: '2026-10-29T18:00:00Z',
  });
  const { articleId } = await t!.store.saveArticle({
    ...input,
    sourceId: null,
    feedId: null,
    seenAt: '2026-10-29T18:00:00Z',
  });
  return tracker.track({
    articleId,
    article: { ...input, languageHint: null },
    language,
    translations: [],
    sourceId: null,
  });
}

/** `n` trackers, each over its own connection pool to the test schema, resumed as a worker starts. */
async function startWorkers(n: number): Promise<StoryTracker[]> {
  t = await openPgTestStore();
  workers = await Promise.all(
    Array.from({ length: n }, () => openStore({ databaseUrl: testDatabaseUrl, schema: t!.dbPath })),
  );
  const trackers = workers.map((store) => new StoryTracker(store));
  await Promise.all(trackers.map((tr) => tr.resume(Date.parse('2026-10-30T00:00:00Z'))));
  return trackers;
}

describe('StoryTracker on PostgreSQL with several workers', () => {
  it('puts one event in one story when three workers track its articles at the same moment', async () => {
    const [a, b, c] = await startWorkers(3);
    const rounds = [
      [a!, ferry[0]!],
      [b!, ferry[1]!],
      [c!, ferry[2]!],
      [a!, ferry[3]!],
      [b!, ferry[4]!],
      [c!, ferry[5]!],
    ] as const;
    const stories = await Promise.all([
      ...rounds.slice(0, 3).map(([tr, text]) => track(tr, text)),
      track(a!, unrelated[0]!),
    ]);
    stories.push(
      ...(await Promise.all([...rounds.slice(3).map(([tr, text]) => track(tr, text)), track(b!, unrelated[1]!)])),
    );
    const ferryStories = new Set([...stories.slice(0, 3), ...stories.slice(4, 7)]);
    expect(ferryStories.size).toBe(1);
    const [ferryStory] = ferryStories;
    expect(stories[3]).not.toBe(ferryStory);
    expect(stories[7]).not.toBe(ferryStory);
    const open = await t!.store.storiesLatest({ limit: 10 });
    expect(open.map((s) => s.articleCount).sort()).toEqual([1, 1, 6]);
    expect(await t!.store.storyById(ferryStory!)).toMatchObject({ articleCount: 6, languages: ['en', 'es'] });
  });

  it('a worker puts an article in the story another worker started after it had resumed', async () => {
    const [a, b] = await startWorkers(2);
    const first = await track(a!, ferry[0]!);
    await track(a!, unrelated[0]!);
    expect(await track(b!, ferry[1]!)).toBe(first);
    expect(await track(a!, ferry[2]!)).toBe(first);
    expect(await t!.store.storyById(first)).toMatchObject({ articleCount: 3 });
  });

  it('a worker follows a merge another worker made: a new article joins the story the merged one is in now', async () => {
    const [a, b] = await startWorkers(2);
    const sinking = await track(a!, ['en', 'Nordlys sinks off Tromsø', '']);
    const rescue = await track(b!, ['en', '212 rescued near Tromsø', '']);
    expect(rescue).not.toBe(sinking);
    // Fits both stories, which then fit each other: worker A merges the sinking into the rescue.
    expect(await track(a!, ['en', 'Nordlys sinks off Tromsø; 212 rescued', ''])).toBe(rescue);
    expect(await t!.store.storyById(sinking)).toMatchObject({ mergedInto: rescue, articleCount: 0 });
    // Worker B last saw two stories; its next article about the sinking joins where the sinking is now.
    expect(await track(b!, ['en', 'Nordlys sinks off Tromsø at dawn', ''])).toBe(rescue);
    expect(await t!.store.storyById(rescue)).toMatchObject({ mergedInto: null, articleCount: 4 });
    expect(await t!.store.storyById(sinking)).toMatchObject({ mergedInto: rescue, articleCount: 0 });
  });
});
