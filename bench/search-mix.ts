/**
 * The words of bench:web's store and the queries its search rows ask, shared by bench/web.ts (the
 * store's text and the HTTP rows) and bench/search-walk.ts (the index walk alone, by query shape).
 */

/** The common words: each lands in 27-99.8 % of the articles (docs/search.md, "A fourth look"). */
export const WORDS =
  'harbour storm council election mobility plan minister budget strike transport river festival museum hospital school market energy water court football'.split(
    ' ',
  );

/** 20 real words, then 5,000 made-up ones: text with a long tail of rarer words, as news has. */
export const VOCAB = [...WORDS, ...Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`)];

/**
 * A readers' query: a common word and a middling one (ranks 20–1,000 of the vocabulary), and on
 * every other request a rarer third word (ranks 1,000–5,000), so two- and three-word searches are
 * mixed alike over the whole row, however long it runs (until 2026-11-27 the first 19,600 queries
 * of a row had two words and the rest three: a longer row measured a dearer mix). Pair j is
 * (j % 20, spread(⌊j / 20⌋ % 980)) on page j % 3 + 1: two-word queries repeat after 58,800 pairs
 * (117,600 requests); the third word, spread((j + ⌊j / 19,600⌋) % 4,000), differs wherever a pair
 * repeats, for 78 million requests. A row asks at most 40,000 paths.
 *
 * The middling and rare ranks are spread (a multiplication by a number prime to their count: every
 * rank once per cycle, neighbours far apart). Until 2026-12-07 they rose one step at a time, so a
 * row walked from common middling words to rare ones, whose three-word queries cost more (fewer
 * matches: the walk reads further): a row's cost rose as it ran, and a 10 s row measured mostly
 * the cheaper ranks (1,000,000 articles, newest first at 200 connections: a 10 s row 1,566-1,654
 * answers/s at 1.05 ms of server CPU each, a 30 s row 1,237/s at 1.27 ms). Spread, a 10 s row asks
 * every rank: 1,211/s at 1.35-1.36 ms, p99 219-229 ms (docs/search.md).
 */
export function searchWords(k: number): { words: string[]; page: number } {
  const j = Math.floor(k / 2);
  const middling = (Math.floor(j / WORDS.length) * MIDDLING_SPREAD) % 980;
  const rare = ((j + Math.floor(j / 19_600)) * RARE_SPREAD) % 4000;
  const words = [WORDS[j % WORDS.length]!, VOCAB[20 + middling]!];
  if (k % 2 === 1) words.push(VOCAB[1000 + rare]!);
  return { words, page: (j % 3) + 1 };
}

/** Primes to 980 = 2² · 5 · 7² and 4,000 = 2⁵ · 5³: rank i goes to i × spread mod the count, a bijection. */
const MIDDLING_SPREAD = 331;
const RARE_SPREAD = 1327;
