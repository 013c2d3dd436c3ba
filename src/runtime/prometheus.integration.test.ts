/** /metrics of a running site: fetches, errors by code, articles, translation time, queue depth. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setQuiet } from '../log.js';
import { serve, type Serving } from './serve.js';
import { startSyntheticPublisher, type SyntheticPublisher } from './synthetic-publisher.js';
import { testConfig } from './runtime.testkit.js';

setQuiet(true);
let publisher: SyntheticPublisher;
let serving: Serving;

beforeAll(async () => {
  publisher = await startSyntheticPublisher({ sources: 2, articlesPerSource: 3, paragraphs: 3, language: 'es' });
  serving = await serve(testConfig({ port: 0, languages: ['en'], metricsToken: TOKEN }), { workers: false });
  const { store } = serving.runtime;
  for (const feed of publisher.feeds) await store.createSource({ name: feed.name, url: feed.url, feedUrl: feed.url });
  await store.createSource({
    name: 'Gone',
    url: `${publisher.feeds[0]!.url}/gone`,
    feedUrl: publisher.feeds[0]!.url.replace('feed.xml', 'gone.xml'),
  });
  serving.runtime.startWorkers(2);
  const { pollFeed } = await import('../pipeline/run.js');
  for (const s of await store.sourceList())
    for (const f of s.feeds) await pollFeed(serving.runtime.pipeline, f.id).catch(() => 0);
  await serving.runtime.queue.drain();
}, 60_000);

afterAll(async () => {
  await serving?.close();
  await publisher?.close();
});

function sample(text: string, line: string): number {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  if (!found) throw new Error(`no sample ${line}`);
  return Number(found.slice(line.length + 1));
}

const TOKEN = 'metrics-test-token';

describe('GET /metrics', () => {
  it('answers only with the configured token (issue 15: it was public)', async () => {
    expect((await fetch(`${serving.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${serving.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toMatch(/happenings_/);
  });

  it('answers Prometheus text with the counters and gauges operators need', async () => {
    const response = await fetch(`${serving.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(sample(text, 'happenings_articles')).toBe(6);
    // 3 feeds (one missing) + 6 article pages.
    expect(sample(text, 'happenings_fetches_total{outcome="ok"}')).toBeGreaterThanOrEqual(8);
    expect(
      sample(text, 'happenings_fetch_errors_total{code="http-status"}') +
        sample(text, 'happenings_feed_errors{code="http-status"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'happenings_jobs{state="pending"}')).toBe(0);
    // The synthetic pages are Spanish and the site English: Apertium translated each one.
    expect(sample(text, 'happenings_translation_seconds_count')).toBe(6);
    expect(sample(text, 'happenings_translation_seconds_sum')).toBeGreaterThan(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(1e6);
    for (const line of text.trim().split('\n'))
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? [0-9.e+-]+)$/);
  });
});
