import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/store.testkit.js';
import { enqueueDueFeeds, pollFeedJob, startScheduler, type Scheduler } from './scheduler.js';
import { sqliteJobQueue } from './sqlite-queue.js';
import { storeDb } from '../store/db.testkit.js';

let t: TestStore;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  await t?.cleanup();
});

describe('startScheduler', () => {
  it('enqueues one poll per due, unpaused feed, once, queued by host', async () => {
    t = await openTestStore();
    const store = t.store;
    const a = await store.createSource({
      name: 'A',
      url: 'https://a.example/',
      feedUrl: 'https://a.example/rss',
      intervalMinutes: 20,
    });
    const a2 = await store.createSource({
      name: 'A sitemap',
      url: 'https://a.example/',
      feedUrl: 'https://a.example/sitemap.xml',
      feedKind: 'sitemap',
    });
    const paused = await store.createSource({ name: 'P', url: 'https://p.example/rss' });
    const later = await store.createSource({ name: 'L', url: 'https://l.example/rss' });
    await store.updateSource(paused.source.id, { paused: true });
    await store.scheduleFeed(later.feed.id, new Date(Date.now() + 3600_000));
    const queue = sqliteJobQueue(store);

    const before = Date.now();
    scheduler = startScheduler({ store, queue, intervalMs: 60_000 });
    expect(await scheduler.tick()).toBe(0); // the first tick ran at start and leased the due feeds
    const jobs = await storeDb(store)
      .selectFrom('jobs')
      .select(['name', 'payload', 'key', 'queue', 'status'])
      .orderBy('id')
      .execute();
    expect(jobs).toEqual([
      {
        name: 'poll-feed',
        payload: JSON.stringify({ feedId: a.feed.id }),
        key: `poll-feed:${a.feed.id}`,
        queue: 'host:a.example',
        status: 'pending',
      },
      {
        name: 'poll-feed',
        payload: JSON.stringify({ feedId: a2.feed.id }),
        key: `poll-feed:${a2.feed.id}`,
        queue: 'host:a.example',
        status: 'pending',
      },
    ]);
    const leased = await store.feedById(a.feed.id);
    expect(Date.parse(leased?.nextFetchAt ?? '')).toBeGreaterThanOrEqual(before + 20 * 60_000);

    // Due again (e.g. "fetch now") while its poll still waits: still one pending job.
    await store.scheduleFeed(a.feed.id, new Date());
    expect(await scheduler.tick()).toBe(1);
    expect((await queue.stats()).pending).toBe(2);
  });

  it('feeds the queue so workers poll each feed', async () => {
    t = await openTestStore();
    const { feed } = await t.store.createSource({ name: 'A', url: 'https://a.example/rss' });
    const queue = sqliteJobQueue(t.store);
    const polled: number[] = [];
    scheduler = startScheduler({ store: t.store, queue, intervalMs: 60_000 });
    await scheduler.tick();
    queue.start(
      { 'poll-feed': async ({ feedId }: { feedId: number }) => void polled.push(feedId) },
      { concurrency: 2, pollMs: 10 },
    );
    await queue.drain();
    await queue.stop();
    expect(polled).toEqual([feed.id]);
  });

  it("skips a feed that another worker's scheduler leased after this one read the due list", async () => {
    t = await openTestStore();
    const { feed } = await t.store.createSource({ name: 'A', url: 'https://a.example/rss' });
    const queue = sqliteJobQueue(t.store);
    const now = new Date();
    const staleList = await t.store.feedsDue(now, 10);
    // The other worker leases the feed, polls it and finishes its job before this one goes on.
    expect(await enqueueDueFeeds(t.store, queue, now)).toBe(1);
    await storeDb(t.store).deleteFrom('jobs').execute();
    const slow = { ...t.store, feedsDue: async () => staleList };
    expect(await enqueueDueFeeds(slow, queue, now)).toBe(0);
    expect(await storeDb(t.store).selectFrom('jobs').select('id').execute()).toEqual([]);
    expect(staleList.map((f) => f.id)).toEqual([feed.id]);
  });

  it('gives the lease back when the job cannot be added', async () => {
    t = await openTestStore();
    const { feed } = await t.store.createSource({ name: 'A', url: 'https://a.example/rss' });
    const broken = { ...sqliteJobQueue(t.store), add: async () => Promise.reject(new Error('disk full')) };
    const now = new Date();
    await expect(enqueueDueFeeds(t.store, broken, now)).rejects.toThrow('disk full');
    expect((await t.store.feedsDue(now, 10)).map((f) => f.id)).toEqual([feed.id]);
  });

  it('names the job by feed and the queue by host', () => {
    expect(pollFeedJob({ id: 3, url: 'https://www.diario.example:8443/rss?x=1' })).toEqual({
      payload: { feedId: 3 },
      key: 'poll-feed:3',
      queue: 'host:www.diario.example',
    });
    expect(pollFeedJob({ id: 4, url: 'not a url' }).queue).toBe('host:unknown');
  });
});
