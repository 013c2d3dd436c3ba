// Needs Apertium with apertium-eng-spa (CI installs it): the admin's "Re-translate" job, run by the
// serving process's own workers on SQLite.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleArticle } from '../store/store.testkit.js';
import { storeAdminOps } from '../web/admin/store-admin.js';
import { openTestRuntime } from './runtime.testkit.js';
import type { Runtime } from './open.js';

let runtime: Runtime | null = null;
afterEach(async () => {
  await runtime?.close();
  runtime = null;
});

describe('re-translating a source in the background', () => {
  it('queues a job that translates the source’s stored articles with the engine that serves them now', async () => {
    runtime = await openTestRuntime({ translationEngines: ['apertium'], languages: ['en'], workers: 1 });
    const { store } = runtime;
    const { source } = await store.createSource({ name: 'Diario', url: 'https://diario.example/feed', language: 'es' });
    const url = 'https://diario.example/puerto';
    const { articleId } = await store.saveArticle({
      ...sampleArticle({
        url,
        canonicalUrl: url,
        title: 'El puerto abre mañana',
        paragraphs: ['El puerto abre mañana.'],
      }),
      html: '<p>El puerto abre mañana.</p>',
      language: 'es',
      sourceId: source.id,
      feedId: null,
      seenAt: new Date().toISOString(),
    });
    const ops = storeAdminOps({
      store,
      enqueuePage: async () => undefined,
      translationStatus: async () => [],
      translator: runtime.translator,
      languages: ['en'],
      modelsDir: mkdtempSync(join(tmpdir(), 'happenings-models-')),
      enqueueRetranslate: (id) => runtime!.enqueueRetranslate(id),
    });
    expect(await ops.translationRoutes()).toEqual([expect.stringMatching(/^es → en: apertium \d+\.\d+/)]);
    expect(await ops.models()).toEqual([]);
    expect(await ops.retranslateSource(source.id + 1)).toBe(false);
    expect(await ops.retranslateSource(source.id)).toBe(true);
    expect(await store.translationOf(articleId, 'en')).toBeNull();

    runtime.startWorkers();
    await runtime.queue.drain();
    const translation = await store.translationOf(articleId, 'en');
    expect(translation).toMatchObject({ engine: 'apertium', sourceLanguage: 'es' });
    expect(translation!.title).toMatch(/port/i);
    expect((await runtime.queue.stats()).failed).toBe(0);
  });
});
