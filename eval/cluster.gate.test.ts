// Quality gate: B-cubed F1 of story clustering must not fall below the floors in eval/floors/cluster.json
// (eval/gate.ts). Reads NTREX from ../shared/data at run time.
import { describe, expect, it } from 'vitest';
import { gate } from './gate.js';
import { NTREX_CORE, loadEvents, loadNtrexShuffled, scoreSet } from './sets/cluster.js';

describe('story clustering quality', () => {
  it('groups NTREX documents across es/ca/gl/eu/en (as written: names and numbers carry it)', () => {
    const score = scoreSet(loadNtrexShuffled(NTREX_CORE));
    expect(gate('cluster', { ntrexCore: score.f1 })).toEqual([]);
  }, 180_000);

  it('groups independently written articles on one event and keeps hard negatives apart', () => {
    const score = scoreSet(loadEvents());
    expect(gate('cluster', { events: score.f1 })).toEqual([]);
  }, 60_000);
});
