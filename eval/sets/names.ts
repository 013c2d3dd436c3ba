/**
 * The names test set and its check, shared by the translation gate and bench/translate.ts: each sentence of names-es.tsv
 * (Spanish sentence, TAB, its names joined by " | "; a name may list accepted English forms after
 * "=") is translated, and every name must appear as written, in its gazetteer English form or in a
 * listed form, with no letter glued to either side; a leaked placeholder word counts as glued.
 */
import { readFileSync } from 'node:fs';
import { gazetteerMatches, targetForm } from '../../src/pipeline/translate/gazetteer.js';
import { placeholderWord } from '../../src/pipeline/translate/segments.js';
import type { Translator } from '../../src/pipeline/translate/types.js';

export interface NameCase {
  sentence: string;
  /** Per name, the forms accepted in the output. */
  names: { name: string; accepted: string[] }[];
}

export interface NameReport {
  names: number;
  preserved: number;
  glued: number;
  misses: { name: string; output: string }[];
  gluedExamples: string[];
}

export function parseNameCases(tsv: string): NameCase[] {
  return tsv
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((line) => {
      const [sentence = '', names = ''] = line.split('\t');
      return { sentence, names: names.split(' | ').filter(Boolean).map(acceptedForms) };
    });
}

export function loadNameCases(): NameCase[] {
  return parseNameCases(readFileSync(new URL('./names-es.tsv', import.meta.url), 'utf8'));
}

function acceptedForms(field: string): { name: string; accepted: string[] } {
  const [name = '', ...alternatives] = field.split('=').map((s) => s.trim());
  const known = gazetteerMatches(name).find((m) => m.name === name);
  const english = known ? targetForm(known.entry, 'en') : null;
  return { name, accepted: [...new Set([name, ...(english ? [english] : []), ...alternatives])] };
}

const letter = /[\p{L}\p{N}]/u;

/** Where `form` stands in `text` as a whole word sequence; -1 when only glued or absent. */
function wholeAt(text: string, form: string): { whole: boolean; found: boolean } {
  let found = false;
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    found = true;
    if (!letter.test(text[at - 1] ?? ' ') && !letter.test(text[at + form.length] ?? ' ')) return { whole: true, found };
  }
  return { whole: false, found };
}

export function checkOutput(testCase: NameCase, output: string): { missing: string[]; glued: string[] } {
  const missing: string[] = [];
  const glued: string[] = [];
  for (const { name, accepted } of testCase.names) {
    const hits = accepted.map((form) => wholeAt(output, form));
    if (hits.some((h) => h.whole)) continue;
    if (hits.some((h) => h.found)) glued.push(name);
    else missing.push(name);
    const placeholder = placeholderWord(name);
    if (placeholder.length > 3 && output.includes(placeholder) && !accepted.some((a) => a.includes(placeholder)))
      glued.push(placeholder);
  }
  return { missing, glued };
}

export async function checkNames(translator: Translator, cases: NameCase[]): Promise<NameReport> {
  const outputs =
    (await translator.translateText(
      cases.map((c) => c.sentence),
      'es',
      'en',
    )) ?? [];
  const report: NameReport = { names: 0, preserved: 0, glued: 0, misses: [], gluedExamples: [] };
  cases.forEach((testCase, i) => {
    const output = outputs[i] ?? '';
    const { missing, glued } = checkOutput(testCase, output);
    report.names += testCase.names.length;
    report.preserved +=
      testCase.names.length - missing.length - glued.filter((g) => testCase.names.some((n) => n.name === g)).length;
    report.glued += glued.length;
    report.misses.push(...missing.map((name) => ({ name, output })));
    report.gluedExamples.push(...glued.map((g) => `${g} in: ${output}`));
  });
  return report;
}
