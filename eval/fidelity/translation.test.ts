import { describe, expect, it } from 'vitest';
import { candidateWords, leakedMarks, strippedAccents, translationDefects } from './translation.js';

describe('translation defects', () => {
  it('finds engine marks anywhere in a word, but not a hashtag or handle the source had', () => {
    expect(leakedMarks('le gastro-entérologue 1º', 'the gastro-*enterologue 1*º *ojalá')).toEqual([
      'gastro-*enterologue',
      '1*º',
      '*ojalá',
    ]);
    expect(leakedMarks('#JeSuis @ana 5 * 3', 'the #JeSuis of @ana 5 * 3')).toEqual([]);
  });

  it('finds words whose accents were lost, in any case, and not words the source also has plain', () => {
    expect(strippedAccents('Ojalá llegue el ibuprofène', 'Ojala the ibuprofene arrives')).toEqual([
      'Ojala',
      'ibuprofene',
    ]);
    expect(strippedAccents('Ojalá y ojala', 'ojala')).toEqual([]);
  });

  it('counts broken names against the protected names, accepting the gazetteer spelling', () => {
    const defects = translationDefects({
      source: ['Lo dijo Vladímir Putin junto a Isabel Díaz Ayuso.'],
      translated: ['Vladimir Putin said it with Isabel Diaz Ayuso.'],
      from: 'es',
      to: 'en',
    });
    expect(defects.namesChecked).toBe(2);
    expect(defects.brokenNames).toEqual(['Isabel Díaz Ayuso']);
  });

  it('finds common source words and copied accented words, leaving words the dictionary knows', () => {
    const text = {
      source: ['Según el gobierno, la región también crece.'],
      translated: ['Según the government, the region también grows, según.'],
      from: 'es',
      to: 'en',
    };
    expect(translationDefects(text).untranslatedWords).toEqual(['también', 'según']);
    expect(candidateWords(text)).toEqual(['region', 'también', 'según']);
    const withRegion = { ...text, source: ['La región.'], translated: ['The region.'] };
    expect(translationDefects(withRegion).strippedAccents).toEqual(['region']);
    expect(translationDefects({ ...withRegion, targetWords: new Set(['region']) }).strippedAccents).toEqual([]);
  });

  it('finds nothing in a clean translation', () => {
    const defects = translationDefects({
      source: ['El presidente Pedro Sánchez viajó ayer a Lisboa.'],
      translated: ['President Pedro Sánchez travelled to Lisbon yesterday.'],
      from: 'es',
      to: 'en',
    });
    expect(defects).toEqual({
      leakedMarks: [],
      strippedAccents: [],
      brokenNames: [],
      namesChecked: 1,
      untranslatedWords: [],
    });
  });
});
