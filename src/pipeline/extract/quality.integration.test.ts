/**
 * Quality gate: extraction over both benchmark sets (shared/data/aeb, shared/data/wcxb-dev-articles, read at
 * run time from <repo>/../shared/data; missing data fails the test) must stay at or above the floors in
 * eval/extract/baseline.json. Same metrics as `npm run bench:extract` (bench/extract-sets.ts).
 *   EXTRACT_RAISE_FLOORS=1        writes measurements that beat a floor back into the file (floors go up);
 *   EXTRACT_ALLOW_LOWER_FLOORS=1  lets the file hold a floor below the committed one (an explicit decision).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractors, measurePage, summarize, type Measured, type RunResult } from '../../../bench/extract.js';
import { loadAeb, loadWcxb, type Page } from '../../../bench/extract-sets.js';

const BASELINE = new URL('../../../eval/extract/baseline.json', import.meta.url);
const RELATIVE = 'eval/extract/baseline.json';

interface Floors {
  aeb: { f1: number };
  wcxb: { f1: number; title: number; author: number; date: number };
}

const floors = JSON.parse(readFileSync(BASELINE, 'utf8')) as Floors & { _comment: string };

/** The committed floors, to refuse a silent lowering; null outside a git checkout. */
function committedFloors(): Floors | null {
  try {
    const root = new URL('../../../', import.meta.url).pathname;
    return JSON.parse(
      execFileSync('git', ['show', `HEAD:${RELATIVE}`], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as Floors;
  } catch {
    return null;
  }
}

/** Ours over a set, yielding to the event loop between pages so the test runner's heartbeat gets through. */
async function score(pages: Page[]): Promise<RunResult> {
  const measured: Measured[] = [];
  for (const page of pages) {
    measured.push(measurePage(page, extractors.happenings!));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return summarize(pages[0]!.set, measured);
}

const round = (x: number): number => Math.floor(x * 1000) / 1000;

describe('extraction quality gate', () => {
  it('floors never go down without EXTRACT_ALLOW_LOWER_FLOORS', () => {
    const committed = committedFloors();
    expect(floors.aeb.f1).toBeGreaterThan(0.9);
    if (!committed || process.env.EXTRACT_ALLOW_LOWER_FLOORS === '1') return;
    for (const set of ['aeb', 'wcxb'] as const) {
      for (const [key, value] of Object.entries(committed[set])) {
        expect(floors[set][key as keyof Floors[typeof set]], `${set}.${key}`).toBeGreaterThanOrEqual(value);
      }
    }
  });

  it('scores at or above the floors on aeb and wcxb', async () => {
    const aeb = await score(loadAeb());
    const wcxb = await score(loadWcxb());
    const measured: Floors = {
      aeb: { f1: aeb.f1 },
      wcxb: { f1: wcxb.f1, title: wcxb.title, author: wcxb.author, date: wcxb.date },
    };
    console.log('extraction quality', JSON.stringify(measured));
    if (process.env.EXTRACT_RAISE_FLOORS === '1') {
      const raised = {
        ...floors,
        aeb: { f1: Math.max(floors.aeb.f1, round(aeb.f1)) },
        wcxb: Object.fromEntries(
          Object.entries(floors.wcxb).map(([k, v]) => [
            k,
            Math.max(v, round(measured.wcxb[k as keyof Floors['wcxb']])),
          ]),
        ),
      };
      writeFileSync(BASELINE, `${JSON.stringify(raised, null, 2)}\n`);
    }
    expect(aeb.f1, 'aeb F1').toBeGreaterThanOrEqual(floors.aeb.f1);
    for (const key of ['f1', 'title', 'author', 'date'] as const) {
      expect(measured.wcxb[key], `wcxb ${key}`).toBeGreaterThanOrEqual(floors.wcxb[key]);
    }
  }, 600_000);
});
