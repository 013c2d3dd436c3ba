import { describe, expect, it } from 'vitest';
import { createTranslator } from './index.js';
import { fakeNeuralEngine } from './name-fakes.testkit.js';
import type { Article } from '../../model.js';

const article: Article = {
  url: 'https://example.es/casa',
  canonicalUrl: 'https://example.es/casa',
  site: 'Example',
  title: 'La Casa Rosada anunció un acuerdo',
  subtitle: 'Ayer Ana López habló con Pilar del Río.',
  byline: null,
  publishedAt: null,
  languageHint: 'es',
  image: null,
  imageCaption: 'Vladímir Putin en Moscú.',
  paragraphs: [
    'La Casa Rosada anunció ayer un acuerdo.',
    'Vladímir Putin se reunió con Ana López.',
    'Solo en texto con Ana López.',
  ],
  html: '<p>La <b>Casa Rosada</b> anunció ayer un acuerdo.</p><p>Vladímir Putin se reunió con <a href="https://example.es/ana">Ana López</a>.</p>',
  related: [],
  tags: [],
  section: null,
  isTeaser: false,
};

const names = {
  'Casa Rosada': 'Pink House',
  'Pilar del Río': 'Pilar of the River',
  'Vladímir Putin': 'Vladímir Putina',
  'Ana López': '',
  Moscú: 'Moscow',
};

describe('a translator over an engine that does not protect names', () => {
  it('repairs the title, subtitle, caption, paragraphs and HTML alike, and records each repair', async () => {
    const engine = fakeNeuralEngine({ names });
    const translator = createTranslator({ engines: ['neural'], extraEngines: [engine] });
    const out = (await translator.translateArticle(article, 'es', 'en'))!;
    expect(out.title).toBe('The Casa Rosada announced a agreement');
    expect(out.subtitle).toBe('Yesterday Ana López spoke with Pilar del Río.');
    expect(out.imageCaption).toBe('Vladimir Putin in Moscow.');
    expect(out.paragraphs).toEqual([
      'The Casa Rosada announced yesterday a agreement.',
      'Vladimir Putin himself met with Ana López.',
      'Solo in texto with Ana López.',
    ]);
    // The page shows the HTML: the same words, inside the tags that wrapped them; a link the engine
    // emptied stays empty and the name is written after it.
    expect(out.html).toBe(
      '<p>The <b>Casa Rosada</b> announced yesterday a agreement.</p>' +
        '<p>Vladimir Putin himself met with <a rel="noopener noreferrer nofollow" href="https://example.es/ana"></a>Ana López.</p>',
    );
    // The body's runs first, then the title, subtitle, caption and the paragraph only in the text.
    expect(out.nameRepairs).toEqual([
      { name: 'Casa Rosada', found: 'Pink House', action: 'retranslated' },
      { name: 'Vladímir Putin', found: 'Vladímir Putina', action: 'retranslated' },
      { name: 'Ana López', found: null, action: 'retranslated' },
      { name: 'Casa Rosada', found: 'Pink House', action: 'retranslated' },
      { name: 'Ana López', found: null, action: 'retranslated' },
      { name: 'Pilar del Río', found: 'Pilar of the River', action: 'retranslated' },
      { name: 'Vladímir Putin', found: 'Vladímir Putina', action: 'retranslated' },
      { name: 'Ana López', found: null, action: 'retranslated' },
    ]);
    expect(out).toMatchObject({ engine: 'neural', model: 'opus-mt-es-en', via: null, engineVersion: '2020-01-08' });
    expect(await translator.translateText(['Ayer Ana López habló.'], 'es', 'en')).toEqual([
      'Yesterday Ana López spoke.',
    ]);
  });

  it('stores the article when even the placeholder is lost, the names recorded as unrepaired', async () => {
    const engine = fakeNeuralEngine({ names: { 'Ana López': '' }, placeholders: 'lose' });
    const translator = createTranslator({ engines: ['neural'], extraEngines: [engine] });
    const out = (await translator.translateArticle(article, 'es', 'en'))!;
    expect(out.paragraphs[1]).toBe('Vladímir Putin himself met with .');
    expect(out.html).toContain('met with <a rel="noopener noreferrer nofollow" href="https://example.es/ana"></a>.');
    expect(out.nameRepairs!.filter((r) => r.name === 'Ana López')).toEqual([
      { name: 'Ana López', found: null, action: 'unrepaired' },
      { name: 'Ana López', found: null, action: 'unrepaired' },
      { name: 'Ana López', found: null, action: 'unrepaired' },
    ]);
  });

  it('records no repairs and asks nothing more when the engine keeps every name', async () => {
    const engine = fakeNeuralEngine({ names: { Moscú: 'Moscow', 'Pilar del Río': 'Pilar del Río' } });
    const translator = createTranslator({ engines: ['neural'], extraEngines: [engine] });
    const out = (await translator.translateArticle(article, 'es', 'en'))!;
    expect(out.nameRepairs).toEqual([]);
    expect(engine.asked).toHaveLength(5); // the HTML, then the title, subtitle, caption and plain paragraph
  });

  it('substitutes in the HTML when its runs cannot be paired with the source, and checks paragraphs as text', async () => {
    const fake = fakeNeuralEngine({ names });
    // The engine joined the two paragraphs into one: its runs cannot be paired with the source's.
    const engine = {
      ...fake,
      translateHtml: async (html: string) => (await fake.translateHtml(html, 'es', 'en')).replace('</p><p>', ' '),
    };
    const translator = createTranslator({ engines: ['neural'], extraEngines: [engine] });
    const out = (await translator.translateArticle(article, 'es', 'en'))!;
    expect(out.html).toBe(
      '<p>The <b>Casa Rosada</b> announced yesterday a agreement. Vladimir Putin himself met with <a rel="noopener noreferrer nofollow" href="https://example.es/ana"></a>.</p>',
    );
    expect(out.paragraphs.slice(0, 2)).toEqual([
      'The Casa Rosada announced yesterday a agreement.',
      'Vladimir Putin himself met with Ana López.',
    ]);
    expect(out.nameRepairs!.slice(0, 3)).toEqual([
      { name: 'Casa Rosada', found: 'Pink House', action: 'substituted' },
      { name: 'Vladímir Putin', found: 'Vladímir Putina', action: 'substituted' },
      { name: 'Ana López', found: null, action: 'unrepaired' },
    ]);
  });

  it('repairs a 5,000-word paragraph, emoji and mixed scripts in bounded time', async () => {
    const engine = fakeNeuralEngine({ names });
    const translator = createTranslator({ engines: ['neural'], extraEngines: [engine] });
    const long = `${'el lunes 🙂 Москва y la ciudad '.repeat(1_000)}con Ana López.`;
    const started = performance.now();
    const out = (await translator.translateArticle(
      { ...article, paragraphs: [long], html: `<p>${long}</p>`, imageCaption: null },
      'es',
      'en',
    ))!;
    expect(out.paragraphs[0]!.endsWith('with Ana López.')).toBe(true);
    expect(out.html).toContain('with Ana López.</p>');
    expect(performance.now() - started).toBeLessThan(5_000); // ~0.3 s here
  });

  it('leaves an engine that protects names itself unchecked', async () => {
    const engine = { ...fakeNeuralEngine({ names }), protectsNames: undefined, describe: undefined };
    const translator = createTranslator({ engines: ['neural'], extraEngines: [engine] });
    const out = (await translator.translateArticle(article, 'es', 'en'))!;
    expect(out.title).toBe('The Pink House announced a agreement');
    expect(out.nameRepairs).toBeUndefined();
    expect(out.model).toBeUndefined();
  });
});
