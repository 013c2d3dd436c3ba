/**
 * Quality gate: the translation part of the real-page fidelity audit. Every real non-English page of
 * shared/data (eval/sets/fidelity.ts) is extracted and, where Apertium translates its language into
 * English (directly or through a pivot), translated as the site translates an article; the defects a
 * program can see (eval/fidelity/translation.ts) must stay at or below their ceilings in
 * eval/floors/fidelity.json: Apertium's unknown-word marks left in the English, copied words that lost
 * their accents, protected names missing or altered. Needs Apertium (fails, never skips, without it).
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/pipeline/translate/index.js';
import { auditPage } from './fidelity/audit.js';
import { auditTranslations, type AuditPage } from './fidelity/translation-audit.js';
import { gate } from './gate.js';
import { loadAuditPages } from './sets/fidelity.js';

describe('fidelity gate (Apertium translation of real non-English pages)', () => {
  it('leaks no engine marks, strips no accents and breaks no names beyond the ceilings', async () => {
    const pages: AuditPage[] = [];
    for (const page of loadAuditPages()) {
      const { article } = auditPage(page);
      if (article) pages.push({ id: page.id, language: page.language, article });
    }
    const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
    try {
      const { pages: done, total } = await auditTranslations(pages, translator);
      const translated = done.filter((p) => p.defects !== null);
      // es, pt, fr, ca, gl pages: Apertium's pairs installed by .ci/run translate them.
      expect(translated.length).toBeGreaterThanOrEqual(10);
      expect(total.namesChecked).toBeGreaterThan(100);
      const failed = gate('fidelity', {
        translationLeakedMarks: total.leakedMarks.length,
        translationStrippedAccents: total.strippedAccents.length,
        translationBrokenNames: total.brokenNames.length,
      });
      expect(
        failed,
        JSON.stringify({ marks: total.leakedMarks, accents: total.strippedAccents, names: total.brokenNames }),
      ).toEqual([]);
    } finally {
      await translator.close();
    }
  }, 300_000);
});
