/**
 * Several workers on one PostgreSQL database share the stories: two runtimes (each with its own
 * StoryTracker, as two `happenings worker` processes have) ingest the articles of three events from
 * four outlets, interleaved, and every event ends in exactly one stored story, each article linked once.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestDocument } from '../pipeline/run.js';
import type { Runtime } from './open.js';
import { createTestDatabase, type TestDatabase } from './pg-testkit.js';
import { openTestRuntime } from './testkit.js';

/** Three events, each told by four outlets in their own words (written for this test). */
const events: Record<string, [string, string][]> = {
  strike: [
    ['Rotterdam dockworkers begin 48-hour strike', 'About 3,000 dockworkers at the Port of Rotterdam walked out on Tuesday in a 48-hour strike called by the FNV Havens union over pay and automation at the Maasvlakte container terminals.'],
    ['Strike halts Port of Rotterdam for two days', 'The FNV Havens union said 3,000 members stopped work at the Maasvlakte terminals of the Port of Rotterdam, demanding higher pay and limits on automation; the 48-hour strike began at dawn.'],
    ['Rotterdam port idle as FNV Havens strike starts', 'Container ships queued off the Maasvlakte on Tuesday as 3,000 dockworkers of the Port of Rotterdam began a 48-hour strike; FNV Havens blames automation plans and stalled pay talks.'],
    ['Port of Rotterdam: 3,000 dockworkers strike over automation', 'Pay talks between FNV Havens and the Maasvlakte terminal operators collapsed, and 3,000 dockworkers of the Port of Rotterdam started a 48-hour strike, the union said.'],
  ],
  quake: [
    ['Magnitude 6.4 earthquake strikes off Hokkaido', 'A magnitude 6.4 earthquake struck off the coast of Hokkaido near Kushiro on Wednesday, the Japan Meteorological Agency said, and a tsunami advisory was issued for the Pacific coast.'],
    ['Tsunami advisory after 6.4 quake near Kushiro', 'The Japan Meteorological Agency issued a tsunami advisory for eastern Hokkaido after a magnitude 6.4 earthquake centred off Kushiro shook buildings on Wednesday.'],
    ['Hokkaido shaken by 6.4 earthquake, tsunami advisory issued', 'Residents of Kushiro felt strong shaking when a magnitude 6.4 earthquake hit off Hokkaido; the Japan Meteorological Agency warned of waves up to one metre.'],
    ['Kushiro quake: Japan Meteorological Agency lifts nothing yet', 'A tsunami advisory stayed in force along the Hokkaido coast hours after the magnitude 6.4 earthquake off Kushiro, the Japan Meteorological Agency said on Wednesday.'],
  ],
  mine: [
    ['Fourteen miners trapped at Escondida copper mine', 'A tunnel collapse at the Escondida copper mine in the Atacama desert of Chile trapped 14 miners on Thursday, the operator BHP said, and rescue teams were drilling toward them.'],
    ['Chile: rescue under way for 14 miners at Escondida', 'Rescue teams in the Atacama desert drilled through the night to reach 14 miners trapped by a collapse at the Escondida copper mine, BHP and the Chilean mining ministry said.'],
    ['BHP says 14 trapped after Escondida tunnel collapse', 'BHP confirmed that 14 miners were trapped underground after a tunnel collapsed at its Escondida copper mine in northern Chile; contact was made with the miners on Thursday.'],
    ['Escondida collapse: Chile races to free 14 miners', 'The Chilean mining ministry said rescuers at the Escondida copper mine in the Atacama desert were drilling toward the 14 miners trapped by Thursday\'s collapse at the BHP mine.'],
  ],
};

