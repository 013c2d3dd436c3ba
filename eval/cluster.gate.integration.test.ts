// Quality gate with English translations from Apertium, as the server clusters: B-cubed F1 over
// NTREX es/ca/gl/eu/en and the events set must not fall below eval/floors/cluster.json (eval/gate.ts).
// Needs Apertium (eng-spa, eng-cat, en-gl, eu-en); the first run translates (~2 min, then cached).
import { describe, expect, it } from 'vitest';
import { gate } from './gate.js';
import { NTREX_CORE, loadEvents, loadNtrexShuffled, scoreSet, withApertiumEnglish } from './sets/cluster.js';

describe('story clustering quality with English translations', () => {
  it('groups NTREX documents across es/ca/gl/eu/en translated by Apertium', async () => {
    const articles = await withApertiumEnglish(loadNtrexShuffled(NTREX_CORE));
    expect(articles.filter((a) => a.english).length).toBe(4 * 123);
    expect(gate('cluster', { ntrexCoreEnglish: scoreSet(articles).f1 })).toEqual([]);
  }, 600_000);

  it('keeps the events set and its hard negatives with translations added', async () => {
    const score = scoreSet(await withApertiumEnglish(loadEvents()));
    expect(gate('cluster', { eventsEnglish: score.f1 })).toEqual([]);
  }, 300_000);
});
