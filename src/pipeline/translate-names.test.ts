/**
 * Names through the whole flow with an engine that does not protect them: the article is ingested
 * (real SQLite), its translation stored with the model and the names repaired, and the page names the
 * model and says what was put back. The engine is the deterministic fake of name-fakes.testkit.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Article } from '../model.js';
import { openTestRuntime } from '../runtime/runtime.testkit.js';
import type { Runtime } from '../runtime/open.js';
import { createWebApp } from '../web/app.js';
import { storeSiteData } from '../web/store-data.js';
import { ingestPage } from './run.js';
import { createTranslator } from './translate/index.js';
import { fakeNeuralEngine } from './translate/name-fakes.testkit.js';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await openTestRuntime();
});
afterAll(async () => {
  await runtime?.close();
});

const paragraphs = [
  'La Casa Rosada anunció ayer un acuerdo con el Gobierno de la provincia y con los sindicatos del sector.',
  'Ayer Ana López habló con Pilar del Río en la sede de la fundación, en el centro de la ciudad.',
];
const article: Article = {
  url: 'https://diario.example.es/acuerdo',
  canonicalUrl: 'https://diario.example.es/acuerdo',
  site: 'Diario de Ejemplo',
  title: 'La Casa Rosada anunció un acuerdo',
  subtitle: null,
  byline: null,
  publishedAt: '2024-05-07T08:15:00Z',
  languageHint: 'es',
  image: null,
  imageCaption: null,
  paragraphs,
  html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
  related: [],
  tags: [],
  section: null,
  isTeaser: false,
};

describe('a neural engine that loses names, through ingest, store and page', () => {
  it('stores the repaired translation with its provenance, and the page tells the reader', async () => {
    const engine = fakeNeuralEngine({
      names: { 'Casa Rosada': 'Pink House', 'Pilar del Río': 'Pilar of the River', 'Ana López': '' },
    });
    const translator = createTranslator({ engines: ['neural'], extraEngines: [engine] });
    const pipeline = { ...runtime.pipeline, translator };
    const result = await ingestPage(pipeline, { url: article.url, sourceId: null, feedId: null, article });
    expect(result?.translated).toEqual(['en']);
    const stored = (await runtime.store.translationOf(result!.articleId, 'en'))!;
    expect(stored).toMatchObject({ engine: 'neural', model: 'opus-mt-es-en', via: null });
    expect(stored.title).toBe('The Casa Rosada announced a agreement');
    expect(stored.html).toContain('Ana López');
    expect(stored.html).toContain('Pilar del Río');
    expect(stored.html).not.toContain('Pink House');
    expect(stored.nameRepairs!.map((r) => r.action)).toEqual(Array(4).fill('retranslated'));

    const data = storeSiteData({ store: runtime.store, language: 'en', translationNote: async () => null });
    const app = createWebApp({ data, siteName: 'H', language: 'en', siteUrl: 'https://news.test' });
    const view = (await data.articleById(result!.articleId))!;
    const { document } = parseHTML(await (await app.request(view.pagePath)).text());
    expect(document.querySelector('.note')!.textContent).toBe(
      'Translated from Spanish by OPUS-MT (opus-mt-es-en, version 2020-01-08). Machine translation may contain ' +
        'mistakes. 4 names the engine changed or left out were put back.',
    );
    await translator.close();
  });
});
