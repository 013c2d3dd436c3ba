import { describe, it, expect } from 'vitest';
import { createTranslator, type TranslationEngine } from './index.js';
import { TranslationCache } from './cache.js';
import type { Article } from '../../model.js';

const article: Article = {
  url: 'https://example.es/a',
  canonicalUrl: 'https://example.es/a',
  site: 'Example',
  title: 'Pedro Sánchez habla',
  subtitle: null,
  byline: null,
  publishedAt: null,
  languageHint: 'es',
  image: null,
  imageCaption: null,
  paragraphs: ['Hola.', 'Hola.'],
  html: '<p>Hola.</p>',
  related: [],
  tags: [],
  section: null,
  isTeaser: false,
};

/** Upper-cases text and counts what it was asked, to prove the cache. */
function countingEngine(): TranslationEngine & { asked: string[] } {
  const asked: string[] = [];
  return {
    name: 'upper',
    asked,
    version: async () => '1.0',
    supports: async (from, to) => from === 'es' && to === 'en',
    translateTexts: async (texts) => {
      asked.push(...texts);
      return texts.map((t) => t.toUpperCase());
    },
    translateHtml: async (html) => {
      asked.push(html);
      return html.toUpperCase();
    },
    close: async () => undefined,
  };
}

describe('createTranslator', () => {
  it('is unavailable, with the fix spelled out, when apertium is missing', async () => {
    const translator = createTranslator({ engines: ['apertium'], apertiumPath: '/nonexistent/bin/apertium' });
    expect(await translator.status()).toEqual([
      {
        engine: 'apertium',
        available: false,
        pairs: [],
        version: null,
        message: 'install Apertium: apt-get install apertium apertium-eng-spa',
      },
    ]);
    expect(await translator.translateArticle(article, 'es', 'en')).toBeNull();
    expect(await translator.translateText(['hola'], 'es', 'en')).toBeNull();
  });

  it('translates an article with provenance and names, and never the same text twice', async () => {
    const engine = countingEngine();
    const translator = createTranslator({ engines: ['upper'], extraEngines: [engine] });
    const first = await translator.translateArticle(article, 'es', 'en');
    expect(first).toMatchObject({
      language: 'en',
      sourceLanguage: 'es',
      engine: 'upper',
      engineVersion: '1.0',
      title: 'PEDRO SÁNCHEZ HABLA',
      subtitle: null,
      paragraphs: ['HOLA.', 'HOLA.'],
      html: '<p>HOLA.</p>', // the engine's HTML, sanitized (tags lower-cased)
      protectedNames: ['Pedro Sánchez'],
    });
    const askedOnce = engine.asked.length;
    await translator.translateArticle(article, 'es', 'en');
    expect(engine.asked.length).toBe(askedOnce);
    // The body went through the engine once, as HTML; its paragraphs were read back out of it.
    expect(engine.asked.filter((t) => t === 'Hola.')).toHaveLength(0);
    expect(engine.asked.filter((t) => t === '<p>Hola.</p>')).toHaveLength(1);
  });

  it('translates as plain text only the paragraphs the HTML does not hold, in their places', async () => {
    const engine = countingEngine();
    const translator = createTranslator({ engines: ['upper'], extraEngines: [engine] });
    const mixed = {
      ...article,
      paragraphs: ['Uno <b>dos</b>.', 'Solo en texto.', 'Tres\ncuatro.'],
      html: '<p>Uno &lt;b&gt;dos&lt;/b&gt;.</p><p>Tres<br>cuatro.</p>',
    };
    const out = await translator.translateArticle(mixed, 'es', 'en');
    expect(out!.paragraphs).toEqual(['UNO <B>DOS</B>.', 'SOLO EN TEXTO.', 'TRES\nCUATRO.']);
    expect(engine.asked).not.toContain('Uno <b>dos</b>.');
    expect(engine.asked).toContain('Solo en texto.');
  });

  it('falls back to plain text for every paragraph when the translated HTML lost its shape', async () => {
    const engine = { ...countingEngine(), translateHtml: async () => '<p>all in one</p>' };
    const translator = createTranslator({ engines: ['upper'], extraEngines: [engine] });
    const out = await translator.translateArticle(
      { ...article, paragraphs: ['Uno.', 'Dos.'], html: '<p>Uno.</p><p>Dos.</p>' },
      'es',
      'en',
    );
    expect(out!.paragraphs).toEqual(['UNO.', 'DOS.']);
  });

  it('reads the paragraphs from the runs an engine gives with its HTML, and caches them with it', async () => {
    const engine = countingEngine();
    const withRuns: TranslationEngine = {
      ...engine,
      // A reshaped HTML: cutting it again would find one run for two and give up.
      translateHtmlRuns: async (html) => {
        engine.asked.push(html);
        return {
          html: '<div>ONE. TWO.</div>',
          runs: [
            ['Uno.', 'ONE.'],
            ['Dos.', 'TWO.'],
          ],
        };
      },
    };
    const translator = createTranslator({ engines: ['upper'], extraEngines: [withRuns] });
    const two = { ...article, paragraphs: ['Uno.', 'Dos.'], html: '<p>Uno.</p><p>Dos.</p>' };
    expect((await translator.translateArticle(two, 'es', 'en'))!.paragraphs).toEqual(['ONE.', 'TWO.']);
    const asked = engine.asked.length;
    expect(await translator.translateArticle(two, 'es', 'en')).toMatchObject({
      paragraphs: ['ONE.', 'TWO.'],
      html: '<div>ONE. TWO.</div>',
    });
    expect(engine.asked.length).toBe(asked);
    expect(engine.asked).not.toContain('Uno.');
  });

  it('returns null for a pair no engine supports', async () => {
    const translator = createTranslator({ engines: ['upper', 'nosuch'], extraEngines: [countingEngine()] });
    expect(await translator.translateText(['x'], 'fr', 'de')).toBeNull();
    expect((await translator.status())[1]).toMatchObject({ engine: 'nosuch', available: false });
  });
});

describe('TranslationCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new TranslationCache(2);
    cache.set('a', '1');
    cache.set('b', '2');
    cache.get('a');
    cache.set('c', '3');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1');
    expect(cache.size).toBe(2);
  });

  it('keys by engine, pair and text', () => {
    expect(TranslationCache.key('apertium', 'es', 'en', 'x')).not.toBe(
      TranslationCache.key('apertium', 'es', 'ca', 'x'),
    );
  });
});
