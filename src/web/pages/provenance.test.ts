import { describe, expect, it } from 'vitest';
import type { TranslationText } from '../site-data.js';
import { nameRepairNote, provenance, translatorName } from './provenance.js';

const base: TranslationText = {
  language: 'en',
  engine: 'apertium',
  engineVersion: '3.8.3',
  translatedAt: '2024-05-07T08:20:00Z',
  title: 't',
  subtitle: null,
  html: '',
  paragraphs: [],
};

describe('provenance', () => {
  it('names a rule-based engine and its version, direct or through a pivot', () => {
    expect(provenance(base, 'es', 'en')).toBe('Translated from Spanish by Apertium 3.8.3');
    expect(provenance({ ...base, model: null, via: 'es' }, 'pt', 'en')).toBe(
      'Translated from Portuguese via Spanish by Apertium 3.8.3',
    );
    expect(provenance(base, null, 'en')).toBe('Translated by Apertium 3.8.3');
  });

  it('names a neural engine by its model family, then the model and its version', () => {
    const neural = { ...base, engine: 'neural', engineVersion: '2020-02-26', model: 'opus-mt-de-en', via: null };
    expect(provenance(neural, 'de', 'en')).toBe(
      'Translated from German by OPUS-MT (opus-mt-de-en, version 2020-02-26)',
    );
    expect(translatorName({ ...neural, model: 'tiny-de-en', engineVersion: '' })).toBe('a neural model (tiny-de-en)');
    expect(translatorName({ engine: 'deepl', engineVersion: '', model: null })).toBe('DeepL');
  });
});

describe('nameRepairNote', () => {
  it('counts the names put back and those that may still be wrong, and says nothing when none', () => {
    expect(nameRepairNote({ nameRepairs: 0, unrepairedNames: 0 })).toBe('');
    expect(nameRepairNote({})).toBe('');
    expect(nameRepairNote({ nameRepairs: 1, unrepairedNames: 0 })).toBe(
      '1 name the engine changed or left out was put back.',
    );
    expect(nameRepairNote({ nameRepairs: 3, unrepairedNames: 1 })).toBe(
      '2 names the engine changed or left out were put back. 1 name may be missing or changed.',
    );
  });
});
