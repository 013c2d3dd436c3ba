/**
 * Galician vs Spanish vs Portuguese. eld has no Galician model and answers "es" or "pt" for it, so
 * when eld says one of those two we weigh evidence a linguist would use: exclusive function words,
 * Portuguese-only spelling (ã õ ç lh, -ção, "em") against Galician spelling (-ción, ñ, "en" with
 * Portuguese-like articles). Rules are from grammar; their effect is measured in bench/language.ts.
 */
import { exclusiveWords } from './iberian-words.js';

type Iberian = 'es' | 'gl' | 'pt';

// Articles and contractions shared by Galician and Portuguese, never Spanish function words.
// ("a", "o", "no", "nos" left out: Spanish uses them as preposition, "or", "not", "us").
const lusoArticles = new Set(['ao', 'aos', 'as', 'á', 'ás', 'da', 'das', 'do', 'dos', 'e', 'na', 'nas', 'os']);
const galicianNh = new Set([
  'unha',
  'unhas',
  'dunha',
  'dunhas',
  'nunha',
  'nunhas',
  'cunha',
  'cunhas',
  'algunha',
  'ningunha',
]);

interface Evidence {
  es: number;
  gl: number;
  pt: number;
  luso: number;
}

function weigh(text: string): Evidence {
  const evidence: Evidence = { es: 0, gl: 0, pt: 0, luso: 0 };
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const language of ['es', 'gl', 'pt'] as const) if (exclusiveWords[language].has(word)) evidence[language]++;
    if (lusoArticles.has(word)) evidence.luso++;
    else if (word === 'o' || word === 'a') evidence.luso += 0.5; // also Spanish "or" / "to": half weight
    // Portuguese never writes ñ or ll, and writes "em", -ção, -ões, -ss- where Galician has "en", -ción, -óns, -s-.
    if (word === 'en' || /ción$|óns$|ñ|ll/.test(word)) evidence.gl++;
    if (word === 'em' || /[ãõçêô]|lh|ss|ção$|ções$/.test(word) || (word.includes('nh') && !galicianNh.has(word)))
      evidence.pt++;
  }
  return evidence;
}

/** Re-decides an eld answer of es or pt; other answers pass through unchanged. */
export function separateGalician(text: string, eldAnswer: string): string {
  if (eldAnswer !== 'es' && eldAnswer !== 'pt') return eldAnswer;
  const e = weigh(text);
  if (eldAnswer === 'es') return e.luso > e.es + 0.5 && e.gl >= e.pt ? 'gl' : 'es';
  return e.gl > e.pt ? 'gl' : 'pt';
}

export type { Iberian };
