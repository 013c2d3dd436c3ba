import { describe, expect, it } from 'vitest';
import { noteAccentedWords, respellCopies } from './pivot-spellings.js';

const spellingsOf = (...texts: string[]) => {
  const spellings = new Map<string, string>();
  noteAccentedWords(texts, spellings);
  return spellings;
};

describe('copied words keep the article spelling', () => {
  const spellings = spellingsOf('Encarámos a final como um gesto supérfluo do co-mandatário.');

  it('notes accented words, and each part of a hyphenated one, by their letters without accents', () => {
    expect(spellings.get('encaramos')).toBe('encarámos');
    expect(spellings.get('superfluo')).toBe('supérfluo');
    expect(spellings.get('co-mandatario')).toBe('co-mandatário');
    expect(spellings.get('mandatario')).toBe('mandatário');
    expect(spellings.has('final')).toBe(false); // no accent: nothing to restore
  });

  it('respells marked words in their own case and leaves the mark for the caller', () => {
    expect(respellCopies('*Encaramos the final as a gesture *superfluo of the *co-mandatario.', spellings)).toBe(
      '*Encarámos the final as a gesture *supérfluo of the *co-mandatário.',
    );
    expect(respellCopies('the co-*mandatario and *SUPERFLUO', spellings)).toBe('the co-*mandatário and *SUPÉRFLUO');
  });

  it('leaves unmarked words, words the article did not hold, and words with an English guess', () => {
    expect(respellCopies('a superfluo gesture of *xyzzy', spellings)).toBe('a superfluo gesture of *xyzzy');
    expect(respellCopies('*superfluo', spellings, (word) => word === 'superfluo')).toBe('*superfluo');
  });
});
