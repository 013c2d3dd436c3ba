// The German-English FreeDict dictionary is optional at run time, but CI installs it (.ci/run) and
// the semeval gate's de-en figures depend on it: this test fails, never skips, when it is missing.
import { describe, expect, it } from 'vitest';
import { dictionaryFor, sensesOf } from './dictionary.js';

describe('FreeDict dictionaries into English', () => {
  it('maps German words to the English of their first senses (needs dict-freedict-deu-eng)', () => {
    const de = dictionaryFor('de');
    expect(de, 'install the Debian package dict-freedict-deu-eng (see .ci/run)').not.toBeNull();
    expect(de!.english('erdbeben')).toContain('earthquake');
    expect(de!.english('regierung')).toContain('government');
    expect(de!.english('keinwortxyz')).toEqual([]);
  }, 60_000);

  it('reads an inflected word by its dictionary form, and a compound it lacks by its parts', () => {
    const de = dictionaryFor('de')!;
    expect(de.english('erdbebens')).toContain('earthquake');
    // No entries: "Sommer" + "Urlaub", "Flughafen" + "Streik", "Wahlkampf" + "Themen" (an inflected head).
    expect(de.english('sommerurlaub')).toEqual(['summer', 'leave']);
    expect(de.english('flughafenstreik')).toEqual(['airport', 'strike']);
    expect(de.english('wahlkampfthemen')).toEqual(['electioneering', 'themes']);
    // Parts shorter than four letters are not looked up ("ab" + "xyzwort" is no compound).
    expect(de.english('abxyzwort')).toEqual([]);
  }, 60_000);

  it('has none for a language without one, and none where the files are absent', () => {
    expect(dictionaryFor('pl')).toBeNull();
    expect(dictionaryFor('de', '/nonexistent')).toBeNull();
  });

  it('reads senses without domains, grammar, pronunciations or cross references', () => {
    const entry =
      'Regierung /reːɡˈiːrʊŋ/ <fem, n, sg>\n [pol.] government <n>Gov.,  /ɡˈoːf/ Govt.,  /ɡˈɔft/ , administration <n> [Am.]\n see: {Regierungen}\n';
    expect(sensesOf(entry)).toEqual(['government', 'govt', 'administration']);
  });
});
