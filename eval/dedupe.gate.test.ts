// Quality gate: syndicated copies found, distinct articles left alone, on the dedupe benchmark set
// (demo publisher + NTREX read from ../shared/data). Floors in eval/floors/dedupe.json (eval/gate.ts).
import { describe, expect, it } from 'vitest';
import { gate } from './gate.js';
import { buildDedupeSet, scoreDedupe } from './sets/dedupe.js';

describe('dedupe quality', () => {
  it('finds edited copies and merges no distinct article', () => {
    const score = scoreDedupe(buildDedupeSet());
    expect(gate('dedupe', { precision: score.precision, recall: score.recall })).toEqual([]);
  });
});
