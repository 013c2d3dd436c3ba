/**
 * Apertium throughput, es→en, on the NTREX Spanish references: our warm null-flush pipelines
 * (one segment per sentence) vs `apertium -u spa-eng` run once over the whole file, in the same run.
 * Run: npx tsx bench/translate.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ApertiumEngine } from '../src/pipeline/translate/apertium.js';

const file = new URL('../../shared/data/mt/ntrex128/newstest2019-ref.spa.txt', import.meta.url);
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
const words = lines.join(' ').split(/\s+/).length;

function rate(ms: number): string {
  return `${Math.round(words / (ms / 1000))} words/s`.padStart(16);
}

async function warm(processes: number): Promise<number> {
  const engine = new ApertiumEngine({ processesPerPair: processes });
  await engine.translateTexts(['Hola.'], 'es', 'en'); // start-up is paid once per process, not measured
  const started = performance.now();
  const out = await engine.translateTexts(lines, 'es', 'en');
  const ms = performance.now() - started;
  if (out.length !== lines.length) throw new Error('line count changed');
  await engine.close();
  return ms;
}

function batch(): number {
  const started = performance.now();
  execFileSync('apertium', ['-u', 'spa-eng', file.pathname], { maxBuffer: 64 << 20 });
  return performance.now() - started;
}

console.log(`${lines.length} lines, ${words} words (es→en)\n`);
console.log(`| how | time | rate |\n|---|---:|---:|`);
const once = batch();
console.log(`| apertium -u spa-eng, whole file, one process (incl. start-up) | ${(once / 1000).toFixed(2)} s | ${rate(once)} |`);
for (const processes of [1, 2]) {
  const ms = await warm(processes);
  console.log(`| warm pipelines ×${processes}, one segment per line | ${(ms / 1000).toFixed(2)} s | ${rate(ms)} |`);
}
