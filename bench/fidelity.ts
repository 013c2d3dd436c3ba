/**
 * The real-page fidelity audit (issue 17): our extractor over every real non-English page we have
 * (eval/sets/fidelity.ts: readability-test-pages, the non-English pages of aeb and wcxb), each page's
 * defects (eval/fidelity/extraction.ts) and per class: pages affected, items, rate. With --translate,
 * each page Apertium can translate to English (es/pt/fr/ca/gl...) is translated and its translation
 * defects (eval/fidelity/translation.ts) are added.
 *
 *   npm run bench:fidelity [-- --pages] [-- --json] [-- --translate] [-- --limit N]
 *
 * The floors of the extraction part are in eval/floors/fidelity.json (eval/fidelity.gate.test.ts).
 */
import { parseArgs } from 'node:util';
import { loadAuditPages } from '../eval/sets/fidelity.js';
import { auditPage, totals, type ClassCount, type PageAudit } from '../eval/fidelity/audit.js';
import { type TranslationDefects } from '../eval/fidelity/translation.js';
import { pageDefects } from '../eval/fidelity/translation-audit.js';
import { createTranslator } from '../src/pipeline/translate/index.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    translate: { type: 'boolean', default: false },
    limit: { type: 'string', default: '100000' },
  },
});

const tty = process.stderr.isTTY && !values.json;
const pages = loadAuditPages(Number(values.limit));
const audits: PageAudit[] = [];
for (const [i, page] of pages.entries()) {
  if (tty) process.stderr.write(`\r\x1b[K${i + 1}/${pages.length} ${page.set}/${page.id} (${page.language})`);
  audits.push(auditPage(page));
}
if (tty) process.stderr.write('\r\x1b[K');

const translations = new Map<PageAudit, TranslationDefects>();
if (values.translate) {
  const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
  try {
    for (const [i, audit] of audits.entries()) {
      if (!audit.article) continue;
      const lines = [audit.article.title, ...audit.article.paragraphs];
      if (tty) process.stderr.write(`\r\x1b[Ktranslating ${i + 1}/${audits.length} ${audit.page.id}`);
      const english = await translator.translateText(lines, audit.page.language, 'en').catch(() => null);
      if (!english) continue;
      translations.set(audit, pageDefects({ source: lines, translated: english, from: audit.page.language, to: 'en' }));
    }
  } finally {
    await translator.close();
  }
  if (tty) process.stderr.write('\r\x1b[K');
}

const extraction = totals(audits);
const translated = [...translations.values()];
const translationTotals = values.translate ? translationCounts(translated) : null;

if (values.json) {
  console.log(
    JSON.stringify(
      {
        pages: audits.length,
        totals: extraction,
        translation: translationTotals,
        perPage: audits.map((a) => ({
          set: a.page.set,
          id: a.page.id,
          language: a.page.language,
          error: a.error,
          ...a.defects,
          translation: translations.get(a) ?? null,
        })),
      },
      null,
      2,
    ),
  );
} else {
  if (values.pages) for (const audit of audits) printPage(audit, translations.get(audit));
  const languages = new Map<string, number>();
  for (const a of audits) languages.set(a.page.language, (languages.get(a.page.language) ?? 0) + 1);
  console.log(
    `${audits.length} pages (${[...languages].map(([l, n]) => `${l} ${n}`).join(', ')}); ` +
      `${extraction.furniture.denominator} paragraphs`,
  );
  console.log('class          pages  items   rate  (of)');
  for (const [name, count] of Object.entries(extraction)) printRow(name, count);
  if (translationTotals) {
    console.log(`translation (${translated.length} pages translated by Apertium)`);
    for (const [name, count] of Object.entries(translationTotals)) printRow(name, count);
  }
}

function printRow(name: string, c: ClassCount): void {
  console.log(
    `${name.padEnd(14)} ${String(c.pages).padStart(5)} ${String(c.items).padStart(6)} ${(100 * c.rate).toFixed(1).padStart(5)}%  (${c.denominator})`,
  );
}

function printPage(a: PageAudit, t: TranslationDefects | undefined): void {
  const d = a.defects;
  const head = `${a.page.set}/${a.page.id} [${a.page.language}] ${d.paragraphs} paragraphs`;
  const lines: string[] = [];
  if (d.lostBody) lines.push(`lost body${a.error ? `: ${a.error}` : ''}`);
  if (d.teaserWrong) lines.push(`teaser: ${d.teaserWrong}`);
  for (const f of d.furniture) lines.push(`furniture (${f.kind}): ${f.text.slice(0, 100)}`);
  if (d.title) lines.push(`title: ${d.title}`);
  if (d.byline) lines.push(`byline: ${d.byline}`);
  if (d.caption) lines.push(`caption: ${d.caption}`);
  if (t) {
    if (t.leakedMarks.length) lines.push(`leaked marks: ${t.leakedMarks.join(', ')}`);
    if (t.strippedAccents.length) lines.push(`stripped accents: ${t.strippedAccents.join(', ')}`);
    if (t.brokenNames.length) lines.push(`broken names: ${t.brokenNames.join(', ')}`);
    if (t.untranslatedWords.length) lines.push(`untranslated: ${t.untranslatedWords.slice(0, 10).join(', ')}`);
  }
  console.log(lines.length ? `${head}\n  ${lines.join('\n  ')}` : `${head}: clean`);
}

function translationCounts(list: TranslationDefects[]): Record<string, ClassCount> {
  const n = list.length;
  const count = (items: (t: TranslationDefects) => number, denominator = n): ClassCount => {
    const total = list.reduce((s, t) => s + items(t), 0);
    return {
      pages: list.filter((t) => items(t) > 0).length,
      items: total,
      rate: total / Math.max(1, denominator),
      denominator,
    };
  };
  return {
    leakedMarks: count((t) => t.leakedMarks.length),
    strippedAccents: count((t) => t.strippedAccents.length),
    brokenNames: count(
      (t) => t.brokenNames.length,
      list.reduce((s, t) => s + t.namesChecked, 0),
    ),
    untranslated: count((t) => t.untranslatedWords.length),
  };
}
