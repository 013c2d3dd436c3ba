// Quality gate: B-cubed F1 of story clustering must not fall below the floors in floors.json
// (a floor only goes up). Reads NTREX from ../shared/data at run time.
import { describe, expect, it } from 'vitest';
import { NTREX_CORE, loadEvents, loadNtrexShuffled, readFloors, scoreSet } from './quality.js';

describe('story clustering quality', () => {
  const floors = readFloors();

  it('groups NTREX documents across es/ca/gl/eu/en (as written: names and numbers carry it)', () => {
    const score = scoreSet(loadNtrexShuffled(NTREX_CORE));
    expect(score.f1).toBeGreaterThanOrEqual(floors.ntrexCore);
  }, 180_000);

  it('groups independently written articles on one event and keeps hard negatives apart', () => {
    const score = scoreSet(loadEvents());
    expect(score.f1).toBeGreaterThanOrEqual(floors.events);
  }, 60_000);
});
