// Needs Apertium with apertium-eng-spa and ../shared/data (CI has both): fails, never skips, without them.
// The translation quality gates, limits in eval/floors/translate.json (eval/gate.ts):
//  - names: every name of the names test set (eval/sets/names-es.tsv) kept, none glued to a word;
//  - NTREX-128 Spanish → English: our pipeline against raw Apertium over the same sentences, scored as
//    sacreBLEU does (eval/metrics/bleu-chrf.ts), above its floors and above raw by the floors' margins.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/pipeline/translate/index.js';
import { gate } from './gate.js';
import { corpusBleu, corpusChrf } from './metrics/bleu-chrf.js';
import { checkNames, loadNameCases } from './sets/names.js';
import { NTREX_DIR } from './sets/ntrex.js';

const dir = pathToFileURL(`${NTREX_DIR}/`);
const lines = (name: string) => readFileSync(new URL(name, dir), 'utf8').split('\n').slice(0, -1);

describe('names through real Apertium (es→en)', () => {
  it('keeps every name of the names test set, with no glued word', async () => {
    const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
    const cases = loadNameCases();
    const report = await checkNames(translator, cases);
    await translator.close();
    expect(report.misses).toEqual([]);
    const measured = {
      namesSentences: cases.length,
      namesPreservedShare: report.preserved / report.names,
      gluedWords: report.glued,
    };
    expect(gate('translate', measured)).toEqual([]);
  }, 120_000);
});

describe('translation quality on NTREX-128 es→en (real Apertium)', () => {
  it("stays above its floors, and above raw Apertium by the floors' margins", async () => {
    const source = lines('newstest2019-ref.spa.txt');
    const refs = lines('newstest2019-src.eng.txt');
    const raw = execFileSync('apertium', ['-u', 'spa-eng', new URL('newstest2019-ref.spa.txt', dir).pathname], {
      maxBuffer: 64 << 20,
      encoding: 'utf8',
    })
      .split('\n')
      .slice(0, source.length);
    const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
    const ours = (await translator.translateText(source, 'es', 'en'))!;
    await translator.close();
    const [rawChrf, rawBleu] = [corpusChrf(raw, refs), corpusBleu(raw, refs).score];
    const [chrf, bleu] = [corpusChrf(ours, refs), corpusBleu(ours, refs).score];
    const measured = {
      ntrexChrf: chrf,
      ntrexBleu: bleu,
      ntrexChrfOverRaw: chrf - rawChrf,
      ntrexBleuOverRaw: bleu - rawBleu,
    };
    expect(gate('translate', measured)).toEqual([]);
  }, 180_000);
});
