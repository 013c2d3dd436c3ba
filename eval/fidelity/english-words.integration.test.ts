// Needs Apertium's apertium-eng-spa (CI installs it): fails, never skips, without it.
import { describe, expect, it } from 'vitest';
import { knownEnglishWords } from './english-words.js';

describe('English words for the fidelity audit', () => {
  it('knows words alone, and a word inside a multiword name of the translation, but no copied word', () => {
    const words = ['region', 'Angeles', 'Papua', 'ojala', 'superfluo'];
    expect(knownEnglishWords(words)).toEqual(new Set(['region']));
    const translation = [
      'She lives in Los Angeles [photo 1/2, <b>$5</b> @ana^].',
      'The plane fell in Papua New Guinea; ojala, superfluo.',
    ];
    expect(knownEnglishWords(words, translation)).toEqual(new Set(['region', 'Angeles', 'Papua']));
  });
});
