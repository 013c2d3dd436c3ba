import { describe, it, expect } from 'vitest';
import { labelKind } from './furniture.js';

describe('labelKind', () => {
  it('reads a label followed by a headline after its colon, however long the headline', () => {
    expect(labelKind('\n  Lire aussi : Une histoire plus longue que toutes les étiquettes  \n')).toBe('related');
    expect(labelKind('Leia também: Governo anuncia novas medidas contra a inflação')).toBe('related');
  });

  it('rejects blank text, long prose and text past the length limits', () => {
    expect(labelKind(' \n\t\u00a0 ')).toBeNull();
    expect(labelKind('Read also the long story of how the council voted against the plan on Monday')).toBeNull();
    expect(labelKind(`Read also: ${'x'.repeat(200)}`)).toBeNull();
  });

  it('ignores whitespace and end punctuation around a label', () => {
    expect(labelKind('\u00a0» Read also …\u3000')).toBe('related');
  });
});

describe('labelKind on short texts', () => {
  it('reads labels whatever their case and leading punctuation, and no menu words', () => {
    expect(labelKind('» – READ ALSO')).toBe('related');
    expect(labelKind(': Lire aussi')).toBe('related');
    expect(labelKind('ЧИТАЙТЕ ТАКЖЕ')).toBe('related');
    expect(['Home', 'World', 'Jane Roe', '2024', '…', '--'].map(labelKind)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('labelKind on a label with a topic', () => {
  it('reads a most-read or related phrase followed by a few words of topic, and no sentence', () => {
    expect(labelKind('Mais lidas da semana')).toBe('most-read');
    expect(labelKind('Самые популярные диеты')).toBe('most-read');
    expect(labelKind('Most read in Sport')).toBe('most-read');
    expect(labelKind('Most read stories of the whole long year')).toBeNull();
    expect(labelKind('Most popular. Then the article goes on')).toBeNull();
  });
});
