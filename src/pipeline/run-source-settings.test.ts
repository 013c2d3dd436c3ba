/** The per-source settings the pipeline hands on: the admin's body selector, and the page's section. */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/store.testkit.js';
import { DedupeIndex } from './dedupe/index.js';
import type { Pipeline } from './types.js';
import { ingestDocument } from './run.js';

let t: TestStore | undefined;
afterEach(async () => t?.cleanup());

const words = (topic: string) =>
  `The ${topic} council met on Monday and agreed a plan for the coming months, with a vote due next week.`;
/** Two candidate bodies: a long "related stories" block the heuristics prefer, and the real, shorter story. */
const PAGE = `<!doctype html><html lang="en"><head><title>Harbour plan agreed</title>
<meta property="article:section" content="Local"></head><body>
<div class="promo-river"><p>${words('river')}</p><p>${words('bridge')}</p><p>${words('school')}</p><p>${words('market')}</p><p>${words('museum')}</p></div>
<div class="story-text"><h1>Harbour plan agreed</h1><p>${words('harbour')}</p><p>Fishermen welcomed the decision after years of delay and damage from storms.</p></div>
</body></html>`;

function pipeline(store: TestStore['store']): Pipeline {
  return {
    store,
    fetcher: { fetchPage: () => Promise.reject(new Error('not used')) } as unknown as Pipeline['fetcher'],
    translator: { translateArticle: () => Promise.reject(new Error('not used')) } as unknown as Pipeline['translator'],
    dedupe: new DedupeIndex(),
    languages: ['en'],
    enqueuePage: async () => undefined,
  };
}

describe('ingestDocument with source settings', () => {
  it('extracts the body the source’s selector names, and stores the page’s section', async () => {
    t = await openTestStore();
    const { source, feed } = await t.store.createSource({ name: 'Port News', url: 'https://port.example/' });
    await t.store.updateSource(source.id, { bodySelector: '.story-text' });
    const saved = await ingestDocument(pipeline(t.store), {
      url: 'https://port.example/local/harbour-plan',
      sourceId: source.id,
      feedId: feed.id,
      html: PAGE,
    });
    const article = await t.store.articleById(saved.articleId);
    expect(article?.paragraphs.join(' ')).toContain('Fishermen welcomed');
    expect(article?.paragraphs.join(' ')).not.toContain('river council');
    expect(article?.section).toBe('Local');
  });
});
