/**
 * Without a translation engine the site still works: articles are stored and shown in their
 * original language with a clear note, and the translator says exactly how to enable translation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher, type DemoPublisher } from '../demo/publisher.js';
import { openTestRuntime } from '../runtime/runtime.testkit.js';
import { reportTranslation, type Runtime } from '../runtime/open.js';
import { addSource } from '../sources/index.js';
import { pollFeed } from './run.js';
import { createWebApp } from '../web/app.js';
import { storeSiteData } from '../web/store-data.js';

let publisher: DemoPublisher;
let runtime: Runtime;

beforeAll(async () => {
  publisher = await startDemoPublisher();
  runtime = await openTestRuntime({ apertiumPath: '/nonexistent/apertium' });
  const spanish = publisher.feeds.find((f) => f.language === 'es')!;
  const { feed } = await addSource(runtime.store, {
    url: spanish.url,
    name: spanish.outlet,
    language: 'es',
    kind: spanish.kind,
  });
  runtime.startWorkers(2);
  await pollFeed(runtime.pipeline, feed.id);
  await runtime.queue.drain();
});

afterAll(async () => {
  await runtime?.close();
  await publisher?.close();
});

describe('no translation engine installed', () => {
  it('says how to enable translation', async () => {
    expect(await reportTranslation(runtime.translator)).toMatch(/apt-get install apertium apertium-eng-spa/);
  });

  it('stores the articles untranslated and shows the original with a note', async () => {
    const [latest] = await runtime.store.latestArticles({ limit: 1 });
    expect(latest?.language).toBe('es');
    expect(await runtime.store.translationOf(latest!.id, 'en')).toBeNull();
    const note = await reportTranslation(runtime.translator);
    const app = createWebApp({
      data: storeSiteData({ store: runtime.store, language: 'en', translationNote: async () => note }),
      siteName: 'Happenings',
      language: 'en',
    });
    const redirect = await app.request(`/article/${latest!.id}`);
    const page = await (await app.request(redirect.headers.get('location')!)).text();
    expect(page).toContain('Spanish');
    expect(page).toMatch(/apt-get install apertium/);
    expect(page).toContain('lang="es"');
    const text = page.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(latest!.paragraphs[0]!.slice(0, 40));
  });
});
