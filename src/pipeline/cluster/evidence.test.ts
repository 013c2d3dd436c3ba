import { describe, expect, it } from 'vitest';
import { joinEvidence } from './evidence.js';
import { ClusterStream } from './stream.js';

describe('joinEvidence (cluster --explain)', () => {
  it('sorts shared terms into names, numbers, own words, dictionary-mapped words and translated words', () => {
    const samples = [
      {
        title: 'Scholz kündigt Industriepolitik an',
        text: 'Olaf Scholz hat 20 Milliarden angekündigt.',
        language: 'de',
      },
      { title: 'Scholz announces industrial policy', text: 'Olaf Scholz announced 20 billion.', language: 'en' },
    ];
    const evidence = joinEvidence(samples, ['e:olaf scholz', 'n:schol', '#20', 'annou', 'polic', 'milli']);
    expect(evidence.names).toEqual(['olaf scholz', 'schol']);
    expect(evidence.numbers).toEqual(['20']);
    // "angekündigt" → "announce" through the German–English dictionary (FreeDict).
    expect(evidence.dictionary).toContain('annou');
    // "policy" is only in the English translation.
    expect(evidence.translated).toEqual(['polic']);
    expect(evidence.words).toEqual(['milli']);
  });

  it('is added to each join only when asked for', () => {
    const article = (id: string, language: string, title: string, text: string) => ({
      id,
      title,
      text,
      language,
      publishedAt: '2026-12-01T10:00:00Z',
    });
    const text = 'Olaf Scholz met Emmanuel Macron in Strasbourg on Monday to talk about 300 tanks and defence.';
    for (const explain of [true, false]) {
      const stream = new ClusterStream(Date.parse('2026-12-02T00:00:00Z'), {}, explain);
      stream.add(article('a', 'en', 'Scholz and Macron meet in Strasbourg', text));
      const other = 'In Strasbourg on Monday, Emmanuel Macron and Olaf Scholz talked defence and 300 tanks.';
      const joined = stream.add(article('b', 'en', 'Macron and Scholz in Strasbourg', other));
      expect(joined.why.created).toBe(false);
      if (explain) expect(joined.why.evidence?.names).toEqual(expect.arrayContaining(['strasbourg']));
      else expect(joined.why.evidence).toBeUndefined();
    }
  });
});
