/**
 * Issue 15, finding 4: HTML from an HTTP translation engine went to the store unsanitized. Each
 * HTTP engine here answers like a careless model (escaped markup un-escaped, script, a refresh, a
 * form and a style added); what translateArticle returns for storing is safe whatever the engine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../pipeline/translate/index.js';
import { startFakeService, type FakeService } from '../pipeline/translate/fake-services.testkit.js';
import type { Article } from '../pipeline/translate/types.js';

const article: Article = {
  url: 'https://diario.example.es/a',
  canonicalUrl: 'https://diario.example.es/a',
  site: 'diario.example.es',
  title: 'El Gobierno aprueba la ley',
  subtitle: null,
  byline: null,
  publishedAt: null,
  languageHint: 'es',
  image: null,
  imageCaption: null,
  paragraphs: ['La ley dice que 3 &lt; 4.', 'Fin.'],
  html: '<p>La ley dice que 3 &lt;script&gt; 4.</p><p>Fin.</p>',
  related: [],
  tags: [],
  isTeaser: false,
} as unknown as Article;

let service: FakeService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

describe('attack: hostile translation engine output', () => {
  for (const kind of ['openai', 'libretranslate', 'deepl'] as const) {
    it(`${kind}: script, handlers, refresh, form and style never reach the stored HTML`, async () => {
      service = await startFakeService(kind);
      service.script.push(...Array<'hostile'>(10).fill('hostile'));
      const translator = createTranslator({
        engines: [kind],
        [kind]: { url: kind === 'openai' ? `${service.url}/v1` : service.url, apiKey: 'k', model: 'm' },
      });
      const out = (await translator.translateArticle(article, 'es', 'en'))!;
      await translator.close();
      expect(out.engine).toBe(kind);
      expect(out.html).toContain('LA LEY DICE QUE 3');
      expect(out.html).not.toMatch(/<script|onerror|<meta|<form|<style|javascript:|<img src="?x/i);
    });
  }
});
