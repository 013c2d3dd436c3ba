/**
 * Spanish → English on NTREX-128 (newstest2019 Spanish references as source, English source as
 * reference): corpus BLEU (13a) and chrF (6, β=2) as sacreBLEU computes them, and words/s, for raw
 * Apertium (`apertium -u spa-eng` over the whole file) and for our pipeline over warm Apertium, in the
 * same run; then the names test set (eval/sets/names-es.tsv): names preserved, glued words.
 * Each polish feature (polish.ts), the source edit (personalA) and name protection is then switched
 * off alone to print what it is worth, in the same run.
 * Then the neural engine on a generated model of the real tiny size (neural-bench.ts): words/s on one
 * and two cores, load time, first translation after start, memory per model, × Apertium.
 * Run: npm run bench:translate [-- --neural off|only] [--neural-sentences 200] [--neural-batch 16]
 *      [--neural-repeats 3] [--neural-path engine|bench] [--neural-model DIR] [--neural-weights fp32,int8]
 *      [--neural-spinning on|off]
 *
 * Measured 2026-11-27 17:50 (2 cores, load average ~3): raw `apertium -u spa-eng` over the file
 * BLEU 15.78 / chrF 50.34 / 23,410 words/s; raw warm (our pipeline, features off) 15.77 / 50.36 /
 * 29,560; ours 17.00 / 51.39 / 27,564 words/s (ours − raw +1.22 BLEU, +1.05 chrF, ×1.18 of raw;
 * ×0.93 of raw warm wall, ×0.96 per CPU second). Largest features (Δ chrF when off): unknownWords
 * −0.45, lexicon −0.17, weekdays −0.10, numbers −0.06, prepositions −0.05. Names 434/434, 0 glued.
 * Before the line-buffered lt-proc (apertium.ts pipelineOf) the warm pipeline ran at ~13,000 words/s.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createTranslator } from '../src/pipeline/translate/index.js';
import { cpuClock } from './proc-cpu.js';
import { corpusBleu, corpusChrf } from '../eval/metrics/bleu-chrf.js';
import { checkNames, loadNameCases } from '../eval/sets/names.js';
import { allFeatures, type FeatureSwitches } from '../src/pipeline/translate/polish.js';
import { benchNeural } from './neural-bench.js';

const { values: args } = parseArgs({
  options: {
    neural: { type: 'string', default: 'on' }, // on | off | only
    'neural-sentences': { type: 'string', default: '200' },
    'neural-batch': { type: 'string', default: '16' },
    'neural-repeats': { type: 'string', default: '3' },
    'neural-path': { type: 'string', default: 'engine' }, // engine (when merged) | bench (neural-decode.ts)
    'neural-model': { type: 'string' }, // a models directory holding es-en/ (default: generated, cached in /tmp)
    'neural-weights': { type: 'string', default: 'fp32,int8' }, // which generated models to time
    'neural-spinning': { type: 'string', default: 'on' }, // off: idle ORT threads sleep (a shared machine)
  },
});

const dir = new URL('../../shared/data/mt/ntrex128/', import.meta.url);
const srcFile = new URL('newstest2019-ref.spa.txt', dir);
const source = readFileSync(srcFile, 'utf8').split('\n').slice(0, -1);
const refs = readFileSync(new URL('newstest2019-src.eng.txt', dir), 'utf8').split('\n').slice(0, -1);
if (source.length !== refs.length) throw new Error(`line counts differ: ${source.length} vs ${refs.length}`);
const words = source.join(' ').split(/\s+/).filter(Boolean).length;

// The neural model's vocabulary is learnt from sentences 1,000 on; the first ones are timed.
const heldOut = 1000;
if (Number(args['neural-sentences']) > heldOut) throw new Error(`--neural-sentences: at most ${heldOut}`);
const neural = async () => {
  for (const weights of args['neural-weights'].split(','))
    await benchNeural({
      int8: weights === 'int8',
      sentences: source.slice(0, Number(args['neural-sentences'])),
      corpus: source.slice(heldOut),
      repeats: Number(args['neural-repeats']),
      settings: { batchSize: Number(args['neural-batch']), spinning: args['neural-spinning'] !== 'off' },
      path: args['neural-path'] === 'bench' ? 'bench' : 'engine',
      modelsDir: args['neural-model'],
    });
};
if (args.neural === 'only') {
  await neural();
  process.exit(0);
}

interface Row {
  how: string;
  hyps: string[];
  ms: number;
  cpu: number;
}

function raw(): Row {
  const [started, cpu] = [performance.now(), cpuClock()];
  const out = execFileSync('apertium', ['-u', 'spa-eng', srcFile.pathname], { maxBuffer: 64 << 20, encoding: 'utf8' });
  const ms = performance.now() - started;
  return {
    how: 'raw: apertium -u spa-eng, whole file (start-up included)',
    hyps: out.split('\n').slice(0, source.length),
    ms,
    cpu: cpu(),
  };
}

/** Our pipeline over one warm Apertium pipeline (start-up paid before the clock starts). */
async function ours(how: string, features: FeatureSwitches = {}): Promise<Row> {
  const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0, features });
  await translator.translateText(['Hola.'], 'es', 'en');
  const [started, cpu] = [performance.now(), cpuClock()];
  const hyps = (await translator.translateText(source, 'es', 'en'))!;
  const ms = performance.now() - started;
  const used = cpu(); // read while the pipeline still runs: its CPU is counted
  await translator.close();
  return { how, hyps, ms, cpu: used };
}

