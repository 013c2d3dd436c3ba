import { describe, expect, it } from 'vitest';
import { extractEntities } from './index.js';

describe('extractEntities', () => {
  it('finds one entity across spellings and keeps multi-word names', () => {
    const es = extractEntities(['El líder llegó a Pionyang, donde Kim Jong Un recibió a Serguéi Lavrov.']);
    const de = extractEntities(['In Pjöngjang empfing Kim Jong-un den Minister Sergej Lawrow.']);
    const keys = (list: typeof es) =>
      list
        .filter((e) => e.kind !== 'name')
        .map((e) => `${e.kind}:${e.name}`)
        .sort();
    expect(keys(es)).toEqual(['person:Kim Jong Un', 'person:Sergei Lavrov', 'place:Pyongyang']);
    expect(keys(de)).toEqual(keys(es));
    const en = extractEntities(['Firefighters in the Campanar district said Maria Lopez Garcia had been rescued.']);
    expect(en.map((e) => e.name)).toContain('Maria Lopez Garcia');
  });

  it('counts a surname alone as the full name it stands for, not as a second entity', () => {
    const entities = extractEntities([
      'La ministra Ana Belén Castro habló ayer. Según dijo Castro, el plan sigue. Castro añadió que Castro no dimitirá.',
    ]);
    const full = entities.find((e) => / Castro$/.test(e.name));
    expect(full).toBeDefined();
    expect(entities.map((e) => e.name)).not.toContain('Castro');
    expect(full!.mentions).toBeGreaterThan(1);
  });

  it('returns nothing for empty or number-only text', () => {
    expect(extractEntities([''])).toEqual([]);
    expect(extractEntities(['1 2 3 2026'])).toEqual([]);
  });
});
