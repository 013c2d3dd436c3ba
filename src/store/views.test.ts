import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleArticle, type TestStore } from './store.testkit.js';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(async () => {
  await t.cleanup();
});

describe('views', () => {
  it('adds batched views in one go, skipping articles that are gone', async () => {
    const { articleId } = await t.store.saveArticle({
      ...sampleArticle(),
      sourceId: null,
      feedId: null,
      seenAt: '2024-05-07T10:00:00Z',
    });
    const at = new Date('2024-05-07T12:00:00Z');
    await t.store.recordViews(
      [
        [articleId, 3],
        [9999, 2],
      ],
      at,
    );
    await t.store.recordViews([[articleId, 2]], at);
    const popular = await t.store.popularArticles({ days: 1, limit: 5, now: at });
    expect(popular.map((p) => [p.id, p.views])).toEqual([[articleId, 5]]);
  });
});
