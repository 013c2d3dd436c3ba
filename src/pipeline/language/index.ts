/**
 * Language detection of an article body: eld (medium n-gram model) decides, a Galician rule re-decides
 * its es/pt answers (eld has no Galician model), and the page's declared language (the hint) is only a
 * prior: it wins when the text is too short to say, or when it names a close relative of the detected
 * language in a short text (es/gl/ca/pt, no/da/sv, ...). Numbers: docs/language.md, bench/language.ts.
 */
import { eld } from 'eld/medium';
import { separateGalician } from './galician.js';

export interface DetectedLanguage {
  /** ISO 639-1, or null when nobody can tell. */
  language: string | null;
  /** 0..1: how far the winner stands above the runner-up; 0 when the answer is only the hint. */
  confidence: number;
}

// Fewer letters than this and n-grams say little (eld's own "unreliable" zone starts around here).
const minLetters = 12;
// Below this many letters a hint naming a close relative outweighs the n-grams: es/gl/ca differ by a
// handful of function words, and a 200-character headline plus lead may hold none of them.
const shortTextLetters = 200;

const families: readonly (readonly string[])[] = [
  ['es', 'gl', 'ca', 'pt'],
  ['no', 'da', 'sv'],
  ['hr', 'sr', 'bs', 'sl'],
  ['cs', 'sk'],
  ['ru', 'uk', 'be', 'bg'],
  ['id', 'ms'],
  ['hi', 'ur', 'mr'],
];

export function detectLanguage(text: string, hint?: string | null): DetectedLanguage {
  const prior = normalizeHint(hint);
  const letters = countLetters(text);
  if (letters < minLetters) return { language: prior, confidence: 0 };
  const guess = guessLanguage(text);
  if (!guess.language) return { language: prior, confidence: 0 };
  if (prior && prior !== guess.language && letters < shortTextLetters && related(prior, guess.language)) {
    return { language: prior, confidence: guess.confidence / 2 };
  }
  return guess;
}

function guessLanguage(text: string): DetectedLanguage {
  const result = eld.detect(text);
  if (!result.language) return { language: null, confidence: 0 };
  const language = separateGalician(text, result.language);
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const [top = 0, second = 0] = scores;
  // (top − second) / top is ~0.3 for a clear sentence and ~0.5+ for a paragraph; ×2, capped at 1.
  const margin = top > 0 ? Math.min(1, (2 * (top - second)) / top) : 0;
  const confidence = result.isReliable() ? 0.5 + margin / 2 : margin / 2;
  return { language, confidence: Number(confidence.toFixed(3)) };
}

/** "es-ES", "pt_BR", "EN" → "es", "pt", "en"; anything that is not a language tag → null. */
export function normalizeHint(hint: string | null | undefined): string | null {
  const primary = hint?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2}$/.test(primary) ? primary : null;
}

function related(a: string, b: string): boolean {
  return families.some((family) => family.includes(a) && family.includes(b));
}

function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}
