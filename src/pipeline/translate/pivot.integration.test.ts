// Needs Apertium with apertium-eng-spa and apertium-es-pt (CI installs them): fails, never skips, without them.
import { afterAll, describe, it, expect } from 'vitest';
import { ApertiumEngine } from './apertium.js';

const engine = new ApertiumEngine();
afterAll(() => engine.close());

describe('Apertium pivot through Spanish (needs apertium-es-pt)', () => {
  it('translates Portuguese to English via Spanish, names kept', async () => {
    expect(await engine.route('pt', 'en')).toEqual([
      ['pt', 'es'],
      ['es', 'en'],
    ]);
    expect(await new ApertiumEngine({ pivot: null }).supports('pt', 'en')).toBe(false);
    const [out] = await engine.translateTexts(['O presidente Vladimir Putin chegou ontem a Moscovo.'], 'pt', 'en');
    expect(out).toContain('Vladimir Putin');
    expect(out).toMatch(/president/i);
  });

  it("finds no new names in the first hop's Spanish: a translated opener is no name", async () => {
    // Hop 1 leaves "Calendário" to the engine (a sentence opener, not part of the name "Porsche Cup")
    // and writes "Calendario de la Porsche Cup"; read as a capitalised run, that Spanish reached the English.
    const title = 'Calendário da Porsche Cup 2026';
    const [plain] = await engine.translateTexts([title], 'pt', 'en');
    const { html } = await engine.translateHtmlRuns(`<h1>${title}</h1>`, 'pt', 'en');
    for (const out of [plain!, html]) {
      expect(out).toContain('Porsche Cup');
      expect(out).not.toMatch(/Calendari|de la/);
    }
  });

  it('describes the route: no model, the Apertium version, the pivot', async () => {
    const version = await engine.version();
    expect(version).toMatch(/^\d+\.\d+/);
    expect(await engine.describe('pt', 'en')).toEqual({ model: null, version, via: 'es' });
    expect(await engine.describe('es', 'en')).toEqual({ model: null, version, via: null });
  });
});
