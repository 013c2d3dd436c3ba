import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleArticle, type TestStore } from './store.testkit.js';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(async () => {
  await t.cleanup();
});

describe('articles', () => {
  it('lists languages by article count', async () => {
    for (const [i, language] of ['es', 'es', 'fr'].entries()) {
      const url = `https://n.example/${i}`;
      await t.store.saveArticle({
        ...sampleArticle({ url, canonicalUrl: url, language }),
        sourceId: null,
        feedId: null,
        seenAt: '2024-05-07T10:00:00Z',
      });
    }
    expect(await t.store.articleLanguages()).toEqual([
      { language: 'es', count: 2 },
      { language: 'fr', count: 1 },
    ]);
  });
});
