// Quality gate: syndicated copies found, distinct articles left alone, on the bench set
// (demo publisher + NTREX read from ../shared/data). Floors in floors.json only go up.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDedupeSet, scoreDedupe } from './benchmark.js';

const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as {
  precision: number;
  recall: number;
};

describe('dedupe quality', () => {
  it('finds edited copies and merges no distinct article', () => {
    const score = scoreDedupe(buildDedupeSet());
    expect(score.precision).toBeGreaterThanOrEqual(floors.precision);
    expect(score.recall).toBeGreaterThanOrEqual(floors.recall);
  });
});
