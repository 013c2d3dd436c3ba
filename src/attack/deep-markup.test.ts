/**
 * Issue 15, finding 3: deep markup in a feed's description made htmlToText quadratic (200,000
 * nested tags 7.7 s; a 5 MB feed over 300 s). Text extraction is now one pass: time grows with the
 * size, not with its square.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../pipeline/feeds/index.js';
import { htmlToText } from '../pipeline/feeds/normalize.js';
import { deepMarkup, rssWith } from './payloads.testkit.js';

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

describe('attack: deep markup in feeds', () => {
  // Bounds with room for a loaded CI machine (~0.3 s idle); the quadratic reader took 7.7 s idle.
  it('reads 200,000 nested tags in a fraction of the old time, open or closed', () => {
    for (const closed of [true, false]) {
      const { value, ms } = timed(() => htmlToText(deepMarkup(200_000, 'div', closed)));
      expect(value).toBe('deep');
      expect(ms).toBeLessThan(3000);
    }
    // Unmatched closing tags after deep open ones: a stack search per close was quadratic too.
    const { ms } = timed(() => htmlToText(`${'<b>'.repeat(100_000)}x${'</i>'.repeat(100_000)}`));
    expect(ms).toBeLessThan(3000);
  });

  it('parses a 5 MB feed of deeply nested descriptions in seconds, linearly', () => {
    const feed = (depth: number) =>
      rssWith(
        Array.from({ length: 5 }, (_, i) => ({
          title: `Item ${i}`,
          link: `https://hostile.example/${i}`,
          description: deepMarkup(depth, 'span'),
        })),
      );
    const small = timed(() => parseFeed(feed(20_000), 'https://hostile.example/rss'));
    const big = timed(() => parseFeed(feed(80_000), 'https://hostile.example/rss'));
    expect(feed(80_000).length).toBeGreaterThan(5_000_000);
    expect(big.value.items).toHaveLength(5);
    expect(big.value.items[0]!.summary).toBe('deep');
    console.log(`deep feed: 1.3 MB ${Math.round(small.ms)} ms, 5.3 MB ${Math.round(big.ms)} ms`);
    expect(big.ms).toBeLessThan(10_000);
    // Four times the input costs about four times the time, not sixteen (with room for noise).
    expect(big.ms / Math.max(small.ms, 50)).toBeLessThan(8);
  });
});
