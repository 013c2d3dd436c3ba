/** What a page's item row says when something unexpected fails: the stage it failed in, never "no article". */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/store.testkit.js';
import { DedupeIndex } from './dedupe/index.js';
import type { Pipeline } from './types.js';
import { ingestDocument, ingestPage, recordFailure } from './run.js';

let t: TestStore | undefined;
afterEach(async () => t?.cleanup());

const PAGE = `<!doctype html><html lang="en"><head><title>Harbour plan agreed</title></head><body><article>
<h1>Harbour plan agreed</h1>${'<p>The harbour council met on Monday and agreed a plan for the coming months, with a vote due next week.</p>'.repeat(3)}
</article></body></html>`;

function pipeline(store: TestStore['store'], fetchPage: () => Promise<never>): Pipeline {
  return {
    store,
    fetcher: { fetchPage } as unknown as Pipeline['fetcher'],
    translator: { translateArticle: () => Promise.resolve(null) } as unknown as Pipeline['translator'],
    dedupe: new DedupeIndex(),
    languages: ['en'],
    enqueuePage: async () => undefined,
  };
}

describe('recording an unexpected failure', () => {
  it('labels it internal with the stage it happened in (fetch), not extract/no-article', async () => {
    t = await openTestStore();
    const p = pipeline(t.store, () => Promise.reject(new TypeError('fetcher bug')));
    const url = 'https://port.example/harbour-plan';
    expect(await ingestPage(p, { url, sourceId: null, feedId: null })).toBeNull();
    expect(await t.store.itemErrorByUrl(url)).toMatchObject({ stage: 'fetch', code: 'internal', attempts: 1 });
  });

  it('labels a store fault with the store stage', async () => {
    t = await openTestStore();
    const store = { ...t.store, saveArticle: () => Promise.reject(new Error('disk on fire')) };
    const p = pipeline(store as TestStore['store'], () => Promise.reject(new Error('not used')));
    const job = { url: 'https://port.example/harbour-plan', sourceId: null, feedId: null };
    const error = await ingestDocument(p, { ...job, html: PAGE }).catch((e: unknown) => e);
    await recordFailure(p, job, error);
    expect(await t.store.itemErrorByUrl(job.url)).toMatchObject({
      stage: 'store',
      code: 'internal',
      message: 'store: disk on fire',
    });
  });

  it('labels anything else internal too', async () => {
    t = await openTestStore();
    const p = pipeline(t.store, () => Promise.reject(new Error('not used')));
    const job = { url: 'https://port.example/other', sourceId: null, feedId: null };
    await recordFailure(p, job, new RangeError('out of range'));
    expect(await t.store.itemErrorByUrl(job.url)).toMatchObject({ code: 'internal' });
    expect((await t.store.itemErrorByUrl(job.url))?.code).not.toBe('no-article');
  });
});
