/**
 * The clustering quality sets, shared by the quality-gate test and bench/cluster.ts: NTREX
 * documents across languages (read from ../shared/data at run time) and events.jsonl, written
 * independently per language with hard negatives (same leaders months apart, same city different
 * incident in the same week).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bcubed, type BCubed } from './bcubed.js';
import { loadNtrex, type LabelledArticle } from './ntrex.js';
import { ClusterStream, inPublishedOrder } from './stream.js';
import { createTranslator } from '../translate/index.js';
import { withEnglish, type EnglishText, type TranslatedArticle } from './ntrex-english.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '../../..');
export const NTREX_DIR = join(repoRoot, '../shared/data/mt/ntrex128');
export const FLOORS_FILE = join(here, 'floors.json');

export const NTREX_CORE = ['es', 'ca', 'gl', 'eu', 'en'];
export const NTREX_WIDE = [...NTREX_CORE, 'fr', 'de', 'pt', 'it', 'ru'];

export function loadEvents(): LabelledArticle[] {
  return readFileSync(join(here, 'testdata/events.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledArticle);
}

/** NTREX documents in a fixed shuffled order: all share one date, so arrival order is arbitrary. */
export function loadNtrexShuffled(languages: string[]): LabelledArticle[] {
  const out = loadNtrex(NTREX_DIR, languages);
  let s = 7;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Runs a labelled set through the online stream in publishedAt order and scores it; `goldOf`
 * relabels the gold (e.g. sameEventGold).
 */
export function scoreSet(
  articles: (LabelledArticle & { english?: EnglishText | null })[],
  goldOf: (a: LabelledArticle) => string = (a) => a.gold,
): BCubed {
  const stream = new ClusterStream(Date.parse('2030-01-01T00:00:00Z'));
  const results = inPublishedOrder(articles).map((a) => ({ a, r: stream.add(a) }));
  const predicted = new Map(results.map(({ a, r }) => [a.id, String(stream.resolve(r.story))]));
  const gold = new Map(articles.map((a) => [a.id, goldOf(a)]));
  return bcubed(predicted, gold);
}

/**
 * NTREX gold with the documents that report one event from several outlets united
 * (testdata/ntrex-same-event.tsv): what an aggregator is asked to do, beside the per-document gold.
 */
export function sameEventGold(): (a: LabelledArticle) => string {
  const eventOf = new Map<string, string>();
  for (const line of readFileSync(join(here, 'testdata/ntrex-same-event.tsv'), 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    const [event, docs] = line.split('\t');
    for (const doc of docs!.split(' ')) eventOf.set(doc, event!);
  }
  return (a) => eventOf.get(a.gold) ?? a.gold;
}

/** The set with English translations from Apertium, as the server would have them (cached: ntrex-english.ts). */
export async function withApertiumEnglish(articles: LabelledArticle[]): Promise<TranslatedArticle[]> {
  const translator = createTranslator({ engines: ['apertium'] });
  try {
    const status = await translator.status();
    if (!status.some((s) => s.available))
      throw new Error(`cluster quality: Apertium is not available (${status.map((s) => s.message).join('; ')})`);
    return await withEnglish(articles, translator, repoRoot);
  } finally {
    await translator.close();
  }
}

export interface Floors {
  /** NTREX es/ca/gl/eu/en as written (no translation). */
  ntrexCore: number;
  /** The same with English translations from Apertium (integration test). */
  ntrexCoreEnglish: number;
  events: number;
}

export function readFloors(): Floors {
  return JSON.parse(readFileSync(FLOORS_FILE, 'utf8')) as Floors;
}
