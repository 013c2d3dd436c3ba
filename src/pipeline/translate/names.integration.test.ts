// Needs Apertium with apertium-eng-spa (CI installs it): fails, never skips, without it.
// Names through real Apertium, case by case; the names quality gate over the whole names test set is
// eval/translate.gate.integration.test.ts.
import { afterAll, describe, it, expect } from 'vitest';
import { ApertiumEngine } from './apertium.js';
import { createTranslator } from './index.js';

const translator = createTranslator({ engines: ['apertium'], cacheEntries: 0 });
afterAll(() => translator.close());

describe('names through real Apertium (es→en)', () => {
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
