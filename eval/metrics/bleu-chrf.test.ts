import { describe, it, expect } from 'vitest';
import { corpusBleu, corpusChrf, tokenize13a } from './bleu-chrf.js';

describe('tokenize13a (sacreBLEU 13a rules)', () => {
  it('splits punctuation but keeps decimals, apostrophes and hyphens between letters', () => {
    expect(tokenize13a('Hello, world.')).toBe('Hello , world .');
    expect(tokenize13a('It costs 3.5 or 1,000 dollars.')).toBe('It costs 3.5 or 1,000 dollars .');
    expect(tokenize13a("don't well-known")).toBe("don't well-known");
    expect(tokenize13a('pages 1-2')).toBe('pages 1 - 2');
    expect(tokenize13a('A&amp;B "q"')).toBe('A & B " q "');
  });
});

describe('corpusBleu', () => {
  it('is 100 for identical text and 0 with no 4-gram possible', () => {
    expect(corpusBleu(['the cat sat on the mat'], ['the cat sat on the mat']).score).toBeCloseTo(100, 6);
  });

  it('matches the hand computation: (5/6 · 3/5 · 2/4 · 1/3)^¼', () => {
    const r = corpusBleu(['the cat sat on the mat'], ['the cat sat on a mat']);
    expect(r.precisions.map((p) => +p.toFixed(3))).toEqual([83.333, 60, 50, 33.333]);
    expect(r.bp).toBe(1);
    expect(r.score).toBeCloseTo(100 * Math.pow(1 / 12, 0.25), 6); // 53.728
  });

  it('applies the brevity penalty exp(1 - r/c) over the corpus', () => {
    const r = corpusBleu(['a b c d', 'e f g h'], ['a b c d x', 'e f g h y']);
    expect(r.bp).toBeCloseTo(Math.exp(1 - 10 / 8), 9);
    expect(r.score).toBeCloseTo(100 * Math.exp(1 - 10 / 8), 6);
  });
});

describe('corpusChrf', () => {
  it('is 100 for identical text, ignoring whitespace', () => {
    expect(corpusChrf(['a b c'], ['abc'])).toBeCloseTo(100, 9);
  });

  it('matches the hand computation for abc vs abd: orders 1–3 only', () => {
    // n=1: 2/3, n=2: 1/2, n=3: 0/1; orders 4–6 have no n-grams and are left out of the average.
    const p = (2 / 3 + 1 / 2 + 0) / 3;
    expect(corpusChrf(['abc'], ['abd'])).toBeCloseTo(100 * p, 9);
  });

  it('weights recall by β = 2', () => {
    // hyp "ab" ⊂ ref "abcd": precision 1 at n=1,2; recall 2/4, 1/3.
    const prec = 1;
    const rec = (2 / 4 + 1 / 3) / 2;
    expect(corpusChrf(['ab'], ['abcd'])).toBeCloseTo((100 * 5 * prec * rec) / (4 * prec + rec), 9);
  });
});
