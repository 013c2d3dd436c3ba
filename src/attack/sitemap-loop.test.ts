/**
 * Issue 15, finding 5 (sitemaps): an index listing 5,000 child sitemaps, itself among them, became
 * 5,000 fetches at 632 MB: the index read as its own child handed its 5,000 sitemap addresses on as
 * pages. A poll now fetches at most maxSitemapsPerPoll sitemaps, each once, walks an index of indexes
 * without looping, and hands on only the pages the sitemaps list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PageJob } from '../model.js';
import { useLoopbackFetch, reply } from '../pipeline/fetch/loopback.testkit.js';
import type { Fetcher } from '../pipeline/fetch/index.js';
import { DedupeIndex } from '../pipeline/dedupe/index.js';
import { pollFeed } from '../pipeline/run.js';
import type { Pipeline } from '../pipeline/types.js';
import { openTestStore, type TestStore } from '../store/store.testkit.js';

const CHILDREN = 5_000;
const { publisher, fetcher } = useLoopbackFetch();
let t: TestStore | undefined;
afterEach(async () => t?.cleanup());

const index = (locs: { loc: string; lastmod: string }[]) =>
  `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs
    .map((s) => `<sitemap><loc>${s.loc}</loc><lastmod>${s.lastmod}</lastmod></sitemap>`)
    .join('')}</sitemapindex>`;

const urlset = (urls: string[]) =>
  `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls
    .map((u) => `<url><loc>${u}</loc></url>`)
    .join('')}</urlset>`;

/** A day of 2026 as a lastmod: the larger `n`, the newer. */
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();

/**
 * /index.xml lists itself (newest), /nested.xml (an index listing /index.xml, itself and /s/1),
 * then /s/0 … /s/4997, each a sitemap of two pages.
 */
async function loopingPublisher() {
  let bytes = 0;
  const send = (res: Parameters<typeof reply>[0], body: string) => {
    bytes += Buffer.byteLength(body);
    reply(res, 200, { 'content-type': 'application/xml' }, body);
  };
  const site = await publisher((req, res) => {
    const path = req.url ?? '/';
    const child = /^\/s\/(\d+)$/.exec(path);
    if (path === '/index.xml') {
      const locs = [
        { loc: site.url('/index.xml'), lastmod: day(CHILDREN + 2) },
        { loc: site.url('/nested.xml'), lastmod: day(CHILDREN + 1) },
        ...Array.from({ length: CHILDREN - 2 }, (_, i) => ({ loc: site.url(`/s/${i}`), lastmod: day(i) })),
      ];
      send(res, index(locs));
    } else if (path === '/nested.xml') {
      const locs = ['/index.xml', '/nested.xml', '/s/1'].map((p, i) => ({ loc: site.url(p), lastmod: day(9e5 - i) }));
      send(res, index(locs));
    } else if (child) send(res, urlset([site.url(`/a/${child[1]}-1`), site.url(`/a/${child[1]}-2`)]));
    else reply(res, 404, {});
  });
  return { site, bytesServed: () => bytes };
}

function pipeline(store: TestStore['store'], f: Fetcher, queued: PageJob[]): Pipeline {
  return {
    store,
    fetcher: f,
    translator: { translateArticle: () => Promise.resolve(null) } as unknown as Pipeline['translator'],
    dedupe: new DedupeIndex(),
    languages: ['en'],
    enqueuePage: async (job) => void queued.push(job),
    pollLimits: { maxFeedItems: 5000, maxPagesPerPoll: 200, maxSitemapsPerPoll: 3 },
  };
}

describe('attack: a sitemap index of 5,000 children that lists itself', () => {
  it('fetches at most 3 sitemaps, each once, and hands on only their pages', async () => {
    t = await openTestStore();
    const { site, bytesServed } = await loopingPublisher();
    const { feed } = await t.store.createSource({
      name: 'Loop',
      url: site.url('/'),
      feedUrl: site.url('/index.xml'),
      feedKind: 'sitemap',
    });
    const queued: PageJob[] = [];
    const started = performance.now();
    await pollFeed(pipeline(t.store, fetcher(), queued), feed.id);
    const ms = performance.now() - started;

    // The index, /nested.xml (an index of indexes: its children are the index, itself and /s/1), /s/4997, /s/4996.
    expect(site.pages().map((r) => r.path)).toEqual(['/index.xml', '/nested.xml', '/s/4997', '/s/4996']);
    expect(queued.map((j) => new URL(j.url).pathname).sort()).toEqual([
      '/a/4996-1',
      '/a/4996-2',
      '/a/4997-1',
      '/a/4997-2',
    ]);
    expect(ms).toBeLessThan(3000);
    // Bounded memory: what was read is the index (~450 kB) and three small sitemaps, not 5,000 of them.
    expect(bytesServed()).toBeLessThan(600_000);
    const row = await t.store.feedById(feed.id);
    expect(row).toMatchObject({ errorCount: 0, lastErrorCode: 'too-large' });
    expect(row?.lastError).toContain('maxSitemapsPerPoll');
    expect(row?.lastError).toContain('loop');
  });
});
