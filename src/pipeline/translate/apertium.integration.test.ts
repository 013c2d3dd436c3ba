// Needs Apertium with apertium-eng-spa (CI installs it): these tests fail, never skip, without it.
import { afterAll, describe, it, expect } from 'vitest';
import { ApertiumEngine, modeToPair } from './apertium.js';
import { createTranslator } from './index.js';
import { engineContract } from './engine.contract.js';
import { runTexts } from './html.js';
import type { Article } from './types.js';

const engine = new ApertiumEngine();
afterAll(() => engine.close());

describe('Apertium engine (real apertium)', () => {
  it('is installed with the es-en pair', async () => {
    expect(await engine.pairs()).toContain('es-en');
    expect(await engine.version()).toMatch(/^\d+\.\d+/);
    expect(modeToPair('spa-eng')).toBe('es-en');
  });

  it('translates a news sentence', async () => {
    const [out] = await engine.translateTexts(
      ['El presidente ruso se reunió ayer con el primer ministro en Moscú.'],
      'es',
      'en',
    );
    expect(out).toContain('Moscow');
    expect(out).toContain('president');
    expect(out).toMatch(/\.$/);
  });

  it('gives one line per line, empty lines included, without unknown-word marks', async () => {
    const input = ['Hola.', '', 'El gato Xyzzyqw duerme.', '5 * 3 son 15.', ''];
    const out = await engine.translateTexts(input, 'es', 'en');
    expect(out).toHaveLength(input.length);
    expect(out[1]).toBe('');
    expect(out[4]).toBe('');
    expect(out[2]).not.toMatch(/[*#@]/);
    expect(out[2]).toContain('Xyzzyqw');
    expect(out[3]).toContain('5 * 3');
  });

  it('keeps paragraphs and inline tags, and glues no words at tag edges', async () => {
    const html =
      '<p>Ayer, <strong>Vladímir Putin</strong>, dijo que <a href="/g">la guerra</a> continúa.</p><p>El <em>primer ministro</em> habló.</p>';
    const out = await engine.translateHtml(html, 'es', 'en');
    expect(out.match(/<p>/g)).toHaveLength(2);
    // The gazetteer writes the name as English does.
    expect(out).toContain('<strong>Vladimir Putin</strong>, said');
    expect(out).toMatch(/<a href="\/g">the war<\/a> continues/);
    expect(out).toMatch(/<em>prime minister<\/em>/);
    expect(out).not.toMatch(/\p{L}<\/(strong|a|em)>\p{L}|\p{L}<(strong|a|em)[ >]/u);
  });

  it("reads an article's paragraphs out of its HTML translation, the same runs line for line", async () => {
    const asked: string[] = [];
    class Counting extends ApertiumEngine {
      override translateTexts(texts: string[], from: string, to: string) {
        asked.push(...texts);
        return super.translateTexts(texts, from, to);
      }
    }
    const translator = createTranslator({ engines: ['apertium'], extraEngines: [new Counting()] });
    const html =
      '<p><strong>Madrid</strong>, dijo el alcalde.<br>La ciudad crece.</p><p>Los vecinos <img src="/a.jpg"> pidieron más autobuses.</p>' +
      '<pre>tal cual</pre><ul><li>El <em>primer ministro</em> habló.</li></ul>';
    const article: Article = {
      url: 'https://example.es/a',
      canonicalUrl: 'https://example.es/a',
      site: 'Example',
      title: 'Un plan',
      subtitle: null,
      byline: null,
      publishedAt: null,
      languageHint: 'es',
      image: null,
      imageCaption: null,
      related: [],
      tags: [],
      section: null,
      isTeaser: false,
      html,
      paragraphs: [
        'Madrid, dijo el alcalde.\nLa ciudad crece.',
        'Los vecinos\npidieron más autobuses.',
        'El primer ministro habló.',
      ],
    };
    const out = (await translator.translateArticle(article, 'es', 'en'))!;
    await translator.close();
    expect(asked.filter((t) => t.trim())).toEqual(['Un plan']); // no paragraph went as plain text
    expect(out.paragraphs.flatMap((p) => p.split('\n'))).toEqual(runTexts(out.html));
    expect(out.paragraphs[0]).toMatch(/^Madrid, said the mayor\.\nThe city/);
    expect(out.html).toContain('<pre>tal cual</pre>');
    expect(out.html).toMatch(/^<p><strong>Madrid<\/strong>, said/);
  });

  it('stays warm: many requests share one pipeline and come back in order', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Tengo ${i} perros.`);
    const started = Date.now();
    const out = await engine.translateTexts(lines, 'es', 'en');
    expect(out.map((l) => /\d+/.exec(l)?.[0])).toEqual(lines.map((_, i) => String(i)));
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('serves a translator with provenance', async () => {
    const translator = createTranslator({ engines: ['apertium'] });
    const status = await translator.status();
    expect(status[0]).toMatchObject({ engine: 'apertium', available: true, message: 'ok' });
    expect(await translator.translateText(['Buenos días.'], 'es', 'en')).toEqual(['Good morning.']);
    await translator.close();
  });
});

engineContract('Apertium (real)', {
  scriptable: false,
  start: async () => ({ engine: new ApertiumEngine() }),
});
