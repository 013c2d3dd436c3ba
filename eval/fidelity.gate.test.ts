/**
 * Quality gate: the extraction part of the real-page fidelity audit (bench/fidelity.ts) over every real
 * non-English page of shared/data (eval/sets/fidelity.ts; missing data fails the test). Each defect count
 * (lost bodies, wrong teaser flags, furniture paragraphs, title, byline and caption problems) must stay at
 * or below its ceiling in eval/floors/fidelity.json (eval/gate.ts: ceilings only go down).
 */
import { describe, expect, it } from 'vitest';
import { auditPage, floorMeasures, totals, type PageAudit } from './fidelity/audit.js';
import { gate, readLimits } from './gate.js';
import { loadAuditPages } from './sets/fidelity.js';

describe('fidelity gate (extraction on real non-English pages)', () => {
  it('reads its ceilings', () => {
    expect(readLimits('fidelity').atMost.lostBodies).toBeDefined();
  });

  it('counts no more defects than the ceilings allow', async () => {
    const pages = loadAuditPages();
    expect(pages.length).toBeGreaterThanOrEqual(30); // the sets hold 36 non-English pages
    expect(new Set(pages.map((p) => p.set))).toEqual(new Set(['readability', 'aeb']));
    const audits: PageAudit[] = [];
    for (const page of pages) {
      audits.push(auditPage(page));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(gate('fidelity', floorMeasures(totals(audits)))).toEqual([]);
  }, 120_000);
});
