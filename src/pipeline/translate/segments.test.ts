import { describe, it, expect } from 'vitest';
import { keepFirstLetterCase, NameBook, translatePlain } from './segments.js';
import { translateHtmlDocument } from './html.js';
import { chainRuns, paragraphsFromRuns, runsByPosition } from './html-lines.js';

// Stand-in for apertium: echoes the stream, upper-casing words and dropping the wordbound-blank
// grouping the way apertium does (one blank per word), so marks must be rejoined by our code.
async function fakeApertium(segments: string[]): Promise<string[]> {
  return segments.map((s) =>
    s
      .replace(/\[\[([^\]]+)\]\]([^[]*)\[\[\/\]\]/g, (_, marks: string, words: string) =>
        words
          .split(' ')
          .map((w) => (w ? `[[${marks}]]${w.toUpperCase()}[[/]]` : ''))
          .join(' '),
      )
      .replace(/(^|\]\]|\s)([^[\s]+)/g, (_, before: string, word: string) => before + word.toUpperCase()),
  );
}

describe('translatePlain', () => {
  it('keeps one output line per input line, empty lines empty', async () => {
    const out = await translatePlain(['Uno', '', 'Dos\n\nTres', '  '], fakeApertium);
    expect(out).toEqual(['UNO', '', 'DOS\n\nTRES', '  ']);
  });

  it('puts protected names back as written', async () => {
    const [out] = await translatePlain(['Dijo Vladímir Putin ayer'], fakeApertium);
    expect(out).toBe('DIJO Vladímir Putin AYER');
  });
});

describe('NameBook through a pivot', () => {
  const names = (book: NameBook, text: string) => book.findNames(text).map((s) => s.name);

  it("finds names in the article itself, and none of its own in an earlier hop's output", () => {
    const spanish = 'Calendario de la Porsche Cup con Isabel Díaz Ayuso y Vladímir Putin.';
    expect(names(new NameBook('es', 'pt'), spanish)).toContain('Calendario de la Porsche Cup');
    const carried = { keep: new Set(['Porsche Cup']), spellings: new Map<string, string>() };
    // Only the carried name and the gazetteer's Putin: "Calendario …" is the first hop's Spanish.
    expect(names(new NameBook('en', 'es', {}, carried), spanish)).toEqual(['Porsche Cup', 'Vladímir Putin']);
  });

  it('keeps the longest carried name, written with any space', () => {
    const carried = { keep: new Set(['Rangers', 'Les\u00a0Rangers', 'Le\u00a0Bal']), spellings: new Map() };
    const book = new NameBook('en', 'es', {}, carried);
    expect(names(book, 'Les Rangers ganaron el premio Le Bal; los Rangers no.')).toEqual([
      'Les Rangers',
      'Le Bal',
      'Rangers',
    ]);
  });
});

describe('translateHtmlDocument', () => {
  it('keeps paragraphs and inline tags around their words, with spaces at tag edges', async () => {
    const html = '<p>Ayer, <strong>el jefe</strong>, dijo <a href="/x">la guerra</a> sigue.</p><p>Otro</p>';
    const { html: out } = await translateHtmlDocument(html, fakeApertium);
    expect(out).toBe('<p>AYER, <strong>EL JEFE</strong>, DIJO <a href="/x">LA GUERRA</a> SIGUE.</p><p>OTRO</p>');
  });

  it('leaves pre blocks alone and keeps br in place', async () => {
    const { html: out } = await translateHtmlDocument('<p>Uno<br>Dos</p><pre>tal cual</pre>', fakeApertium);
    expect(out).toBe('<p>UNO<br>DOS</p><pre>tal cual</pre>');
  });
});

