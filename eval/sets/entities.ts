/**
 * The entity set (eval/sets/entities.jsonl, written by us): short news texts in en, es, fr, de and pt
 * with the entities a reader expects — one entity per person across full and partial mentions, no
 * names fused across list or sentence boundaries, no titles, demonyms or German common nouns.
 * Entities are compared by their folded names (accents and case aside): a known entity under its
 * English key, another as written.
 */
import { readFileSync } from 'node:fs';
import { extractEntities } from '../../src/pipeline/enrich/index.js';
import { foldName } from '../../src/pipeline/enrich/spellings.js';

export interface EntityCase {
  id: string;
  language: string;
  text: string;
  entities: string[];
}

/** `set`: 'dev' (the rules were tuned on it) or 'held-out' (written after; measured before its fixes). */
export function loadEntityCases(set: 'dev' | 'held-out' = 'dev'): EntityCase[] {
  const file = set === 'dev' ? './entities.jsonl' : './entities-heldout.jsonl';
  return readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EntityCase);
}

export interface EntityScore {
  precision: number;
  recall: number;
  /** Per case: what was found that should not be, and what was missed. */
  misses: { id: string; extra: string[]; missing: string[] }[];
}

/** Accents, case and hyphens aside ("Jean-Noël" = "jean noel"). */
const fold = (name: string) => foldName(name).replace(/-/g, ' ');

/** Micro-averaged precision and recall of the extracted entity names against the set's. */
export function scoreEntities(cases: EntityCase[]): EntityScore {
  let found = 0;
  let right = 0;
  let expected = 0;
  const misses: EntityScore['misses'] = [];
  for (const c of cases) {
    const gold = new Set(c.entities.map(fold));
    const got = new Set(extractEntities([c.text], c.language).map((e) => fold(e.name)));
    const hits = [...got].filter((n) => gold.has(n));
    found += got.size;
    right += hits.length;
    expected += gold.size;
    const extra = [...got].filter((n) => !gold.has(n));
    const missing = [...gold].filter((n) => !got.has(n));
    if (extra.length || missing.length) misses.push({ id: c.id, extra, missing });
  }
  return { precision: found ? right / found : 1, recall: expected ? right / expected : 1, misses };
}
