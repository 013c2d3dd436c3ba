import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleArticle, type TestStore } from '../store/store.testkit.js';
import type { Translation } from '../store/index.js';
import { retranslateArticles, type RetranslateReport } from './retranslate.js';
import { createTranslator, type TranslationEngine } from './translate/index.js';

/** Upper-cases (es, de → en); fails on any text containing "FAIL"; counts what it translated. */
function upperEngine(): TranslationEngine & { texts: number } {
  const engine = {
    name: 'upper',
    texts: 0,
    version: async () => '1.0',
    supports: async (from: string, to: string) => ['es', 'de'].includes(from) && to === 'en',
    translateTexts: async (texts: string[]) => {
      if (texts.some((t) => t.includes('FAIL'))) throw new Error('engine choked');
      engine.texts += texts.length;
      return texts.map((t) => t.toUpperCase());
    },
    translateHtml: async (html: string) => html.toUpperCase(),
    close: async () => undefined,
  };
  return engine;
}

const oldTranslation = (title: string): Translation => ({
  language: 'en',
  sourceLanguage: 'es',
  engine: 'apertium',
  engineVersion: '3.8.3',
  title,
  subtitle: null,
  paragraphs: [title],
  html: `<p>${title}</p>`,
  protectedNames: [],
  translatedAt: '2026-11-02T00:00:00Z',
});

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(() => t.cleanup());

async function save(slug: string, language: string, sourceId: number | null, extra: { publishedAt?: string } = {}) {
  const url = `https://news.example/${slug}`;
  const article = sampleArticle({ url, canonicalUrl: url, title: `Titular ${slug}`, paragraphs: [`Texto ${slug}.`] });
  const { articleId } = await t.store.saveArticle(
    { ...article, ...extra, language, sourceId, feedId: null, seenAt: '2026-11-20T00:00:00Z' },
    language === 'es' ? [oldTranslation(`old ${slug}`)] : [],
  );
  return articleId;
}

describe('retranslateArticles', () => {
  it('redoes translations from another engine, skips current ones on a rerun, records failures and goes on', async () => {
    const { source } = await t.store.createSource({ name: 'El Ejemplo', url: 'https://news.example/feed' });
    const es = await save('es-1', 'es', source.id);
    const de = await save('de-1', 'de', source.id); // stored untranslated: no engine had the pair
    const en = await save('en-1', 'en', source.id);
    const ru = await save('ru-1', 'ru', null);
    const broken = await save('es-fail', 'es', source.id);
    await t.store.saveArticle({
      ...sampleArticle({ url: 'https://news.example/es-fail', title: 'FAIL here' }),
      language: 'es',
      sourceId: source.id,
      feedId: null,
      seenAt: '2026-11-20T00:00:00Z',
    });
    const engine = upperEngine();
    const translator = createTranslator({ engines: ['upper'], extraEngines: [engine] });
    const batches: RetranslateReport[] = [];
    const deps = { store: t.store, translator, languages: ['en'] };

    const first = await retranslateArticles(deps, { batchSize: 2, onBatch: (r) => batches.push(r) });
    expect(first).toEqual({ articles: 5, retranslated: 2, current: 0, unserved: 1, failed: 1 });
    expect(batches.map((b) => b.articles)).toEqual([2, 4, 5]);
    expect((await t.store.translationOf(es, 'en'))?.title).toBe('TITULAR ES-1');
    expect(await t.store.translationOf(de, 'en')).toMatchObject({ engine: 'upper', title: 'TITULAR DE-1' });
    expect(await t.store.translationOf(en, 'en')).toBeNull();
    expect(await t.store.translationOf(ru, 'en')).toBeNull();
    // The failed article keeps its old translation, and its failure is on its item row.
    expect((await t.store.translationOf(broken, 'en'))?.engine).toBe('apertium');
    const errors = await t.store.itemErrors({ limit: 10 });
    expect(errors).toEqual([
      expect.objectContaining({ url: 'https://news.example/es-fail', stage: 'translate', sourceId: source.id }),
    ]);
    expect(errors[0]!.message).toMatch(/engine choked/);

    const texts = engine.texts;
    const again = await retranslateArticles(deps);
    expect(again).toEqual({ articles: 5, retranslated: 0, current: 2, unserved: 1, failed: 1 });
    expect(engine.texts).toBe(texts);
  });
});
