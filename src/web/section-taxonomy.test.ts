import { describe, expect, it } from 'vitest';
import { sectionChoice, sectionLabel } from './section-labels.js';
import { overridesText, parseOverrides, readOverrides, sectionOf } from './section-overrides.js';
import { sectionsFilter, type SourceOverrides } from './section-filter.js';
import { SECTION_KEYS, sectionKeyOf } from './section-taxonomy.js';

describe('section taxonomy', () => {
  it("maps the publishers' section names of es, pt, fr, de, it and en to one section each", () => {
    const cases: Record<string, string[]> = {
      world: [
        'Internacional',
        'International',
        'Mundo',
        'Welt',
        'Ausland',
        'Monde',
        'Esteri',
        'UK',
        'US',
        'España',
        'Brasil',
      ],
      sport: ['Deportes', 'Esportes', 'Sport', 'Sports', 'Calcio', 'Fußball'],
      culture: ['Cultura', 'Culture', 'Kultur', 'Feuilleton'],
      politics: ['Politik', 'Política', 'Politique', 'Politica', 'Politics'],
      economy: ['Economía', 'Economia', 'Wirtschaft', 'Économie', 'Business'],
      local: ['Región', 'Regional', 'Local', 'Lokales', 'Local news', 'Cidades'],
      opinion: ['Opinión', 'Meinung', 'Opinião', 'Editoriale'],
      'science-tech': ['Ciencia', 'Tecnologia', 'Wissenschaft', 'Science & Environment', 'Sciences'],
      health: ['Salud', 'Saúde', 'Gesundheit'],
    };
    for (const [key, names] of Object.entries(cases))
      for (const name of names) expect(sectionKeyOf(name), name).toBe(key);
  });

  it('maps no section for a name no rule knows, and keeps short words to whole names', () => {
    for (const name of ['Agenda', 'Última hora', 'About us', 'Verschiedenes', '', null])
      expect(sectionKeyOf(name), String(name)).toBeNull();
  });

  it('labels every section in each site language, English for one it lacks', () => {
    for (const language of ['en', 'es', 'pt', 'fr', 'de', 'it', 'ja'])
      for (const key of SECTION_KEYS) expect(sectionLabel(key, language)).toMatch(/\p{L}/u);
    expect(sectionLabel('sport', 'es')).toBe('Deportes');
    expect(sectionLabel('world', 'de-AT')).toBe('Welt');
    expect(sectionLabel('science-tech', 'ja')).toBe('Science & Tech');
  });

  it('reads ?section= as a key, a label, or a publisher name the rules map; else as a stored name', () => {
    expect(sectionChoice('sport', 'en')).toEqual({ siteSection: 'sport' });
    expect(sectionChoice('Science & Tech', 'en')).toEqual({ siteSection: 'science-tech' });
    expect(sectionChoice('Deportes', 'en')).toEqual({ siteSection: 'sport' });
    expect(sectionChoice('Ciencia y tecnología', 'es')).toEqual({ siteSection: 'science-tech' });
    expect(sectionChoice('Agenda', 'en')).toEqual({ section: 'Agenda' });
    expect(sectionChoice(undefined, 'en')).toEqual({});
  });
});

describe("a source's section overrides", () => {
  it('read from admin text, by key or label, and written back', () => {
    const parsed = parseOverrides('Deportes = Sport; Región = local ;* = World', 'en');
    expect(parsed).toEqual({ overrides: { deportes: 'sport', region: 'local', '*': 'world' } });
    expect(overridesText(readOverrides(JSON.stringify((parsed as { overrides: object }).overrides)))).toBe(
      'deportes = sport; region = local; * = world',
    );
    expect(parseOverrides('', 'en')).toEqual({ overrides: null });
    expect(parseOverrides('Deportes = Cricket', 'en')).toEqual({
      problem: '"Cricket" is not one of the site\'s sections.',
    });
    expect('problem' in parseOverrides('Deportes', 'en')).toBe(true);
    expect(readOverrides('{not json')).toBeNull();
    expect(readOverrides('{"x":"nonsense"}')).toBeNull();
  });

  it('win over the rules: the own name first, then "*", then the rules', () => {
    const overrides = { deportes: 'local', '*': 'culture' } as const;
    expect(sectionOf('Deportes', overrides)).toBe('local');
    expect(sectionOf('Internacional', overrides)).toBe('culture');
    expect(sectionOf(null, overrides)).toBe('culture');
    expect(sectionOf('Internacional', null)).toBe('world');
  });

  it("make the store's filter: rule names, and the overriding sources apart", () => {
    const stored = ['Deportes', 'Sport', 'Politik', 'Agenda'];
    const sources: SourceOverrides[] = [
      { sourceId: 3, overrides: { '*': 'local' as const } },
      { sourceId: 4, overrides: { agenda: 'sport' as const } },
    ];
    expect(sectionsFilter('sport', stored, sources)).toEqual({
      names: ['Deportes', 'Sport'],
      exceptSources: [3, 4],
      allOfSources: [],
      pairs: [
        { sourceId: 4, section: 'Deportes' },
        { sourceId: 4, section: 'Sport' },
        { sourceId: 4, section: 'Agenda' },
      ],
    });
    expect(sectionsFilter('local', stored, sources).allOfSources).toEqual([3]);
  });
});
