/**
 * What a join rested on, for `happenings cluster --explain` (issue 18): the terms the article shared
 * with the story's closest article, sorted by where the article's side of each came from — names
 * and numbers (the same in every language), its own words, words its bilingual dictionary mapped to
 * English, or words of its English translation.
 */
import { addTerms, type TermWeights, type TextSample } from './features.js';

export interface JoinEvidence {
  /** Known entities and capitalised names ("putin", "vladimir putin"). */
  names: string[];
  numbers: string[];
  /** Word stems of the article's own text. */
  words: string[];
  /** English stems its dictionary gave for its words (German: "Bundesregierung" → "govern"). */
  dictionary: string[];
  /** Stems of its English translation only. */
  translated: string[];
}

export function joinEvidence(samples: TextSample[], shared: string[]): JoinEvidence {
  const [own, ...translations] = samples;
  const plain = termsOf(own ? [own] : [], false);
  const mapped = termsOf(own ? [own] : [], true);
  const english = termsOf(translations, true);
  const evidence: JoinEvidence = { names: [], numbers: [], words: [], dictionary: [], translated: [] };
  const add = (list: string[], value: string) => {
    if (!list.includes(value)) list.push(value);
  };
  for (const term of shared) {
    if (term.startsWith('e:') || term.startsWith('n:')) add(evidence.names, term.slice(2));
    else if (term.startsWith('#')) add(evidence.numbers, term.slice(1));
    else if (plain.has(term)) add(evidence.words, term);
    else if (mapped.has(term)) add(evidence.dictionary, term);
    else if (english.has(term)) add(evidence.translated, term);
    else add(evidence.words, term);
  }
  return evidence;
}

function termsOf(samples: TextSample[], useDictionary: boolean): TermWeights {
  const terms: TermWeights = new Map();
  for (const s of samples) {
    addTerms(s.title, terms, 1, s.language ?? null, useDictionary);
    addTerms(s.text, terms, 1, s.language ?? null, useDictionary);
  }
  return terms;
}
