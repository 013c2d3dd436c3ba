/**
 * A publisher that answers with a bot check: the page is recorded with its error, not stored; the
 * host is left alone (its other pages fail at once, unfetched); another publisher goes on; a later
 * poll, once the publisher lets us in, stores the pages. Real loopback publishers, real SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopback, type Loopback } from './fetch/loopback.testkit.js';
import { openTestRuntime } from '../runtime/runtime.testkit.js';
import type { Runtime } from '../runtime/open.js';
import { ingestPage } from './run.js';

const botCheck = `<!DOCTYPE html><html lang="pl"><head><title>Gazeta Pomorska</title></head><body>
<p>Przykro nam, ale z adresu IP, z którego się łączysz, odnotowaliśmy ogromną ilość połączeń.</p>
<p>Jeśli chcesz połączyć się z nami, zaznacz „NIE JESTEM ROBOTEM”.</p></body></html>`;

const ferry = `The harbour authority said on Tuesday that the night ferry would run again from Friday, after engineers
finished repairs to the loading ramp that had kept the vessel in port for nine days.</p>
<p>Passengers who bought tickets for cancelled crossings will be refunded within two weeks, a spokeswoman said,
and the timetable for the winter season is unchanged.`;
const museum = `The city museum reopens its east wing on Saturday with a show of maps drawn by sailors who charted the
river mouth in the seventeenth century, the director told reporters on Monday.</p>
<p>Entry will be free for the first month, and school groups can book guided visits from the start of
January, when the museum's new education rooms open as well.`;

const article = (title: string, text: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title>
<meta property="og:type" content="article"></head><body><article><h1>${title}</h1>
<p>${text}</p></article></body></html>`;

let blocking = true;
let strict: Loopback;
let other: Loopback;
let runtime: Runtime;

beforeAll(async () => {
  strict = await startLoopback((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(blocking ? botCheck : article(`Ferry news ${req.url}`, ferry));
  });
  // Another host name on the same machine: another publisher as far as politeness goes.
  other = await startLoopback((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(article(`Museum news ${req.url}`, museum));
  }, '127.0.0.2');
  runtime = await openTestRuntime();
});

afterAll(async () => {
  await runtime?.close();
  await strict?.close();
  await other?.close();
});

describe('a publisher that answers with a bot check', () => {
  it('records the page, stores nothing, and sends the host nothing more while it rests', async () => {
    const job = (url: string) => ({ url, sourceId: null, feedId: null });
    expect(await ingestPage(runtime.pipeline, job(strict.url('/a')))).toBeNull();
    expect(await ingestPage(runtime.pipeline, job(strict.url('/b')))).toBeNull();
    expect(strict.pages().map((r) => r.path)).toEqual(['/a']);
    const errors = await runtime.store.itemErrors({ limit: 10 });
    const byUrl = new Map(errors.map((e) => [e.url, e]));
    expect(byUrl.get(strict.url('/a'))).toMatchObject({ stage: 'extract', code: 'bot-check' });
    expect(byUrl.get(strict.url('/b'))).toMatchObject({ stage: 'fetch', code: 'bot-check' });
    expect(byUrl.get(strict.url('/b'))!.message).toMatch(/answered with a bot check; nothing is sent to it until/);
    expect(await runtime.store.articleCount()).toBe(0);
    // Another publisher goes on.
    expect(await ingestPage(runtime.pipeline, job(other.url('/c')))).toMatchObject({ created: true });
  });

  it('fetches and stores the pages once the rest is over and the publisher lets us in', async () => {
    blocking = false;
    runtime.pipeline.fetcher.holdHost?.(strict.url('/'), 0); // the hold is over (as 30 minutes later)
    const result = await ingestPage(runtime.pipeline, { url: strict.url('/b'), sourceId: null, feedId: null });
    expect(result).toMatchObject({ created: true });
    expect(strict.pages().map((r) => r.path)).toEqual(['/a', '/b']);
  });
});
