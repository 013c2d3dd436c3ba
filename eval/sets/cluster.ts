/**
 * The clustering quality sets, shared by the cluster gates (eval/cluster.gate*.test.ts) and bench/cluster.ts: NTREX
 * documents across languages (read from ../shared/data at run time) and events.jsonl, written
 * independently per language with hard negatives (same leaders months apart, same city different
 * incident in the same week).
 */
import { readFileSync } from 'node:fs';
import { ClusterStream, inPublishedOrder } from '../../src/pipeline/cluster/stream.js';
import { createTranslator } from '../../src/pipeline/translate/index.js';
import { bcubed, type BCubed } from '../metrics/bcubed.js';
import { NTREX_DIR, loadNtrex, repoRoot, type LabelledArticle } from './ntrex.js';
import { withEnglish, type EnglishText, type TranslatedArticle } from './ntrex-english.js';

export const NTREX_CORE = ['es', 'ca', 'gl', 'eu', 'en'];
export const NTREX_WIDE = [...NTREX_CORE, 'fr', 'de', 'pt', 'it', 'ru'];

export function loadEvents(): LabelledArticle[] {
  return readFileSync(new URL('./events.jsonl', import.meta.url), 'utf8')
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
 * (ntrex-same-event.tsv): what an aggregator is asked to do, beside the per-document gold.
 */
export function sameEventGold(): (a: LabelledArticle) => string {
  const eventOf = new Map<string, string>();
  for (const line of readFileSync(new URL('./ntrex-same-event.tsv', import.meta.url), 'utf8').split('\n')) {
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
