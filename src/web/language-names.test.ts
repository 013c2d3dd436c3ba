import { describe, expect, it } from 'vitest';
import { languageName, sameLanguage, textDirection } from './language-names.js';

describe('language helpers', () => {
  it('names languages in the site language', () => {
    expect(languageName('es', 'en')).toBe('Spanish');
    expect(languageName('es', 'fr')).toBe('espagnol');
  });

  it('falls back to the tag for an unusable one', () => {
    expect(languageName('!!', 'en')).toBe('!!');
  });

  it('knows right-to-left languages', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he-IL')).toBe('rtl');
    expect(textDirection('es')).toBe('ltr');
    expect(textDirection(null)).toBe('ltr');
  });

  it('compares primary subtags', () => {
    expect(sameLanguage('pt-BR', 'pt')).toBe(true);
    expect(sameLanguage('es', 'en')).toBe(false);
    expect(sameLanguage(null, 'en')).toBe(false);
  });
});
