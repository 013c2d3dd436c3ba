import { describe, expect, it } from 'vitest';
import { capTokens, splitSentences } from './sentences.js';

const joined = (text: string) => {
  const { lead, pieces } = splitSentences(text);
  return lead + pieces.map((p) => p.text + p.space).join('');
};

describe('splitSentences', () => {
  it('cuts at a full stop before a capital and keeps the whitespace between', () => {
    const text = '  El gato duerme. La casa es grande!\n¿Quién? "Sí", dijo.  ';
    expect(splitSentences(text).pieces.map((p) => p.text)).toEqual([
      'El gato duerme.',
      'La casa es grande!',
      '¿Quién?',
      '"Sí", dijo.',
    ]);
    expect(joined(text)).toBe(text);
  });

  it('does not cut before a lower-case word, and cuts after CJK full stops without spaces', () => {
    expect(splitSentences('Uno. dos. Tres').pieces.map((p) => p.text)).toEqual(['Uno. dos.', 'Tres']);
    expect(splitSentences('你好。世界！').pieces.map((p) => p.text)).toEqual(['你好。', '世界！']);
    for (const text of ['', ' ', 'x', 'a.\n\nB', '…']) expect(joined(text)).toBe(text);
  });
});

describe('capTokens', () => {
  it('cuts long token runs at a word start near the limit, losing nothing', () => {
    const tokens = Array.from({ length: 25 }, (_, i) => (i % 4 === 0 ? '▁w' : 'x'));
    const ids = tokens.map((_, i) => i);
    const parts = capTokens(ids, tokens, 10);
    expect(parts.flat()).toEqual(ids);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(10);
    for (const part of parts.slice(1)) expect(tokens[part[0]!]).toBe('▁w');
    expect(capTokens([1, 2], ['a', 'b'], 10)).toEqual([[1, 2]]);
  });
});
