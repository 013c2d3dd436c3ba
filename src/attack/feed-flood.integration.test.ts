/**
 * Issue 15, finding 5 (feeds): one feed of 100,000 items starved every other source. Its poll
 * queued 100k page jobs, and a second host's poll, queued behind them, was not run in 90 s (backlog
 * ≈ 5.8 days at the 5 s host delay). A poll now queues at most maxPagesPerPoll pages (the rest are
 * found at the next polls), page jobs run in their host's queue (one at a time, so a backlog holds
 * one worker), and polls are taken before pages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { enqueueDueFeeds } from '../jobs/index.js';
import { useLoopbackFetch, reply } from '../pipeline/fetch/loopback.testkit.js';
import { pollFeed } from '../pipeline/run.js';
import { openTestRuntime } from '../runtime/runtime.testkit.js';
import type { Runtime } from '../runtime/open.js';
import { storeDb } from '../store/db.testkit.js';

const ITEMS = 100_000;
const CAP = 40;
const { publisher } = useLoopbackFetch();
let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

const sentence = (n: number) =>
  `The harbour council of town ${n} met on Monday and agreed a plan for the coming months, with a vote due next week.`;
const articleHtml = (n: number) =>
  `<!doctype html><html lang="en"><head><title>Harbour plan ${n}</title></head><body><article><h1>Harbour plan ${n}</h1>${[
    1, 2, 3, 4,
  ]
    .map((k) => `<p>${sentence(n * 10 + k)} Residents of district ${n * 7 + k} asked questions.</p>`)
    .join('')}</article></body></html>`;

const rss = (urls: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>http://x.example/</link>${urls
    .map((u) => `<item><link>${u}</link></item>`)
    .join('')}</channel></rss>`;

/** A publisher on `host` whose /feed.xml lists `items` pages /a/0 … (with an ETag, answering 304 to it). */
async function outlet(host: string, items: number) {
  let feed = '';
  const site = await publisher((req, res) => {
    const page = /^\/a\/(\d+)$/.exec(req.url ?? '');
    if (req.url === '/feed.xml') {
      if (req.headers['if-none-match'] === '"v1"') return reply(res, 304, {});
      reply(res, 200, { 'content-type': 'application/rss+xml', etag: '"v1"' }, feed);
    } else if (page) reply(res, 200, { 'content-type': 'text/html; charset=utf-8' }, articleHtml(Number(page[1])));
    else reply(res, 404, {});
  }, host);
  feed = rss(Array.from({ length: items }, (_, i) => site.url(`/a/${i}`)));
  return site;
}

async function pendingPages(r: Runtime, host: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from jobs
    where name = 'ingest-page' and status = 'pending' and key like ${`page:http://${host}:%`}`.execute(
    storeDb(r.store),
  );
  return Number(rows[0]?.n);
}

describe('attack: a feed of 100,000 items beside a small source', () => {
  it('caps the big poll and ingests the small source promptly', async () => {
    runtime = await openTestRuntime({
      fetchDelayMs: 150, // the big host's 40 pages take ≥ 6 s; the small source must not wait for them
      maxBodyBytes: 16 * 1024 * 1024,
      maxPagesPerPoll: CAP,
      translationEngines: [],
      workers: 2,
    });
    const r = runtime;
    const big = await outlet('127.0.0.1', ITEMS);
    const small = await outlet('127.0.0.3', 3);
    const add = (name: string, site: typeof big) =>
      r.store.createSource({ name, url: site.url('/'), feedUrl: site.url('/feed.xml') });
    const { feed: bigFeed } = await add('Big', big);

    // 1. The big feed is polled first: CAP pages queued, in a second or two, not 100k.
    const started = performance.now();
    expect(await pollFeed(r.pipeline, bigFeed.id)).toBe(CAP);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await pendingPages(r, '127.0.0.1')).toBe(CAP);
    const row = await r.store.feedById(bigFeed.id);
    expect(row).toMatchObject({ errorCount: 0, lastErrorCode: 'too-large', etag: null });
    expect(row?.lastError).toContain('maxPagesPerPoll');

    // 2. The small source is added after, and its pages are ingested within seconds, while the big backlog waits.
    await add('Small', small);
    r.startWorkers();
    await enqueueDueFeeds(r.store, r.queue, new Date());
    const smallStarted = performance.now();
    const smallUrls = [0, 1, 2].map((i) => small.url(`/a/${i}`));
    while (!(await Promise.all(smallUrls.map((u) => r.store.hasArticleUrl(u)))).every(Boolean)) {
      expect(performance.now() - smallStarted).toBeLessThan(5_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await pendingPages(r, '127.0.0.1')).toBeGreaterThan(0);

    // 3. The next poll of the big feed reads it in full (no validator kept) and adds nothing to its backlog.
    await r.queue.stop();
    const before = await pendingPages(r, '127.0.0.1');
    await pollFeed(r.pipeline, bigFeed.id);
    expect(
      big
        .pages()
        .filter((p) => p.path === '/feed.xml')
        .map((p) => p.headers['if-none-match']),
    ).toEqual([undefined, undefined]);
    expect(await pendingPages(r, '127.0.0.1')).toBeLessThanOrEqual(Math.max(before, CAP));
  });
});
