/**
 * Issue 18's demo target: after ingesting the demo publisher, two stored articles share a story exactly
 * when they report the same event (DemoArticle.event, judged by reading each article). Same setup as
 * run.integration.test.ts: loopback publishers, real SQLite, real Apertium, and the runtime's own story
 * tracker, the one `happenings serve` uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPublisher, type DemoPage, type DemoPublisher } from '../demo/publisher.js';
import { openTestRuntime } from '../runtime/runtime.testkit.js';
import type { Runtime } from '../runtime/open.js';
import { addSource } from '../sources/index.js';
import { pollFeed } from './run.js';

let publisher: DemoPublisher;
let runtime: Runtime;

beforeAll(async () => {
  publisher = await startDemoPublisher();
  runtime = await openTestRuntime();
  for (const feed of publisher.feeds) {
    await addSource(runtime.store, { url: feed.url, name: feed.outlet, language: feed.language, kind: feed.kind });
  }
  runtime.startWorkers(2);
  for (const s of await runtime.store.sourceList()) for (const f of s.feeds) await pollFeed(runtime.pipeline, f.id);
  await runtime.queue.drain();
}, 120_000);

afterAll(async () => {
  await runtime?.close();
  await publisher?.close();
});

interface Placed {
  page: DemoPage;
  storyId: number | null;
}

/** One entry per stored article (the syndicated copies collapse into one), with the story it joined. */
async function placedArticles(): Promise<Placed[]> {
  const byId = new Map<number, Placed>();
  for (const page of publisher.pages) {
    const article = await runtime.store.articleByCanonicalUrl(page.url);
    if (!article || byId.has(article.id)) continue;
    byId.set(article.id, { page, storyId: await runtime.store.storyIdOfArticle(article.id) });
  }
  return [...byId.values()];
}

function describePair(a: Placed, b: Placed): string {
  const side = (p: Placed) => `story ${p.storyId} [${p.page.event}] "${p.page.title}" (${p.page.outlet})`;
  return `${side(a)}  <->  ${side(b)}`;
}

describe('demo stories', () => {
  it('puts two articles in one story exactly when they report the same event', async () => {
    const placed = await placedArticles();
    expect(placed).toHaveLength(await runtime.store.articleCount());
    expect(placed.filter((p) => p.storyId === null).map((p) => p.page.title)).toEqual([]);

    const joinedApart: string[] = [];
    const splitTogether: string[] = [];
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) {
        const sameEvent = a.page.event === b.page.event;
        const sameStory = a.storyId === b.storyId;
        if (sameStory && !sameEvent) joinedApart.push(describePair(a, b));
        if (sameEvent && !sameStory) splitTogether.push(describePair(a, b));
      }
    }
    expect({ joinedApart, splitTogether }).toEqual({ joinedApart: [], splitTogether: [] });
  });
});
