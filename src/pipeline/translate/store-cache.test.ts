import { afterEach, describe, it, expect } from 'vitest';
import { openStore } from '../../store/index.js';
import { openTestStore, type TestStore } from '../../store/store.testkit.js';
import { createTranslator, storeTranslationCache, type TranslationEngine } from './index.js';

function countingEngine(): TranslationEngine & { asked: string[] } {
  const asked: string[] = [];
  return {
    name: 'upper',
    asked,
    version: async () => '1.0',
    supports: async () => true,
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

let test: TestStore | null = null;
afterEach(async () => {
  await test?.cleanup();
  test = null;
});

describe('store-backed translation cache', () => {
  it('lets a second process (a second store handle on the same file) translate nothing twice', async () => {
    test = await openTestStore();
    const first = countingEngine();
    const one = createTranslator({
      engines: ['upper'],
      extraEngines: [first],
      persistentCache: storeTranslationCache(test.store),
    });
    expect(await one.translateText(['hola', 'adiós', 'hola'], 'es', 'en')).toEqual(['HOLA', 'ADIÓS', 'HOLA']);
    expect(first.asked).toEqual(['hola', 'adiós']);

    const other = await openStore({ dbPath: test.dbPath });
    const second = countingEngine();
    const two = createTranslator({
      engines: ['upper'],
      extraEngines: [second],
      persistentCache: storeTranslationCache(other),
    });
    expect(await two.translateText(['adiós', 'nuevo', 'hola'], 'es', 'en')).toEqual(['ADIÓS', 'NUEVO', 'HOLA']);
    expect(second.asked).toEqual(['nuevo']);
    // Another pair is another key.
    expect(await two.translateText(['hola'], 'es', 'fr')).toEqual(['HOLA']);
    expect(second.asked).toEqual(['nuevo', 'hola']);
    await other.close();
  });
});
