// Memory bounded in a long run (issue 18): the clusterer forgets closed stories nothing can reach and
// halves its document frequencies, so what it holds follows a window, not every article it saw.
import { describe, expect, it } from 'vitest';
import { StoryClusterer, type ClusterArticle, type ClusterOptions } from './clusterer.js';

const DAY = 86_400_000;

/**
 * Ten events a day, three articles each, with names and numbers of their own; events take
 * `languages` in turn; `rareWords`: every 13th word one never seen before (news's long tail).
 */
function feed(days: number, languages = ['en'], rareWords = false): ClusterArticle[] {
  let seed = 7;
  const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed % n);
  const out: ClusterArticle[] = [];
  for (let day = 0; day < days; day++)
    for (let event = 0; event < 10; event++) {
      const names = [`Nam${rand(1e7).toString(36)}`, `Ort${rand(1e7).toString(36)}`];
      const number = String(100 + rand(1e6));
      for (let k = 0; k < 3; k++) {
        const words = Array.from({ length: 60 }, (_, i) =>
          i % 7 === 0
            ? names[i % 2]
            : i % 11 === 0
              ? number
              : rareWords && i % 13 === 0
                ? `r${rand(1e9).toString(36)}ba`
                : `w${rand(3000).toString(36)}ba`,
        );
        out.push({
          publishedAtMs: day * DAY + event * 3_600_000 + k * 600_000,
          samples: [
            {
              title: `${names[0]} ${names[1]} ${number}`,
              text: words.join(' '),
              language: languages[event % languages.length]!,
            },
          ],
        });
      }
    }
  return out;
}

function run(days: number, options: Partial<ClusterOptions> = {}, languages?: string[], rareWords = false) {
  const clusterer = new StoryClusterer(options);
  const forgotten: number[] = [];
  const held: number[] = [];
  const vocabulary: number[] = [];
  for (const [i, article] of feed(days, languages, rareWords).entries()) {
    clusterer.add(article);
    forgotten.push(...clusterer.takeForgotten());
    if ((i + 1) % 30 === 0) {
      held.push(clusterer.index.stories.size);
      vocabulary.push(clusterer.vocabularySize);
    }
  }
  return { clusterer, forgotten, held, vocabulary };
}

describe('StoryClusterer in a long run', () => {
  it('forgets closed stories past the window and holds about as many stories on day 60 as on day 30', () => {
    const { forgotten, held, clusterer } = run(60);
    expect(forgotten.length).toBeGreaterThan(300);
    // Each day adds ten stories; fifteen days of closed stories plus the open ones are held.
    expect(held[59]!).toBeLessThanOrEqual(held[29]! + 10);
    expect(clusterer.index.stories.size).toBeLessThan(200);
    // Without the window every story stays.
    const kept = run(60, { forgetMs: Infinity });
    expect(kept.forgotten).toEqual([]);
    expect(kept.clusterer.index.stories.size).toBeGreaterThan(500);
  });

  it('still groups the events of the day after forgetting old ones', () => {
    const { clusterer } = run(30);
    const open = [...clusterer.index.stories.values()].filter((s) => s.lastMs >= 29 * DAY);
    // Ten events on the last day, three articles each: ten stories of three.
    expect(open.map((s) => s.articleCount)).toEqual(Array(10).fill(3));
  });

  it('halves document frequencies: the vocabulary it holds stops growing with every new name', () => {
    // 30 articles a day with four new names and numbers each event: 20 days add hundreds of terms.
    const growing = run(40, { halveDocs: Infinity }).vocabulary;
    expect(growing[39]! - growing[19]!).toBeGreaterThan(300);
    const halving = run(40, { halveDocs: 300 }).vocabulary;
    const window = (v: number[], from: number) => Math.max(...v.slice(from, from + 10));
    expect(window(halving, 30)).toBeLessThanOrEqual(window(halving, 10) * 1.1);
    expect(halving[39]!).toBeLessThan(growing[39]!);
  });

  it("halves each language's word frequencies with the rest, however few of the articles it has", () => {
    // Four languages, a quarter of the articles each: a language halving only on its own count
    // would halve four times less often than the whole table, and hold four windows of words.
    const languages = ['en', 'de', 'fr', 'es'];
    const halving = run(60, { halveDocs: 300 }, languages, true).vocabulary;
    const window = (v: number[], from: number) => Math.max(...v.slice(from, from + 10));
    expect(window(halving, 45)).toBeLessThanOrEqual(window(halving, 15) * 1.05);
  }, 60_000);

  it('treats a forgotten story id as a new empty story (a very late copy starts afresh)', () => {
    const { clusterer, forgotten } = run(30);
    const id = forgotten[0]!;
    expect(clusterer.index.stories.has(id)).toBe(false);
    expect(clusterer.addCopy(id, 30 * DAY)).toBe(id);
    expect(clusterer.index.stories.get(id)!.articleCount).toBe(1);
  });
});
