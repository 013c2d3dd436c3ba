/**
 * Translation defects on real non-English text (issue 17), with the real Apertium: every es/pt/fr/ca
 * page of ../shared/data (readability-test-pages, AEB, WCXB; extracted, language detected, translated
 * into English as the site does) and the Spanish, Portuguese and French sentences of NTREX-128.
 * Prints each page with defects, then the totals per class (eval/fidelity/translation.ts).
 * Run: npx tsx bench/fidelity-translation.ts [--sets readability,aeb,wcxb,ntrex] [--show N]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditTranslations, type AuditPage } from '../eval/fidelity/translation-audit.js';
import { DATA, loadAeb, loadWcxb } from '../eval/sets/extract.js';
import { NTREX_DIR } from '../eval/sets/ntrex.js';
import { extractArticle } from '../src/pipeline/extract/index.js';
import { detectLanguage } from '../src/pipeline/language/index.js';
import { createTranslator } from '../src/pipeline/translate/index.js';

const languages = new Set(['es', 'pt', 'fr', 'ca']);
const { values } = parseArgs({
  options: { sets: { type: 'string', default: 'readability,aeb,wcxb,ntrex' }, show: { type: 'string', default: '8' } },
});
const sets = new Set(values.sets!.split(','));
const show = Number(values.show);

function readabilityPages(): { id: string; url: string; html: string }[] {
  const base = new URL('readability-test-pages/', DATA);
  return readdirSync(base)
    .filter((d) => existsSync(new URL(`${d}/source.html`, base)))
    .sort()
    .map((d) => ({
      id: `readability/${d}`,
      url: `https://example.com/${d}`,
      html: readFileSync(new URL(`${d}/source.html`, base), 'utf8'),
    }));
}

/** Extracted pages whose body is in one of the audited languages. */
function articlePages(): AuditPage[] {
  const raw = [
    ...(sets.has('readability') ? readabilityPages() : []),
    ...(sets.has('aeb') ? loadAeb().map((p) => ({ ...p, id: `aeb/${p.id}` })) : []),
    ...(sets.has('wcxb') ? loadWcxb().map((p) => ({ ...p, id: `wcxb/${p.id}` })) : []),
  ];
  return raw.flatMap((page) => {
    try {
      const article = extractArticle(page.html, page.url);
      const language = detectLanguage(article.paragraphs.join('\n'), article.languageHint).language;
      return language && languages.has(language) ? [{ id: page.id, language, article }] : [];
    } catch {
      return []; // no article: the extraction audit counts those
    }
  });
}

function ntrexPages(): AuditPage[] {
  if (!sets.has('ntrex')) return [];
  const files: Record<string, string> = { es: 'spa', pt: 'por', fr: 'fra' };
  return Object.entries(files).map(([language, code]) => ({
    id: `ntrex/${code}`,
    language,
    lines: readFileSync(`${NTREX_DIR}/newstest2019-ref.${code}.txt`, 'utf8').split('\n').slice(0, -1),
  }));
}

const pages = [...articlePages(), ...ntrexPages()];
console.error(
  `${pages.length} pages: ${[...languages].map((l) => `${l} ${pages.filter((p) => p.language === l).length}`).join(', ')}`,
);
const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
const started = Date.now();
const { total } = await auditTranslations(pages, translator, 'en', (page) => {
  const d = page.defects;
  if (!d) return console.log(`${page.id} (${page.language}): no engine`);
  const count = d.leakedMarks.length + d.strippedAccents.length + d.brokenNames.length + d.untranslatedWords.length;
  if (!count) return;
  const sample = (list: string[]) => (list.length ? ` [${list.slice(0, show).join(', ')}]` : '');
  console.log(
    `${page.id} (${page.language}): marks ${d.leakedMarks.length}${sample(d.leakedMarks)}; accents ${d.strippedAccents.length}${sample(d.strippedAccents)}; names ${d.brokenNames.length}/${d.namesChecked}${sample(d.brokenNames)}; untranslated ${d.untranslatedWords.length}${sample(d.untranslatedWords)}`,
  );
});
await translator.close();
const rate = total.namesChecked ? ((100 * total.brokenNames.length) / total.namesChecked).toFixed(1) : '0';
console.log(
  `\ntotal over ${pages.length} pages (${((Date.now() - started) / 1000).toFixed(0)} s): leaked marks ${total.leakedMarks.length}, stripped accents ${total.strippedAccents.length}, names broken ${total.brokenNames.length}/${total.namesChecked} (${rate} %), untranslated words ${total.untranslatedWords.length}`,
);
