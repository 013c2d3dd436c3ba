import { describe, expect, it } from 'vitest';
import { fakeNeuralEngine, type FakeNeuralOptions } from './name-fakes.testkit.js';
import { lostNames, repairNames } from './name-repair.js';

/** repairNames through a fake engine: the first pass and the repair both go through it. */
async function repaired(sources: string[], options: FakeNeuralOptions) {
  const engine = fakeNeuralEngine(options);
  const first = await engine.translateTexts(sources, 'es', 'en');
  const out = await repairNames(sources, first, 'en', (texts) => engine.translateTexts(texts, 'es', 'en'));
  return { first, ...out, asked: engine.asked };
}

describe('lostNames', () => {
  it('accepts the name as written, its gazetteer spelling and a possessive, not an inflection', () => {
    expect(lostNames('Vladímir Putin habló en Moscú.', 'Vladimir Putin spoke in Moscow.', 'en')).toEqual([]);
    expect(lostNames('Vladímir Putin habló.', "Vladímir Putin's speech.", 'en')).toEqual([]);
    expect(lostNames('Vladímir Putin habló.', 'Vladímir Putins speech.', 'en').map((s) => s.name)).toEqual([
      'Vladímir Putin',
    ]);
    expect(lostNames('Habló en Moscú.', 'He spoke in Moscú.', 'en')).toEqual([]);
    expect(lostNames('Habló en Moscú.', 'He spoke in the capital.', 'en').map((s) => s.name)).toEqual(['Moscú']);
  });
});

describe('repairNames', () => {
  it('puts back a dropped name by translating its sentence again around a placeholder', async () => {
    const out = await repaired(['Pedro Sánchez dijo que sí. Ayer Ana López habló.'], {
      names: { 'Ana López': '' },
    });
    expect(out.first).toEqual(['Pedro Sánchez said that sí. Yesterday spoke.']);
    expect(out.texts).toEqual(['Pedro Sánchez said that sí. Yesterday Ana López spoke.']);
    expect(out.repairs).toEqual([{ name: 'Ana López', found: null, action: 'retranslated' }]);
    // Only the sentence that lost the name went back, with a number where the name was.
    expect(out.asked).toContain('Ayer 9471 habló.');
    expect(out.asked).not.toContain('Pedro Sánchez dijo que sí.');
  });

  it('repairs names made of common words ("Pink House", "Pilar of the River")', async () => {
    const names = { 'Casa Rosada': 'Pink House', 'Pilar del Río': 'Pilar of the River' };
    const out = await repaired(['La Casa Rosada anunció un acuerdo con Pilar del Río.'], { names });
    expect(out.first).toEqual(['The Pink House announced a agreement with Pilar of the River.']);
    expect(out.texts).toEqual(['The Casa Rosada announced a agreement with Pilar del Río.']);
    expect(out.repairs).toEqual([
      { name: 'Casa Rosada', found: 'Pink House', action: 'retranslated' },
      { name: 'Pilar del Río', found: 'Pilar of the River', action: 'retranslated' },
    ]);
  });

  it('repairs inflected names ("Putina", "Putins")', async () => {
    const out = await repaired(['Vladímir Putin habló.', 'Ayer Putin dijo.'], {
      names: { 'Vladímir Putin': 'Vladímir Putina', Putin: 'Putins' },
    });
    // Put back as the gazetteer spells it in English.
    expect(out.texts).toEqual(['Vladimir Putin spoke.', 'Yesterday Putin said.']);
    expect(out.repairs).toEqual([
      { name: 'Vladímir Putin', found: 'Vladímir Putina', action: 'retranslated' },
      { name: 'Putin', found: 'Putins', action: 'retranslated' },
    ]);
  });

  it('records nothing and asks nothing more when the names are kept', async () => {
    const out = await repaired(['Pedro Sánchez habló en Moscú.'], { names: { Moscú: 'Moscow' } });
    expect(out.texts).toEqual(['Pedro Sánchez spoke in Moscow.']);
    expect(out.repairs).toEqual([]);
    expect(out.asked).toHaveLength(1);
  });

  it('substitutes the aligned span when the placeholder is lost too', async () => {
    const out = await repaired(['La Casa Rosada anunció un acuerdo.', 'Vladímir Putin habló.'], {
      names: { 'Casa Rosada': 'Pink House', 'Vladímir Putin': 'Vladímir Putina' },
      placeholders: 'lose',
    });
    expect(out.texts).toEqual(['The Casa Rosada announced a agreement.', 'Vladimir Putin spoke.']);
    expect(out.repairs.map((r) => r.action)).toEqual(['substituted', 'substituted']);
  });

  it('leaves a dropped name unrepaired, and says so, when the placeholder is lost too', async () => {
    const out = await repaired(['Ana López habló ayer.'], { names: { 'Ana López': '' }, placeholders: 'lose' });
    expect(out.texts).toEqual(['spoke yesterday.']);
    expect(out.repairs).toEqual([{ name: 'Ana López', found: null, action: 'unrepaired' }]);
  });

  it('reads a placeholder the engine wrote with a thousands separator', async () => {
    const out = await repairNames(['Ana López habló.'], ['spoke.'], 'en', async (texts) =>
      texts.map((t) => t.replace('9471 habló', '9,471 spoke').replace('Ana López', '')),
    );
    expect(out.texts).toEqual(['Ana López spoke.']);
  });
});
