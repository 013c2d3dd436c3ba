import { describe, it, expect } from 'vitest';
import { detectLanguage, normalizeHint } from './index.js';

// Short news-like sentences written for these tests, one per language the site meets most.
const samples: Record<string, string> = {
  es: 'El Gobierno aprobó ayer una nueva ley de vivienda que limita el precio de los alquileres en las grandes ciudades.',
  ca: 'El Govern va aprovar ahir una nova llei d’habitatge que limita el preu dels lloguers a les grans ciutats.',
  gl: 'O Goberno aprobou onte unha nova lei de vivenda que limita o prezo dos alugueiros nas grandes cidades, dixo a ministra.',
  eu: 'Gobernuak atzo etxebizitza lege berri bat onartu zuen, hiri handietako alokairuen prezioa mugatzen duena.',
  fr: 'Le gouvernement a approuvé hier une nouvelle loi sur le logement qui limite le prix des loyers dans les grandes villes.',
  de: 'Die Regierung hat gestern ein neues Wohnungsgesetz verabschiedet, das die Mietpreise in den Großstädten begrenzt.',
  pt: 'O Governo aprovou ontem uma nova lei da habitação que limita o preço das rendas nas grandes cidades, disse a ministra.',
  it: 'Il governo ha approvato ieri una nuova legge sulla casa che limita il prezzo degli affitti nelle grandi città.',
  ru: 'Правительство вчера одобрило новый закон о жилье, который ограничивает стоимость аренды в крупных городах.',
  en: 'The government yesterday approved a new housing law that caps rents in the largest cities.',
};

describe('detectLanguage', () => {
  for (const [language, text] of Object.entries(samples)) {
    it(`recognises ${language}`, () => {
      const detected = detectLanguage(text);
      expect(detected.language).toBe(language);
      expect(detected.confidence).toBeGreaterThan(0);
      expect(detected.confidence).toBeLessThanOrEqual(1);
    });
  }

  it('answers null for empty or letterless text without a hint', () => {
    expect(detectLanguage('')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('12:30 — 4,5 %')).toEqual({ language: null, confidence: 0 });
  });

  it('answers the hint for text too short to judge', () => {
    expect(detectLanguage('Hola', 'es-ES')).toEqual({ language: 'es', confidence: 0 });
    expect(detectLanguage('', 'gl')).toEqual({ language: 'gl', confidence: 0 });
  });

  it('lets the hint decide between close relatives in short text', () => {
    expect(detectLanguage('A presidenta da Xunta visitou a feira', 'gl').language).toBe('gl');
  });

  it('does not let the hint overrule clear text in another family', () => {
    expect(detectLanguage(samples.de!, 'es').language).toBe('de');
  });

  it('does not let the hint overrule a long text', () => {
    const long = `${samples.es} ${samples.es} ${samples.es}`;
    expect(detectLanguage(long, 'ca').language).toBe('es');
  });
});

describe('normalizeHint', () => {
  it('keeps the primary subtag only', () => {
    expect(normalizeHint('pt_BR')).toBe('pt');
    expect(normalizeHint(' EN-gb ')).toBe('en');
    expect(normalizeHint('x')).toBeNull();
    expect(normalizeHint(null)).toBeNull();
  });
});
