// Needs Apertium with apertium-eng-spa and ../shared/data (CI has both): fails, never skips, without them.
// The translation quality gate: NTREX-128 Spanish → English, our pipeline against raw Apertium over the
// same sentences, scored as sacreBLEU does (metrics.ts). Floors in testdata/floors.json only go up.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslator } from './index.js';
import { corpusBleu, corpusChrf } from './metrics.js';

const floors = JSON.parse(readFileSync(new URL('./testdata/floors.json', import.meta.url), 'utf8')) as {
  ntrexChrf: number;
  ntrexBleu: number;
  ntrexChrfOverRaw: number;
  ntrexBleuOverRaw: number;
};
const dir = new URL('../../../../shared/data/mt/ntrex128/', import.meta.url);
const lines = (name: string) => readFileSync(new URL(name, dir), 'utf8').split('\n').slice(0, -1);

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
    expect(chrf).toBeGreaterThanOrEqual(floors.ntrexChrf);
    expect(bleu).toBeGreaterThanOrEqual(floors.ntrexBleu);
    expect(chrf - rawChrf).toBeGreaterThanOrEqual(floors.ntrexChrfOverRaw);
    expect(bleu - rawBleu).toBeGreaterThanOrEqual(floors.ntrexBleuOverRaw);
  }, 180_000);
});
