/** What every store adapter must do with sources and feeds (run by each adapter's test file). */
import { afterEach, describe, expect, it } from 'vitest';
import { HappeningsError } from '../errors.js';
import type { TestStore } from './store.testkit.js';

export function describeSourceContract(open: () => Promise<TestStore>): void {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  describe('sources and feeds', () => {
    it('wraps database failures in HappeningsError', async () => {
      t = await open();
      const failure = await t.store
        .recordFeedError(9999, { code: 'x', message: 'y', at: 'not a date', nextFetchAt: new Date() })
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(HappeningsError);
      expect((failure as HappeningsError).stage).toBe('store');
    });
    it('creates a source with its feed once per feed URL', async () => {
      t = await open();
      const input = {
        name: 'El Diario',
        url: 'https://diario.example/',
        language: 'es',
        feedUrl: 'https://diario.example/rss',
        intervalMinutes: 15,
      };
      const first = await t.store.createSource(input);
      const second = await t.store.createSource({ ...input, name: 'Other name' });
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.source.id).toBe(first.source.id);
      expect(second.feed.id).toBe(first.feed.id);
      expect(first.feed).toMatchObject({
        url: 'https://diario.example/rss',
        kind: 'feed',
        intervalMinutes: 15,
        errorCount: 0,
      });
      expect(first.source).toMatchObject({ name: 'El Diario', language: 'es', paused: false, translate: true });
      expect(await t.store.sourceById(first.source.id)).toEqual(first.source);
      expect(await t.store.feedById(first.feed.id)).toEqual(first.feed);
    });

    it('lists due feeds of unpaused sources only, most overdue first', async () => {
      t = await open();
      const a = await t.store.createSource({ name: 'A', url: 'https://a.example/feed' });
      const b = await t.store.createSource({ name: 'B', url: 'https://b.example/feed' });
      const c = await t.store.createSource({ name: 'C', url: 'https://c.example/feed' });
      const now = new Date('2030-01-01T00:00:00Z');
      await t.store.scheduleFeed(a.feed.id, '2029-12-31T23:00:00Z');
      await t.store.scheduleFeed(b.feed.id, '2029-12-31T22:00:00Z');
      await t.store.scheduleFeed(c.feed.id, '2030-01-01T01:00:00Z');
      expect((await t.store.feedsDue(now, 10)).map((f) => f.id)).toEqual([b.feed.id, a.feed.id]);
      await t.store.updateSource(b.source.id, { paused: true });
      expect((await t.store.feedsDue(now, 10)).map((f) => f.id)).toEqual([a.feed.id]);
      expect(await t.store.feedsDue(now, 0)).toEqual([]);
    });

    it('leases a due feed to one caller only', async () => {
      t = await open();
      const { feed } = await t.store.createSource({ name: 'A', url: 'https://a.example/feed' });
      const now = new Date('2030-01-01T00:00:00Z');
      const until = new Date('2030-01-01T00:30:00Z');
      await t.store.scheduleFeed(feed.id, '2029-12-31T23:00:00Z');
      expect(await t.store.leaseFeed(feed.id, now, until)).toBe(true);
      expect(await t.store.leaseFeed(feed.id, now, until)).toBe(false);
      expect((await t.store.feedById(feed.id))?.nextFetchAt).toBe(until.toISOString());
      expect(await t.store.feedsDue(now, 10)).toEqual([]);
    });

    it('records fetch errors and successes as feed health', async () => {
      t = await open();
      const { source, feed } = await t.store.createSource({ name: 'A', url: 'https://a.example/feed' });
      await t.store.recordFeedError(feed.id, {
        code: 'http-status',
        message: 'fetch: HTTP 503',
        at: '2030-01-01T00:00:00Z',
        nextFetchAt: '2030-01-01T00:10:00Z',
      });
      await t.store.recordFeedError(feed.id, {
        code: 'timeout',
        message: 'fetch: timed out',
        at: '2030-01-01T00:10:00Z',
        nextFetchAt: '2030-01-01T00:30:00Z',
      });
      let [health] = await t.store.sourceList();
      expect(health).toMatchObject({
        id: source.id,
        errorCount: 2,
        lastErrorCode: 'timeout',
        lastError: 'fetch: timed out',
        lastSuccessAt: null,
        articleCount: 0,
      });
      await t.store.recordFeedFetched(feed.id, {
        etag: '"v2"',
        lastModified: 'Wed, 01 Jan 2030 00:00:00 GMT',
        fetchedAt: new Date('2030-01-01T01:00:00Z'),
        nextFetchAt: new Date('2030-01-01T01:30:00Z'),
      });
      [health] = await t.store.sourceList();
      expect(health).toMatchObject({ errorCount: 0, lastError: null, lastSuccessAt: '2030-01-01T01:00:00.000Z' });
      expect(await t.store.feedById(feed.id)).toMatchObject({ etag: '"v2"', nextFetchAt: '2030-01-01T01:30:00.000Z' });
    });
  });
}
