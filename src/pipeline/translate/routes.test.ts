import { describe, expect, it } from 'vitest';
import { createTranslator, pairsInto, routeLine, type TranslationEngine } from './index.js';

/** An engine for the given pairs; with a model, it describes it as a neural engine would. */
function fakeEngine(name: string, pairs: string[], model?: (from: string, to: string) => string): TranslationEngine {
  return {
    name,
    version: async () => '2.0',
    supports: async (from, to) => pairs.includes(`${from}-${to}`),
    translateTexts: async (texts) => texts,
    translateHtml: async (html) => html,
    ...(model && {
      describe: async (from: string, to: string) => ({ model: model(from, to), version: '1a2b3c4d5e6f', via: null }),
    }),
    close: async () => undefined,
  };
}

describe('translator routes', () => {
  it('names, per pair, the first engine that serves it, its model and version, or how to get one', async () => {
    const translator = createTranslator({
      engines: ['neural', 'rules', 'es-en:rules'],
      extraEngines: [
        fakeEngine('neural', ['de-en', 'es-en'], (from, to) => `opus-mt-${from}-${to}`),
        fakeEngine('rules', ['es-en', 'pt-en']),
      ],
    });
    const routes = await translator.routes(pairsInto(['de', 'es', 'pt', 'ru', 'en'], ['en']));
    expect(routes.map((r) => routeLine(r))).toEqual([
      'de → en: neural opus-mt-de-en (rev 1a2b3c4)',
      // The pair's own order ("es-en:rules") comes before the general one.
      'es → en: rules 2.0',
      'pt → en: rules 2.0',
      'ru → en: none (install a model: happenings models add ru-en)',
    ]);
    expect(routes[0]).toEqual({
      from: 'de',
      to: 'en',
      engine: 'neural',
      model: 'opus-mt-de-en',
      version: '1a2b3c4d5e6f',
      via: null,
    });
  });

  it('says to configure the neural engine when the configured order leaves it out', () => {
    const none = { from: 'ru', to: 'en', engine: null, model: null, version: null, via: null };
    expect(routeLine(none, ['apertium'])).toBe(
      'ru → en: none (install a model: happenings models add ru-en, and put neural in HAPPENINGS_TRANSLATION_ENGINES)',
    );
    expect(routeLine(none, ['neural', 'apertium'])).toBe(
      'ru → en: none (install a model: happenings models add ru-en)',
    );
  });

  it('writes a pivot and a hand-placed model readably', () => {
    expect(routeLine({ from: 'pt', to: 'en', engine: 'apertium', model: null, version: '3.8.3', via: 'es' })).toBe(
      'pt → en: apertium 3.8.3 via es',
    );
    expect(
      routeLine({ from: 'it', to: 'en', engine: 'neural', model: 'opus-mt-it-en', version: 'local', via: null }),
    ).toBe('it → en: neural opus-mt-it-en (local)');
  });

  it('pairs every language into every site language but itself', () => {
    expect(pairsInto(['de', 'en', 'de'], ['en', 'es'])).toEqual([
      { from: 'de', to: 'en' },
      { from: 'de', to: 'es' },
      { from: 'en', to: 'es' },
    ]);
  });
});
