// Quality gate with English translations from Apertium, as the server clusters: B-cubed F1 over
// NTREX es/ca/gl/eu/en must not fall below floors.json's ntrexCoreEnglish (a floor only goes up).
// Needs Apertium (eng-spa, eng-cat, en-gl, eu-en); the first run translates (~2 min, then cached).
import { describe, expect, it } from 'vitest';
import { NTREX_CORE, loadEvents, loadNtrexShuffled, readFloors, scoreSet, withApertiumEnglish } from './quality.js';

describe('story clustering quality with English translations', () => {
  const floors = readFloors();

  it('groups NTREX documents across es/ca/gl/eu/en translated by Apertium', async () => {
    const articles = await withApertiumEnglish(loadNtrexShuffled(NTREX_CORE));
    expect(articles.filter((a) => a.english).length).toBe(4 * 123);
    expect(scoreSet(articles).f1).toBeGreaterThanOrEqual(floors.ntrexCoreEnglish);
  }, 600_000);

  it('keeps the events set and its hard negatives with translations added', async () => {
    const score = scoreSet(await withApertiumEnglish(loadEvents()));
    expect(score.f1).toBeGreaterThanOrEqual(floors.events);
  }, 300_000);
});
