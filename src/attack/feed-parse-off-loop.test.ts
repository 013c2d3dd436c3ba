/**
 * Issue 15, finding 3, the rest: even parsed linearly, a 5 MB feed of deep markup is ~1 s of XML
 * parsing, and `serve` polls on the loop that answers /healthz. Large feeds are parsed on a thread:
 * the loop keeps ticking while one is read.
 */
import { describe, expect, it } from 'vitest';
import { HappeningsError } from '../errors.js';
import { parseFeed } from '../pipeline/feeds/index.js';
import { OFF_LOOP_CHARS, parseFeedOffLoop } from '../pipeline/feeds/parse-off-loop.js';
import { deepMarkup, rssWith } from './payloads.testkit.js';

const hostileFeed = rssWith(
  Array.from({ length: 5 }, (_, i) => ({
    title: `Item ${i}`,
    link: `https://hostile.example/${i}`,
    description: deepMarkup(80_000, 'span'),
  })),
);

/** The longest the event loop went without a timer tick while `work` ran. */
async function longestStallMs(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    clearInterval(ticker);
  }
  return Math.max(longest, performance.now() - last);
}

describe('attack: a huge feed parsed beside the event loop', () => {
  it('keeps the loop ticking while a 5 MB feed is parsed, with the same result as in place', async () => {
    expect(hostileFeed.length).toBeGreaterThan(5_000_000);
    await parseFeedOffLoop(hostileFeed, 'https://hostile.example/rss'); // the thread starts once
    let offLoop: Awaited<ReturnType<typeof parseFeedOffLoop>> | null = null;
    const offLoopStall = await longestStallMs(async () => {
      offLoop = await parseFeedOffLoop(hostileFeed, 'https://hostile.example/rss');
    });
    const inPlaceStall = await longestStallMs(async () => parseFeed(hostileFeed, 'https://hostile.example/rss'));
    console.log(
      `5 MB feed: loop stalled ${Math.round(offLoopStall)} ms off the loop, ${Math.round(inPlaceStall)} ms in place`,
    );
    expect(offLoop).toEqual(parseFeed(hostileFeed, 'https://hostile.example/rss'));
    // Room for a loaded CI machine; in place the stall is the whole parse (~1 s idle).
    expect(offLoopStall).toBeLessThan(Math.max(250, inPlaceStall / 3));
  }, 60_000);

  it('rejects a large document that is no feed with the same one-line error as in place', async () => {
    const junk = `<?xml version="1.0"?><catalog>${'<item>x</item>'.repeat(OFF_LOOP_CHARS / 10)}</catalog>`;
    expect(junk.length).toBeGreaterThan(OFF_LOOP_CHARS);
    const error = await parseFeedOffLoop(junk, 'https://hostile.example/x.xml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HappeningsError);
    expect(() => parseFeed(junk, 'https://hostile.example/x.xml')).toThrow((error as Error).message);
    expect(error).toMatchObject({ stage: 'feeds', code: 'bad-feed' });
  });
});