function page(title: string, body: string, publishedAt: string): string {
  const paragraphs = [body, `${title}. More details were expected later in the day, officials said.`, body.split(' ').reverse().join(' ')];
  return `<!doctype html><html lang="en"><head><title>${title}</title>
<meta property="article:published_time" content="${publishedAt}"></head>
<body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

let database: TestDatabase | undefined;
const runtimes: Runtime[] = [];

afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.close();
  await database?.drop();
  database = undefined;
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('postgres: stories shared by several workers', () => {
  it('two workers ingesting one event from different outlets put it in one stored story', async () => {
    database = await createTestDatabase();
    const open = () => openTestRuntime({ databaseUrl: database!.url, translationEngines: [], workers: 2 });
    const [a, b] = [await open(), await open()];
    runtimes.push(a, b);
    const sourceIds: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { source } = await a.store.createSource({ name: `Outlet ${i}`, url: `https://outlet${i}.example/`, feedUrl: `https://outlet${i}.example/rss` });
      // Paused: the workers' feed cron leaves their (unreachable) feeds alone; the test hands the pages in.
      await a.store.updateSource(source.id, { paused: true });
      sourceIds.push(source.id);
    }
    a.startWorkers();
    b.startWorkers();

    // Outlet i's article of every event goes to worker a (even i) or b (odd i); the two work at once.
    const articleOf = new Map<string, string>();
    const ingest = async (worker: Runtime, outlet: number) => {
      for (const [event, texts] of Object.entries(events)) {
        const [title, body] = texts[outlet]!;
        const url = `https://outlet${outlet}.example/${event}`;
        const result = await ingestDocument(worker.pipeline, { url, sourceId: sourceIds[outlet]!, feedId: null, html: page(title, body, `2026-11-2${outlet}T0${outlet}:00:00Z`) });
        articleOf.set(String(result.articleId), event);
      }
    };
    await Promise.all([
      (async () => { await ingest(a, 0); await ingest(a, 2); })(),
      (async () => { await ingest(b, 1); await ingest(b, 3); })(),
    ]);
    expect(articleOf.size).toBe(12);

    const links = async () => sql<{ article_id: number; story_id: number }>`select article_id, story_id from story_articles`.execute(a.store.db);
    await waitUntil(async () => (await links()).rows.length >= 12, 60_000);
    await a.queue.drain();
    await b.queue.drain();

    const rows = (await links()).rows;
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.article_id)).size).toBe(12);
    const storiesOf = new Map<string, Set<number>>();
    for (const r of rows) {
      const event = articleOf.get(String(r.article_id))!;
      storiesOf.set(event, (storiesOf.get(event) ?? new Set()).add(r.story_id));
    }
    expect(Object.fromEntries([...storiesOf].map(([event, ids]) => [event, ids.size]))).toEqual({ strike: 1, quake: 1, mine: 1 });
    expect(new Set([...storiesOf.values()].map((ids) => [...ids][0])).size).toBe(3);
    for (const ids of storiesOf.values()) expect(await a.store.storyById([...ids][0]!)).toMatchObject({ articleCount: 4, sourceCount: 4, mergedInto: null });
  }, 120_000);

  it('an article saved by a worker killed before clustering gets its story when the ingest reruns, and a rerun links nothing twice', async () => {
    database = await createTestDatabase();
    const a = await openTestRuntime({ databaseUrl: database.url, translationEngines: [], workers: 2 });
    runtimes.push(a);
    const [title, body] = events.quake![0]!;
    const input = { url: 'https://outlet0.example/quake', sourceId: null, feedId: null, html: page(title, body, '2026-11-20T00:00:00Z') };
    // The "crash": the article is saved, then the process dies before the clustering job is queued.
    const crashed = { ...a.pipeline, enqueueClustering: () => Promise.reject(new Error('killed')) };
    await expect(ingestDocument(crashed, input)).rejects.toThrow('killed');
    const saved = await a.store.articleByCanonicalUrl(input.url);
    expect(saved).not.toBeNull();
    expect(await a.store.storyIdOfArticle(saved!.id)).toBeNull();

    a.startWorkers();
    await ingestDocument(a.pipeline, input);
    await waitUntil(async () => (await a.store.storyIdOfArticle(saved!.id)) !== null, 60_000);
    const story = await a.store.storyIdOfArticle(saved!.id);
    await ingestDocument(a.pipeline, input);
    await a.queue.drain();
    const links = await sql<{ n: number }>`select count(*) as n from story_articles`.execute(a.store.db);
    expect(Number(links.rows[0]?.n)).toBe(1);
    expect(await a.store.storyIdOfArticle(saved!.id)).toBe(story);
  }, 120_000);
});
