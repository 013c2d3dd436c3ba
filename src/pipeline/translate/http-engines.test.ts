import { describe, expect, it } from 'vitest';
import { engineContract } from './engine.contract.js';
import { startFakeService } from './fake-services.testkit.js';
import { DeepLEngine, LibreTranslateEngine, OpenAiEngine, translationPrompt } from './http-engines.js';

engineContract('LibreTranslate', {
  scriptable: true,
  async start() {
    const service = await startFakeService('libretranslate');
    return { service, engine: new LibreTranslateEngine({ url: service.url, apiKey: 'k', retries: 3 }) };
  },
});

engineContract('DeepL', {
  scriptable: true,
  async start() {
    const service = await startFakeService('deepl');
    return { service, engine: new DeepLEngine({ url: service.url, apiKey: 'secret', retries: 3 }) };
  },
});

engineContract('OpenAI-compatible', {
  scriptable: true,
  async start() {
    const service = await startFakeService('openai');
    return {
      service,
      engine: new OpenAiEngine({ url: `${service.url}/v1`, apiKey: 'sk', model: 'qwen2.5-7b-instruct', retries: 3 }),
    };
  },
});

describe('HTTP engines: what they send', () => {
  it('DeepL: auth header, language codes, html tag handling, names in translate="no"', async () => {
    const service = await startFakeService('deepl');
    await new DeepLEngine({ url: service.url, apiKey: 'secret' }).translateTexts(['Putin habla'], 'es', 'en');
    const request = service.requests.at(-1)!;
    expect(request.path).toBe('/v2/translate');
    expect(request.headers.authorization).toBe('DeepL-Auth-Key secret');
    expect(request.body).toEqual({
      text: ['<span translate="no">Putin</span> habla'],
      source_lang: 'ES',
      target_lang: 'EN-GB',
      tag_handling: 'html',
    });
    await service.close();
  });

  it('OpenAI: a system prompt that keeps names, numbers and markup; temperature 0', async () => {
    const service = await startFakeService('openai');
    await new OpenAiEngine({ url: `${service.url}/v1`, model: 'm', apiKey: 'sk' }).translateTexts(['hola'], 'es', 'en');
    const request = service.requests.at(-1)!;
    expect(request.headers.authorization).toBe('Bearer sk');
    expect(request.body.temperature).toBe(0);
    expect(request.body.messages[0].content).toBe(translationPrompt('es', 'en'));
    expect(request.body.messages[1].content).toBe('hola');
    expect(translationPrompt('es', 'en')).toMatch(/keep every tag/);
    expect(translationPrompt('es', 'en')).toMatch(/translate="no".*unchanged/);
    expect(translationPrompt('es', 'en')).toMatch(/name.*exactly as written/);
    expect(translationPrompt('es', 'en')).toMatch(/numbers.*exactly as written/);
    await service.close();
  });
});

describe('createTranslator with HTTP engines and a per-pair order', () => {
  it("routes es→en to the pair's own engine first, and falls back to the general order", async () => {
    const { createTranslator, engineOrder } = await import('./index.js');
    expect(engineOrder(['es-en:deepl', 'libretranslate', 'apertium'])).toEqual({
      general: ['libretranslate', 'apertium'],
      byPair: { 'es-en': ['deepl'] },
    });
    const libre = await startFakeService('libretranslate');
    const deepl = await startFakeService('deepl');
    const translator = createTranslator({
      engines: ['es-en:deepl', 'libretranslate'],
      libretranslate: { url: libre.url },
      deepl: { url: deepl.url, apiKey: 'k' },
    });
    expect(await translator.translateText(['hola'], 'es', 'en')).toEqual(['HOLA']);
    expect(deepl.requests.some((r) => r.path === '/v2/translate')).toBe(true);
    expect(await translator.translateText(['hola'], 'es', 'fr')).toEqual(['HOLA']);
    expect(libre.requests.some((r) => r.path === '/translate')).toBe(true);
    expect(await translator.translateText(['hola'], 'xx', 'en')).toBeNull();
    await translator.close();
    await libre.close();
    await deepl.close();
  });
});