const allOff = Object.fromEntries(allFeatures.map((f) => [f, false])) as FeatureSwitches;
const warmRaw = () => ours('raw warm: same warm pipeline, every feature off', allOff);
const full = () => ours('ours: warm pipeline, every feature on');

// Other work on the machine skews one run: the three run three times, interleaved, each keeping its
// fastest; all three use one Apertium pipeline (concurrency 1), so the ratios compare like with like.
const best = (a: Row, b: Row) => (a.ms <= b.ms ? a : b);
let [r, w, o] = [raw(), await warmRaw(), await full()];
for (let i = 0; i < 2; i++) [r, w, o] = [best(r, raw()), best(w, await warmRaw()), best(o, await full())];
const score = (row: Row) => ({
  ...row,
  bleu: corpusBleu(row.hyps, refs).score,
  chrf: corpusChrf(row.hyps, refs),
  rate: words / (row.ms / 1000),
  perCpu: words / row.cpu,
});
const [mr, mw, mo] = [score(r), score(w), score(o)];
const f2 = (n: number) => n.toFixed(2);
console.log(`NTREX-128 es→en: ${source.length} sentences, ${words} source words\n`);
console.log(
  `load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(
      ' ',
    )}; words/s is wall time (best of 3); words per CPU s counts this process and every Apertium process it ran (load-independent)\n`,
);
console.log('| system | BLEU | chrF | words/s | CPU s | words per CPU s |\n|---|---:|---:|---:|---:|---:|');
for (const m of [mr, mw, mo])
  console.log(
    `| ${m.how} | ${f2(m.bleu)} | ${f2(m.chrf)} | ${Math.round(m.rate)} | ${m.cpu.toFixed(1)} | ${Math.round(m.perCpu)} |`,
  );
console.log(
  `| ours − raw | ${f2(mo.bleu - mr.bleu)} | ${f2(mo.chrf - mr.chrf)} | ×${f2(mo.rate / mr.rate)} | | ×${f2(mo.perCpu / mr.perCpu)} |`,
);
console.log(
  `| ours − raw warm | ${f2(mo.bleu - mw.bleu)} | ${f2(mo.chrf - mw.chrf)} | ×${f2(mo.rate / mw.rate)} | | ×${f2(mo.perCpu / mw.perCpu)} |`,
);

// What each feature is worth: the full pipeline with that one feature off (same run, same pipeline).
console.log('\n| feature switched off | BLEU | chrF | Δ BLEU | Δ chrF |\n|---|---:|---:|---:|---:|');
for (const feature of allFeatures) {
  const m = score(await ours(feature, { [feature]: false }));
  console.log(`| ${feature} | ${f2(m.bleu)} | ${f2(m.chrf)} | ${f2(m.bleu - mo.bleu)} | ${f2(m.chrf - mo.chrf)} |`);
}

const cases = loadNameCases();
const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
const report = await checkNames(translator, cases);
await translator.close();
console.log(`\nNames test set: ${cases.length} sentences, ${report.names} names`);
console.log(
  `| names preserved | glued words |\n|---:|---:|\n| ${report.preserved}/${report.names} (${((100 * report.preserved) / report.names).toFixed(1)} %) | ${report.glued} |`,
);
for (const miss of report.misses.slice(0, 20)) console.log(`  missing ${JSON.stringify(miss.name)} in: ${miss.output}`);
for (const glue of report.gluedExamples.slice(0, 10)) console.log(`  glued ${JSON.stringify(glue)}`);

// Pivot through Spanish (apertium ApertiumOptions.pivot): Portuguese and French → English vs untranslated.
console.log(
  '\n| pivot via es (ours) | BLEU | chrF | untranslated BLEU | untranslated chrF |\n|---|---:|---:|---:|---:|',
);
for (const [file, language] of [
  ['por', 'pt'],
  ['fra', 'fr'],
] as const) {
  const input = readFileSync(new URL(`newstest2019-ref.${file}.txt`, dir), 'utf8')
    .split('\n')
    .slice(0, -1);
  const pivot = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
  const out = await pivot.translateText(input, language, 'en');
  await pivot.close();
  if (!out) {
    console.log(`| ${language}→es→en | (no ${language}-es pair installed) | | | |`);
    continue;
  }
  const f = (n: number) => n.toFixed(2);
  console.log(
    `| ${language}→es→en | ${f(corpusBleu(out, refs).score)} | ${f(corpusChrf(out, refs))} | ${f(corpusBleu(input, refs).score)} | ${f(corpusChrf(input, refs))} |`,
  );
}

if (args.neural === 'on') await neural();
