// Needs Apertium with apertium-eng-spa (CI installs it): these tests fail, never skip, without it.
import { afterAll, describe, it, expect } from 'vitest';
import { ApertiumEngine, modeToPair } from './apertium.js';
import { createTranslator } from './index.js';
import { engineContract } from './engine.contract.js';

const engine = new ApertiumEngine();
afterAll(() => engine.close());

describe('Apertium engine (real apertium)', () => {
  it('is installed with the es-en pair', async () => {
    expect(await engine.pairs()).toContain('es-en');
    expect(await engine.version()).toMatch(/^\d+\.\d+/);
    expect(modeToPair('spa-eng')).toBe('es-en');
  });

  it('translates a news sentence', async () => {
    const [out] = await engine.translateTexts(['El presidente ruso se reunió ayer con el primer ministro en Moscú.'], 'es', 'en');
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
    const html = '<p>Ayer, <strong>Vladímir Putin</strong>, dijo que <a href="/g">la guerra</a> continúa.</p><p>El <em>primer ministro</em> habló.</p>';
    const out = await engine.translateHtml(html, 'es', 'en');
    expect(out.match(/<p>/g)).toHaveLength(2);
    // The gazetteer writes the name as English does.
    expect(out).toContain('<strong>Vladimir Putin</strong>, said');
    expect(out).toMatch(/<a href="\/g">the war<\/a> continues/);
    expect(out).toMatch(/<em>prime minister<\/em>/);
    expect(out).not.toMatch(/\p{L}<\/(strong|a|em)>\p{L}|\p{L}<(strong|a|em)[ >]/u);
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
