import { describe, it, expect } from 'vitest';
import { HappeningsError } from '../../errors.js';
import { codeOf, reply, useLoopbackFetch, type Handler } from './loopback.testkit.js';

const { publisher, fetcher } = useLoopbackFetch();
const ok: Handler = (_req, res) => reply(res, 200, { 'content-type': 'text/plain' }, 'ok');

describe('fetchPage: robots.txt', () => {
  it('refuses disallowed URLs, fetches allowed ones, and reads robots.txt once', async () => {
    const server = await publisher((req, res) =>
      req.url === '/robots.txt'
        ? reply(res, 200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private/\n')
        : ok(req, res),
    );
    const f = fetcher({ respectRobots: true });
    expect(await codeOf(f.fetchPage({ url: server.url('/private/a') }))).toBe('robots');
    expect((await f.fetchPage({ url: server.url('/public') })).text).toBe('ok');
    expect(server.seen.map((r) => r.path)).toEqual(['/robots.txt', '/public']);
    expect(server.seen[0]!.headers['user-agent']).toContain('Happenings/0.1');
  });

  it('reads only the first 500 KiB of a huge robots.txt', async () => {
    const robots = `User-agent: *\nDisallow: /early/\n${'# padding\n'.repeat(60_000)}Disallow: /late/\n`;
    const server = await publisher((req, res) =>
      req.url === '/robots.txt' ? reply(res, 200, { 'content-type': 'text/plain' }, robots) : ok(req, res),
    );
    const f = fetcher({ respectRobots: true });
    expect(await codeOf(f.fetchPage({ url: server.url('/early/a') }))).toBe('robots');
    expect(await codeOf(f.fetchPage({ url: server.url('/late/a') }))).toBe('none');
  });

  it('allows everything when robots.txt is 404', async () => {
    const server = await publisher((req, res) => (req.url === '/robots.txt' ? reply(res, 404, {}) : ok(req, res)));
    expect((await fetcher({ respectRobots: true }).fetchPage({ url: server.url('/a') })).text).toBe('ok');
  });

  it('disallows everything while robots.txt answers 5xx', async () => {
    const server = await publisher((req, res) => (req.url === '/robots.txt' ? reply(res, 503, {}) : ok(req, res)));
    expect(await codeOf(fetcher({ respectRobots: true }).fetchPage({ url: server.url('/a') }))).toBe('robots');
    expect(server.pages()).toHaveLength(0);
  });

  it('guards the robots.txt request too: a redirect to a private address reads as unreachable', async () => {
    const server = await publisher((req, res) =>
      req.url === '/robots.txt' ? reply(res, 302, { location: 'http://10.0.0.1/robots.txt' }) : ok(req, res),
    );
    expect(await codeOf(fetcher({ respectRobots: true }).fetchPage({ url: server.url('/a') }))).toBe('blocked-address');
    expect(server.pages()).toHaveLength(0);
  });
});

describe('fetchPage: politeness', () => {
  const slow: Handler = (_req, res) => void setTimeout(() => reply(res, 200, {}, 'ok'), 50);

  it('serializes requests to one host and spaces them by minDelayMs', async () => {
    const server = await publisher(slow);
    const f = fetcher({ minDelayMs: 200 });
    await Promise.all([f.fetchPage({ url: server.url('/1') }), f.fetchPage({ url: server.url('/2') })]);
    const [first, second] = server.seen;
    expect(second!.arrived).toBeGreaterThanOrEqual(first!.finished! + 190);
  });

  it('runs different hosts in parallel', async () => {
    const a = await publisher(slow, '127.0.0.1');
    const b = await publisher(slow, '127.0.0.2');
    const f = fetcher({ minDelayMs: 2000 });
    const started = Date.now();
    await Promise.all([f.fetchPage({ url: a.url('/1') }), f.fetchPage({ url: b.url('/1') })]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(Math.abs(a.seen[0]!.arrived - b.seen[0]!.arrived)).toBeLessThan(45);
  });
});

describe('fetchPage: retries', () => {
  it('retries 5xx with backoff and returns the success', async () => {
    let calls = 0;
    const server = await publisher((req, res) => (++calls < 3 ? reply(res, 503, {}) : ok(req, res)));
    const page = await fetcher({ maxRetries: 3, retryBaseMs: 50 }).fetchPage({ url: server.url() });
    expect(page.text).toBe('ok');
    const [t0, t1, t2] = server.seen.map((r) => r.arrived);
    expect(t1! - t0!).toBeGreaterThanOrEqual(45); // 50 ms · 2^0
    expect(t2! - t1!).toBeGreaterThanOrEqual(95); // 50 ms · 2^1
  });

  it('honours Retry-After in seconds on 429', async () => {
    let calls = 0;
    const server = await publisher((req, res) =>
      ++calls === 1 ? reply(res, 429, { 'retry-after': '1' }) : ok(req, res),
    );
    await fetcher({ maxRetries: 1 }).fetchPage({ url: server.url() });
    expect(server.seen[1]!.arrived - server.seen[0]!.arrived).toBeGreaterThanOrEqual(990);
  });

  it('gives up at once when Retry-After is beyond maxRetryAfterMs', async () => {
    const later = new Date(Date.now() + 3_600_000).toUTCString();
    const server = await publisher((_req, res) => reply(res, 503, { 'retry-after': later }));
    const error = await fetcher({ maxRetries: 3, maxRetryAfterMs: 10_000 })
      .fetchPage({ url: server.url() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HappeningsError);
    expect((error as HappeningsError).code).toBe('http-status');
    expect((error as Error).message).toMatch(/HTTP 503, retry after 3\d{3} s/);
    expect(server.seen).toHaveLength(1);
  });

  it('fails with http-status after maxRetries', async () => {
    const server = await publisher((_req, res) => reply(res, 500, {}));
    expect(await codeOf(fetcher({ maxRetries: 2 }).fetchPage({ url: server.url() }))).toBe('http-status');
    expect(server.seen).toHaveLength(3);
  });
});

describe('fetchPage: body size cap', () => {
  const MB = 1024 * 1024;

  it('aborts a streamed 50 MB body past maxBodyBytes without buffering it', async () => {
    let written = 0;
    const server = await publisher((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }); // no content-length: the cap must stop the stream
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (written < 50 * MB && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    expect(await codeOf(fetcher({ maxBodyBytes: MB }).fetchPage({ url: server.url() }))).toBe('too-large');
    expect(Date.now() - started).toBeLessThan(3000);
    await new Promise((r) => setTimeout(r, 50));
    expect(written).toBeLessThan(20 * MB); // the connection closed long before 50 MB
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(30 * MB);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    const server = await publisher((_req, res) => {
      res.writeHead(200, { 'content-length': 50 * MB });
      res.write('a');
    });
    expect(await codeOf(fetcher({ maxBodyBytes: MB }).fetchPage({ url: server.url() }))).toBe('too-large');
  });
});
