/**
 * A failing translation engine never costs an article: the demo publisher's Spanish pages are
 * stored untranslated with the error on their row, and the feed's next poll hands them on again,
 * when a working engine translates them. Real loopback publisher, real SQLite, real Apertium (and a
 * stand-in pipeline that never answers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher, type DemoPublisher } from '../demo/publisher.js';
import { openTestRuntime } from '../runtime/runtime.testkit.js';
import type { Runtime } from '../runtime/open.js';
import { addSource } from '../sources/index.js';
import type { PageJob } from '../model.js';
import type { Pipeline } from './types.js';
import { ingestPage, pollFeed } from './run.js';
import { ApertiumEngine, createTranslator, type Translator } from './translate/index.js';

let publisher: DemoPublisher;
let runtime: Runtime;
let feedId: number;
const translators: Translator[] = [];

function pipelineWith(translator: Translator, jobs: PageJob[]): Pipeline {
  translators.push(translator);
  return { ...runtime.pipeline, translator, enqueuePage: async (job) => void jobs.push(job) };
}

beforeAll(async () => {
  publisher = await startDemoPublisher();
  runtime = await openTestRuntime();
  const spanish = publisher.feeds.find((f) => f.language === 'es')!;
  ({
    feed: { id: feedId },
  } = await addSource(runtime.store, { url: spanish.url, name: spanish.outlet, language: 'es', kind: spanish.kind }));
});

afterAll(async () => {
  await Promise.all(translators.map((t) => t.close()));
  await runtime?.close();
  await publisher?.close();
});

describe('translation failures in the pipeline', () => {
  const failed: PageJob[] = [];
  let broken: Pipeline;

  it('stores the articles untranslated, with the error on their row', async () => {
    const hanging = new ApertiumEngine({ pipelineFor: () => 'sleep 30', timeoutMs: 300 });
    broken = pipelineWith(
      createTranslator({ engines: ['apertium'], extraEngines: [hanging], cacheEntries: 0 }),
      failed,
    );
    await pollFeed(broken, feedId);
    expect(failed.length).toBeGreaterThan(1);
    for (const job of failed) expect(await ingestPage(broken, job)).not.toBeNull();
    for (const job of failed) {
      const stored = await runtime.store.articleByCanonicalUrl(job.url);
      expect(stored?.language).toBe('es');
      expect(await runtime.store.translationOf(stored!.id, 'en')).toBeNull();
      const error = await runtime.store.itemErrorByUrl(job.url);
      expect(error).toMatchObject({ stage: 'translate', attempts: 1 });
      expect(error?.message).toMatch(/gave no answer in 300 ms/);
    }
  }, 180_000); // alone ~5 s; the whole suite in parallel on 2 cores took over 60 s

  it('hands them on again at the next poll, at most five times each', async () => {
    const [stubborn] = failed;
    for (let i = 0; i < 4; i++) await ingestPage(broken, stubborn!);
    expect((await runtime.store.itemErrorByUrl(stubborn!.url))?.attempts).toBe(5);
    const again: PageJob[] = [];
    await pollFeed({ ...broken, enqueuePage: async (job) => void again.push(job) }, feedId);
    expect(again.map((j) => j.url).sort()).toEqual(
      failed
        .slice(1)
        .map((j) => j.url)
        .sort(),
    );
  }, 180_000); // alone ~5 s; the whole suite in parallel on 2 cores took over 60 s

  it('translates them when the engine works again', async () => {
    const retried: PageJob[] = [];
    const working = pipelineWith(createTranslator({ engines: ['apertium'], cacheEntries: 0 }), retried);
    await pollFeed(working, feedId);
    for (const job of retried) await ingestPage(working, job);
    for (const job of retried) {
      const stored = await runtime.store.articleByCanonicalUrl(job.url);
      const translation = await runtime.store.translationOf(stored!.id, 'en');
      expect(translation?.engine).toBe('apertium');
      expect(translation?.title).not.toBe(stored!.title);
      expect(await runtime.store.itemErrorByUrl(job.url)).toBeNull();
    }
    expect(retried.length).toBe(failed.length - 1);
    expect(await runtime.store.articleCount()).toBe(failed.length);
  }, 180_000); // alone ~5 s; the whole suite in parallel on 2 cores took over 60 s
});
