import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeDb } from './db.testkit.js';
import { openTestStore, type TestStore } from './store.testkit.js';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(async () => {
  await t.cleanup();
});

async function story(title: string, articles: number, sources: number, lastPublishedAt: string) {
  const { id } = await storeDb(t.store)
    .insertInto('stories')
    .values({
      title,
      language: 'en',
      signature: '{}',
      article_count: articles,
      source_count: sources,
      first_published_at: lastPublishedAt,
      last_published_at: lastPublishedAt,
      created_at: lastPublishedAt,
      updated_at: lastPublishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

describe('story lists', () => {
  it('ranks top stories by outlets × size over recency, and leaves out single articles one outlet carried', async () => {
    const now = new Date('2024-05-07T12:00:00Z');
    const fresh = await story('fresh, small', 3, 2, '2024-05-07T11:00:00Z'); // 6 / 3^1.5 ≈ 1.15
    const big = await story('yesterday, big', 12, 8, '2024-05-06T12:00:00Z'); // 96 / 26^1.5 ≈ 0.72
    const old = await story('last week', 20, 10, '2024-04-30T12:00:00Z'); // 200 / 170^1.5 ≈ 0.09
    await story('one article', 1, 1, '2024-05-07T11:59:00Z');
    // One wire text carried by three outlets is a top story too (6 hours ago: 3 / 8^1.5 ≈ 0.13).
    const wire = await story('wire copy', 1, 3, '2024-05-07T06:00:00Z');
    const ranked = await t.store.topStoryRows({ limit: 10, now });
    expect(ranked.map((r) => r.id)).toEqual([fresh, big, wire, old]);
  });
});