describe('runs: one rule for the HTML translation and the paragraphs', () => {
  // <br> and <img> split a run, <strong> at a word edge and <a> ride inside one, <pre> and comments
  // end one and <pre> is not translated.
  const source =
    '<p><strong>Madrid</strong>, dijo el<b>la</b>.<br>Sigue</p><p>Los vecinos <img src="/a.jpg"> piden <em>más</em> buses</p>' +
    '<pre>tal cual</pre><ul><li>Ocho <a href="/n">nueve</a></li></ul><p>Diez<!-- c -->once</p>';

  it('returns each run with its translation, the runs the translated HTML holds', async () => {
    const out = await translateHtmlDocument(source, fakeApertium);
    expect(out.runs).toEqual([
      ['Madrid, dijo ella.', 'MADRID, DIJO ELLA.'],
      ['Sigue', 'SIGUE'],
      ['Los vecinos', 'LOS VECINOS'],
      ['piden más buses', 'pIDEN MÁS BUSES'],
      ['Ocho nueve', 'OCHO NUEVE'],
      ['Diez', 'DIEZ'],
      ['once', 'oNCE'],
    ]);
    // Cutting the source and the translated HTML again (as for a service's HTML) finds the same pairs.
    expect(runsByPosition(source, out.html)).toEqual(out.runs);
  });

  it('gives every paragraph whose lines are runs, and none for untranslated text', async () => {
    const { runs } = await translateHtmlDocument(source, fakeApertium);
    const paragraphs = [
      'Madrid, dijo ella.\nSigue',
      'Los vecinos\npiden más  buses',
      'tal cual',
      'Ocho nueve',
      'Diez\nonce',
    ];
    expect(paragraphsFromRuns(paragraphs, runs)).toEqual([
      'MADRID, DIJO ELLA.\nSIGUE',
      'LOS VECINOS\npIDEN MÁS BUSES',
      null,
      'OCHO NUEVE',
      'DIEZ\noNCE',
    ]);
  });

  it('reads a line the extractor joined across a <br> or an <img> from the runs it spans, in order', async () => {
    const { runs } = await translateHtmlDocument(source, fakeApertium);
    const paragraphs = [
      'Madrid, dijo ella. Sigue',
      'Los vecinos piden más buses',
      'Sigue Madrid, dijo ella.',
      'Los vecinos piden',
    ];
    // Consecutive runs in their order only: the same words in another order, or a run cut short, go to the engine.
    expect(paragraphsFromRuns(paragraphs, runs)).toEqual([
      'MADRID, DIJO ELLA. SIGUE',
      'LOS VECINOS pIDEN MÁS BUSES',
      null,
      null,
    ]);
  });

  it('chains two hops through the pivot text', () => {
    expect(
      chainRuns(
        [
          ['Olá', 'Hola'],
          ['Adeus', 'Adiós'],
        ],
        [
          ['Hola', 'Hello'],
          ['Otro', 'Other'],
        ],
      ),
    ).toEqual([['Olá', 'Hello']]);
  });

  it('pairs no runs by position when the translation lost its shape', () => {
    expect(runsByPosition('<p>Uno</p><p>Dos</p>', '<p>One two</p>')).toEqual([]);
  });
});

describe('keepFirstLetterCase', () => {
  it('lower-cases a first letter the source had in lower case', () => {
    expect(keepFirstLetterCase('con salto', 'With jump')).toBe('with jump');
    expect(keepFirstLetterCase('Con salto', 'With jump')).toBe('With jump');
  });
});

describe('artefact repairs', () => {
  it('drops the personal "a" before a person, not before a place or after a dative verb', async () => {
    const { dropPersonalA } = await import('./personal-a.js');
    const { findNames } = await import('./protect-names.js');
    const [kim] = findNames('recibe a Kim Jong Un');
    const [pyongyang] = findNames('viajó a Pionyang');
    expect(dropPersonalA('Putin recibe a ', kim!)).toBe('Putin recibe ');
    expect(dropPersonalA('Dijo a ', kim!)).toBe('Dijo a ');
    expect(dropPersonalA('viajó a ', pyongyang!)).toBe('viajó a ');
  });

  it('lower-cases the word apertium capitalised after a leading name', async () => {
    const { lowerAfterLeadingName } = await import('./segments.js');
    const { findNames } = await import('./protect-names.js');
    const source = 'Nguyen Phu Trong viajó ayer.';
    expect(lowerAfterLeadingName(source, 'Nguyen Phu Trong Travelled yesterday.', findNames(source), 'en')).toBe(
      'Nguyen Phu Trong travelled yesterday.',
    );
    expect(lowerAfterLeadingName('Giles señaló', 'Giles Signalled', [], 'en')).toBe('Giles signalled');
    expect(lowerAfterLeadingName('Giles Moscú', 'Giles Moscow', [], 'en')).toBe('Giles Moscow');
  });

  it('removes a space apertium put before punctuation, not one the source had', async () => {
    const [out] = await translatePlain(['hola , adiós : si'], async (s) => s.map((x) => x.replace(/,/, ' ,')));
    expect(out).toBe('hola , adiós : si');
    const [tidy] = await translatePlain(['hola, adiós'], async (s) => s.map((x) => x.replace(/,/, ' ,')));
    expect(tidy).toBe('hola, adiós');
  });
});

describe('post-check', () => {
  it('retranslates around the names when the engine lost one', async () => {
    const asked: string[][] = [];
    const losesNames = async (segments: string[]) => {
      asked.push(segments);
      return segments.map((s) => s.replace(/\[\[[^\]]*n:\d+[^\]]*\]\][^[]*\[\[\/\]\]/g, '').replace(/\[\]$/, ''));
    };
    const [out] = await translatePlain(['Ayer Vladímir Putin habló con Xi Jinping hoy'], losesNames);
    expect(out).toBe('Ayer Vladímir Putin habló con Xi Jinping hoy');
    expect(asked).toHaveLength(2);
  });
});

describe('post-check in HTML', () => {
  it('retranslates a run around its names when the engine lost one', async () => {
    const losesNames = async (segments: string[]) =>
      segments.map((s) => s.replace(/\[\[[^\]]*n:\d+[^\]]*\]\][^[]*\[\[\/\]\]/g, '').replace(/\[\]$/, ''));
    const { html: out } = await translateHtmlDocument(
      '<p>Ayer <b>Vladímir Putin</b> habló.</p><p>Nada</p>',
      losesNames,
    );
    expect(out).toBe('<p>Ayer Vladímir Putin habló.</p><p>Nada</p>');
  });
});
