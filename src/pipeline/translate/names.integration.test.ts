// Needs Apertium with apertium-eng-spa (CI installs it): fails, never skips, without it.
// The names quality gate: floors in testdata/floors.json (they only go up).
import { readFileSync } from 'node:fs';
import { afterAll, describe, it, expect } from 'vitest';
import { ApertiumEngine } from './apertium.js';
import { createTranslator } from './index.js';
import { checkNames, loadNameCases } from './name-check.js';

const floors = JSON.parse(readFileSync(new URL('./testdata/floors.json', import.meta.url), 'utf8')) as {
  namesSentencesMin: number;
  namesPreservedShare: number;
  gluedWordsMax: number;
};
const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
afterAll(() => translator.close());

describe('names through real Apertium (es→en)', () => {
  it('keeps every name of the names test set, with no glued word', async () => {
    const cases = loadNameCases();
    expect(cases.length).toBeGreaterThanOrEqual(floors.namesSentencesMin);
    const report = await checkNames(translator, cases);
    expect(report.misses).toEqual([]);
    expect(report.preserved / report.names).toBeGreaterThanOrEqual(floors.namesPreservedShare);
    expect(report.glued).toBeLessThanOrEqual(floors.gluedWordsMax);
  }, 120_000);

  it('repairs the artefacts: personal "a", capital after a name, The Kremlin', async () => {
    const out = await translator.translateText(
      [
        'Putin recibe a Kim Jong Un en el Kremlin.',
        'Nguyen Phu Trong viajó ayer a Pionyang.',
        'El Kremlin dijo que Serguéi Narishkin visitará Yakutia.',
        'Dijo a Joe Biden que no.',
      ],
      'es',
      'en',
    );
    expect(out).toEqual([
      'Putin receives Kim Jong Un in the Kremlin.',
      'Nguyen Phu Trong travelled yesterday to Pyongyang.',
      'The Kremlin said that Sergei Naryshkin will visit Yakutia.',
      'It said to Joe Biden that no.',
    ]);
  });

  it('keeps names and tags in HTML, "&" in attributes escaped, no capital after a leading name', async () => {
    const engine = new ApertiumEngine();
    const html = await engine.translateHtml(
      '<p>Nguyen Phu Trong viajó a <a href="/x?a=1&amp;b=2" title="R &amp; D">Pionyang</a> con <strong>Kim Jong Un</strong>.</p>',
      'es',
      'en',
    );
    await engine.close();
    expect(html).toBe(
      '<p>Nguyen Phu Trong travelled to <a href="/x?a=1&amp;b=2" title="R &amp; D">Pyongyang</a> with <strong>Kim Jong Un</strong>.</p>',
    );
  });
});
