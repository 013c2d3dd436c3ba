/**
 * Query words too common to look for (SQLite's search): a word found in more than half of the newest
 * articles filters almost nothing, yet its match list is the whole index, and FTS5 walks it to meet
 * the other words ("la", "the", "de"; at a million articles a word in nearly every article made a
 * new three-word search cost 1.27 ms in the index instead of 0.28 ms without it: bench:web's store).
 * Such a word is left out of the match when the query has a rarer one, as search engines leave out
 * stop words: the results are the articles holding the rarer words, newest first; a query of common
 * words only keeps them all. Small stores (below `minArticles`) keep every word: there it costs
 * nothing, and every word stays required.
 *
 * A word's share is read on a sample: the newest `sample` articles' part of its match list (an
 * index range FTS5 seeks to, bounded however common the word), remembered ten minutes.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { recentValues } from '../recent-values.js';
import { ROWID_ID_SPAN } from './sqlite-dialect.js';

export interface CommonWordLimits {
  /** The articles a word's share is measured on (the newest). */
  sample: number;
  /** A word in more than this share of them is common. */
  share: number;
  /** Below this many articles no word is left out. */
  minArticles: number;
}

export const COMMON_WORDS: CommonWordLimits = { sample: 2_000, share: 0.5, minArticles: 20_000 };
const TTL_MS = 10 * 60_000;

interface Caches {
  /** The publication time of the sample's oldest article, null when the store is small. */
  bound: ReturnType<typeof recentValues<string, string | null>>;
  shares: ReturnType<typeof recentValues<string, number>>;
}
const cachesOf = new WeakMap<Kysely<Database>, Caches>();

/** The words to require: `words` without the common ones, unless all are common. */
export async function requiredWords(
  db: Kysely<Database>,
  words: string[],
  limits: CommonWordLimits = COMMON_WORDS,
  now = Date.now(),
): Promise<string[]> {
  if (words.length < 2) return words;
  let caches = cachesOf.get(db);
  if (!caches) cachesOf.set(db, (caches = { bound: recentValues(TTL_MS, 1), shares: recentValues(TTL_MS, 20_000) }));
  const key = `${limits.sample}/${limits.minArticles}`;
  let bound = caches.bound.get(key, now);
  if (bound === undefined) caches.bound.set(key, (bound = await sampleBound(db, limits)), now);
  if (bound === null) return words;
  const rare: string[] = [];
  for (const word of words) {
    let share = caches.shares.get(`${key}:${word}`, now);
    if (share === undefined) caches.shares.set(`${key}:${word}`, (share = await shareOf(db, word, bound, limits)), now);
    if (share <= limits.share) rare.push(word);
  }
  return rare.length > 0 ? rare : words;
}

/** The time of the `sample`-th newest article (the index the latest list walks), null in a small store. */
async function sampleBound(db: Kysely<Database>, limits: CommonWordLimits): Promise<string | null> {
  const at = (offset: number) =>
    sql<{ t: string }>`select coalesce(published_at, first_seen_at) as t from articles
      order by coalesce(published_at, first_seen_at) desc limit 1 offset ${offset}`.execute(db);
  if ((await at(limits.minArticles - 1)).rows.length === 0) return null;
  return (await at(limits.sample - 1)).rows[0]?.t ?? null;
}

/**
 * The share of the sample's articles that hold `word`: its matches whose index rowid says they were
 * published at or after the bound (rowids are minus the publication second × 2^30 minus the id,
 * sqlite-dialect.ts rowidOf), counted by a walk FTS5 stops at the bound.
 */
async function shareOf(db: Kysely<Database>, word: string, bound: string, limits: CommonWordLimits): Promise<number> {
  const { n } = (
    await sql<{ n: number }>`select count(*) as n from articles_fts
      where articles_fts match ${`"${word}"`} and rowid < -(unixepoch(${bound}) * ${ROWID_ID_SPAN})`.execute(db)
  ).rows[0]!;
  return n / limits.sample;
}
