/**
 * The dedupe benchmark set (bench/dedupe.ts and eval/dedupe.gate.test.ts): base texts from the demo
 * publisher and NTREX documents (en, es, fr, de). Positives: a copy with the edits syndication
 * makes (a paragraph added or cut, furniture appended, a few words changed); negatives: distinct
 * articles, the nearest other document in the same language (often the same topic) and the same
 * document in another language (one story, but not one wire text).
 */
import { demoOutlets } from '../../src/demo/content/index.js';
import { NTREX_DIR, loadNtrex } from './ntrex.js';
import { DedupeIndex, bodySignature } from '../../src/pipeline/dedupe/index.js';

export interface DedupeCase {
  /** Index key of the article this query must match, or null when it must match none. */
  expected: number | null;
  paragraphs: string[];
}

export interface DedupeSet {
  indexed: string[][];
  queries: DedupeCase[];
}

const FURNITURE = [
  'Read more: subscribe to our newsletter.',
  '© Agencia EFE. Todos los derechos reservados.',
  'Mit Material von dpa.',
];

function rng(seed: number) {
  let s = seed;
  return (n: number) => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s % n);
}

/** A syndicated copy: one edit of each kind, chosen deterministically. */
function editedCopy(paragraphs: string[], filler: string, rand: (n: number) => number): string[] {
  const out = [...paragraphs];
  if (out.length > 3) out.splice(1 + rand(out.length - 2), 1);
  out.splice(rand(out.length + 1), 0, filler);
  out.push(FURNITURE[rand(FURNITURE.length)]!);
  // Three words replaced (a wire editor's touch).
  for (let k = 0; k < 3; k++) {
    const p = rand(out.length);
    const words = out[p]!.split(' ');
    words[rand(words.length)] = 'indeed';
    out[p] = words.join(' ');
  }
  return out;
}

export function buildDedupeSet(): DedupeSet {
  const rand = rng(42);
  const ntrex = loadNtrex(NTREX_DIR, ['en', 'es', 'fr', 'de']);
  const docs = [
    ...demoOutlets.flatMap((o) => o.articles.map((a) => a.paragraphs)),
    ...ntrex.map((a) => a.text.split('\n')),
  ].filter((p) => bodySignature(p) !== null);
  // Even-numbered documents are indexed; odd ones stay outside as distinct articles.
  const indexed = docs.filter((_, i) => i % 2 === 0);
  const outside = docs.filter((_, i) => i % 2 === 1);
  const queries: DedupeCase[] = indexed.map((p, i) => ({
    expected: i,
    paragraphs: editedCopy(p, outside[i % outside.length]![0]!, rand),
  }));
  for (const p of outside) queries.push({ expected: null, paragraphs: p });
  return { indexed, queries };
}

export interface DedupeScore {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function scoreDedupe(set: DedupeSet): DedupeScore {
  const index = new DedupeIndex();
  set.indexed.forEach((p, i) => index.add(i, bodySignature(p)!));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const q of set.queries) {
    const signature = bodySignature(q.paragraphs);
    const match = signature ? index.findDuplicate(signature) : null;
    if (match && match.articleId === q.expected) tp++;
    else if (match) fp++;
    if (q.expected !== null && match?.articleId !== q.expected) fn++;
  }
  return {
    precision: tp / (tp + fp || 1),
    recall: tp / (tp + fn || 1),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
  };
}
