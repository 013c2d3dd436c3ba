import { describe, expect, it } from 'vitest';
import { stemmerFor } from './stemmers.js';
import { articleTerms } from './features.js';

describe('stemmerFor', () => {
  it('stems words of the languages Snowball covers, one stem for inflected forms', () => {
    const de = stemmerFor('de')!;
    expect(de('regierungen')).toBe(de('regierung'));
    const tr = stemmerFor('tr')!;
    expect(tr('kitaplar')).toBe(tr('kitap'));
    const ar = stemmerFor('ar')!;
    expect(ar('بالكتاب')).toBe(ar('كتاب'));
  });

  it('has none for languages without a Snowball stemmer here, nor for no language', () => {
    expect(stemmerFor('pl')).toBeNull();
    expect(stemmerFor('eu')).toBeNull();
    expect(stemmerFor(null)).toBeNull();
  });
});

describe('articleTerms per language', () => {
  it('gives inflected forms one term in a stemmed language', () => {
    const terms = (text: string) => [...articleTerms([{ title: '', text, language: 'en' }]).terms.keys()];
    expect(terms('protesters')).toEqual(terms('protester'));
  });

  it('cuts the Arabic conjunction before the article (والكتاب = الكتاب)', () => {
    const terms = (text: string) => [...articleTerms([{ title: '', text, language: 'ar' }]).terms.keys()];
    expect(terms('والكتاب')).toEqual(terms('الكتاب'));
  });
});
