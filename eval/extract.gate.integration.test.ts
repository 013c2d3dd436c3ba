/**
 * Quality gate: extraction over both benchmark sets (shared/data/aeb, shared/data/wcxb-dev-articles, read at
 * run time from <repo>/../shared/data; missing data fails the test) must stay at or above the floors in
 * eval/floors/extract.json (eval/gate.ts). Same metrics as `npm run bench:extract` (eval/metrics/extract-text.ts).
 */
import { describe, expect, it } from 'vitest';
import { extractors, measurePage, summarize, type Measured, type RunResult } from './extract-run.js';
import { gate, readLimits } from './gate.js';
import { loadAeb, loadWcxb, type Page } from './sets/extract.js';

/** Ours over a set, yielding to the event loop between pages so the test runner's heartbeat gets through. */
async function score(pages: Page[]): Promise<RunResult> {
  const measured: Measured[] = [];
  for (const page of pages) {
    measured.push(measurePage(page, extractors.happenings!));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return summarize(pages[0]!.set, measured);
}

describe('extraction quality gate', () => {
  it('reads its floors', () => {
    expect(readLimits('extract').atLeast['aeb.f1']).toBeGreaterThan(0.9);
  });

  it('scores at or above the floors on aeb and wcxb', async () => {
    const aeb = await score(loadAeb());
    const wcxb = await score(loadWcxb());
    const measured = {
      'aeb.f1': aeb.f1,
      'wcxb.f1': wcxb.f1,
      'wcxb.title': wcxb.title,
      'wcxb.author': wcxb.author,
      'wcxb.date': wcxb.date,
    };
    expect(gate('extract', measured)).toEqual([]);
  }, 600_000);
});
