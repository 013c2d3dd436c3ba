/**
 * For tests: deterministic stand-ins for a neural engine (protectsNames = false) that get names wrong
 * the ways real models do. Spanish to English word by word from a small table; each name in `names`
 * comes out as given ("" drops it, "Pink House" translates it, "Putina" inflects it); numbers are
 * copied, as models trained on news do, unless `placeholders: 'lose'` (then every 4-digit number is
 * dropped, the worst case for a placeholder). HTML: text between tags, tags kept.
 */
import type { TranslationEngine } from './types.js';

const words: Record<string, string> = {
  a: 'to',
  acuerdo: 'agreement',
  anunció: 'announced',
  ayer: 'yesterday',
  con: 'with',
  de: 'of',
  del: 'of the',
  dijo: 'said',
  el: 'the',
  en: 'in',
  escribió: 'wrote',
  habló: 'spoke',
  la: 'the',
  libro: 'book',
  lunes: 'Monday',
  que: 'that',
  se: 'himself',
  reunió: 'met',
  un: 'a',
  una: 'a',
  y: 'and',
};

export interface FakeNeuralOptions {
  name?: string;
  /** What the engine writes for each name, as it appears in the source ("" drops it). */
  names?: Record<string, string>;
  placeholders?: 'copy' | 'lose';
}

export type FakeNeuralEngine = TranslationEngine & { asked: string[] };

export function fakeNeuralEngine(options: FakeNeuralOptions = {}): FakeNeuralEngine {
  const asked: string[] = [];
  const translate = (text: string) => fakeNeuralTranslate(text, options);
  return {
    name: options.name ?? 'neural',
    protectsNames: false,
    asked,
    version: async () => '1.0',
    describe: async () => ({ model: 'opus-mt-es-en', version: '2020-01-08', via: null }),
    supports: async (from, to) => from === 'es' && to === 'en',
    translateTexts: async (texts) => {
      asked.push(...texts);
      return texts.map(translate);
    },
    translateHtml: async (html) => {
      asked.push(html);
      return html.replace(/(<[^>]*>)|([^<]+)/g, (all, tag: string | undefined, text: string) =>
        tag ? all : translate(text),
      );
    },
    close: async () => undefined,
  };
}

/** One text through the fake: names as told, numbers copied or lost, words from the table. */
export function fakeNeuralTranslate(text: string, options: FakeNeuralOptions = {}): string {
  const names = Object.entries(options.names ?? {}).sort((a, b) => b[0].length - a[0].length);
  let out = text;
  const rendered: string[] = [];
  for (const [name, written] of names) {
    out = out.split(name).join(`\u0001${rendered.length}\u0002`);
    rendered.push(written);
  }
  out = out.replace(/\p{L}+/gu, (word) => {
    const english = words[word.toLowerCase()];
    if (english === undefined) return word;
    return /^\p{Lu}/u.test(word) ? english[0]!.toUpperCase() + english.slice(1) : english;
  });
  if (options.placeholders === 'lose') out = out.replace(/(?<!\p{N})\d{4}(?!\p{N})\s?/gu, '');
  out = out.replace(/\u0001(\d+)\u0002/g, (_, i: string) => rendered[Number(i)]!);
  // A dropped name leaves no double space behind.
  const [lead, trail] = [/^\s*/.exec(text)![0], /\s*$/.exec(text)![0]];
  return (
    lead +
    out
      .replace(/ {2,}/g, ' ')
      .replace(/ ([.,])/g, '$1')
      .trim() +
    trail
  );
}
