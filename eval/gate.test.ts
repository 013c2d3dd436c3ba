import { describe, expect, it } from 'vitest';
import { STAGES, committedLimits, failures, loosened, readLimits, tightened, type Limits } from './gate.js';

const limits: Limits = { atLeast: { f1: 0.9, bleu: 16.9 }, atMost: { glued: 0 } };

describe('quality gate', () => {
  it('fails a measurement below its floor or above its ceiling, and one with no limit', () => {
    expect(failures(limits, { f1: 0.9, bleu: 17, glued: 0 })).toEqual([]);
    expect(failures(limits, { f1: 0.899, glued: 1 })).toEqual([
      'f1: 0.899 is below its floor 0.9',
      'glued: 1 is above its ceiling 0',
    ]);
    expect(failures(limits, { f1: Number.NaN })).toEqual(['f1: NaN is below its floor 0.9']);
    expect(failures(limits, { typo: 1 })).toEqual(['typo: no floor or ceiling in the floor file']);
  });

  it('tightens only the limits a measurement beats, rounded towards the old limit', () => {
    expect(tightened(limits, { f1: 0.91237, bleu: 16.5, glued: 0 })).toEqual({
      atLeast: { f1: 0.912, bleu: 16.9 },
      atMost: { glued: 0 },
    });
  });

  it('finds a lowered floor, a raised ceiling and a removed limit', () => {
    expect(loosened(limits, limits)).toEqual([]);
    expect(loosened(limits, { atLeast: { f1: 0.95, bleu: 16.8 }, atMost: { glued: 0 } })).toEqual([
      'floor bleu: 16.9 -> 16.8',
    ]);
    expect(loosened(limits, { atLeast: { f1: 0.9 }, atMost: { glued: 2 } })).toEqual([
      'floor bleu: 16.9 -> removed',
      'ceiling glued: 0 -> 2',
    ]);
  });

  // A floor only goes up: lowering one in the working tree is an explicit decision (HAPPENINGS_LOWER_FLOORS=1).
  it.each(STAGES)('%s: no limit looser than the committed one without HAPPENINGS_LOWER_FLOORS', (stage) => {
    const current = readLimits(stage);
    expect(Object.keys(current.atLeast).length + Object.keys(current.atMost).length).toBeGreaterThan(0);
    const committed = committedLimits(stage);
    if (!committed || process.env.HAPPENINGS_LOWER_FLOORS === '1') return;
    expect(loosened(committed, current)).toEqual([]);
  });
});
