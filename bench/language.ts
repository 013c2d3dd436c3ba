/**
 * Language identification: eld (medium n-grams) vs franc, on NTREX-128 (newstest2019 references),
 * per sentence and per document-sized text (10 consecutive lines joined). Prints accuracy per
 * language and speed. Run: npx tsx bench/language.ts
 * Also measures our detectLanguage (the library we chose, plus its rules).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { eld } from 'eld/medium';
import { franc } from 'franc';
import { iso6393to1 } from '../src/pipeline/language/iso639.js';
import { detectLanguage } from '../src/pipeline/language/index.js';
import { NTREX_FILES } from '../eval/sets/ntrex.js';

const dataDir = new URL('../../shared/data/mt/ntrex128/', import.meta.url);
const files = NTREX_FILES;
const linesPerDocument = 10;

type Detector = (text: string) => string | null;
const detectors: Record<string, Detector> = {
  'eld-medium': (text) => eld.detect(text).language || null,
  franc: (text) => iso6393to1[franc(text)] ?? null,
  detectLanguage: (text) => detectLanguage(text).language,
};

function readLines(file: string): string[] {
  return readFileSync(new URL(file, dataDir), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

function documents(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + linesPerDocument <= lines.length; i += linesPerDocument) {
    out.push(lines.slice(i, i + linesPerDocument).join(' '));
  }
  return out;
}

interface Score {
  correct: number;
  total: number;
  ms: number;
  chars: number;
}

function score(detect: Detector, language: string, texts: string[]): Score {
  let correct = 0;
  let chars = 0;
  const started = performance.now();
  for (const text of texts) {
    if (detect(text) === language) correct++;
    chars += text.length;
  }
  return { correct, total: texts.length, ms: performance.now() - started, chars };
}

function percent(s: Score): string {
  return `${((100 * s.correct) / s.total).toFixed(1)}%`.padStart(7);
}

function run(): void {
  const corpus = Object.entries(files).map(([language, file]) => ({ language, lines: readLines(file) }));
  for (const unit of ['sentence', 'document'] as const) {
    console.log(`\n## per ${unit}${unit === 'document' ? ` (${linesPerDocument} lines joined)` : ''}\n`);
    const names = Object.keys(detectors);
    console.log(`| lang | ${names.join(' | ')} |`);
    console.log(`|------|${names.map(() => '---:').join('|')}|`);
    const totals = names.map(() => ({ correct: 0, total: 0, ms: 0, chars: 0 }));
    for (const { language, lines } of corpus) {
      const texts = unit === 'sentence' ? lines : documents(lines);
      const row = names.map((name, i) => {
        const s = score(detectors[name]!, language, texts);
        const t = totals[i]!;
        t.correct += s.correct;
        t.total += s.total;
        t.ms += s.ms;
        t.chars += s.chars;
        return percent(s);
      });
      console.log(`| ${language.padEnd(4)} | ${row.join(' | ')} |`);
    }
    console.log(`| all  | ${totals.map(percent).join(' | ')} |`);
    console.log(`| texts/s | ${totals.map((t) => Math.round((t.total * 1000) / t.ms)).join(' | ')} |`);
    console.log(`| MB/s | ${totals.map((t) => (t.chars / 1e6 / (t.ms / 1000)).toFixed(2)).join(' | ')} |`);
  }
}

run();
