import { describe, it, expect } from 'vitest';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { HappeningsError } from '../../errors.js';
import { reply, TEST_USER_AGENT as UA, useLoopbackFetch } from './loopback.testkit.js';

const HTML = '<!doctype html><html><head><title>Hello</title></head><body><p>Überall “news” 5 €</p></body></html>';
const { publisher, fetcher } = useLoopbackFetch();
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'none', message: '' }),
    (e: unknown) => ({ code: e instanceof HappeningsError ? e.code : 'other', message: (e as Error).message }),
  );

describe('fetchPage: answers', () => {
  it('sends a GET again on a new connection when the server dropped the kept-alive one it reused', async () => {
    // The server closes a kept-alive socket when the next request arrives on it (as a server whose
    // idle timeout ran out as the request was sent): the second page comes on a new connection.
    const requestsOn = new WeakMap<object, number>();
    const server = await publisher((req, res) => {
      const n = (requestsOn.get(req.socket) ?? 0) + 1;
      requestsOn.set(req.socket, n);
      if (n > 1) return void req.socket.destroy();
      reply(res, 200, { 'content-type': 'text/html; charset=utf-8' }, HTML);
    });
    const f = fetcher();
    expect((await f.fetchPage({ url: server.url('/first') })).status).toBe(200);
    expect((await f.fetchPage({ url: server.url('/second') })).text).toBe(HTML);
    expect(server.seen.map((r) => r.path)).toEqual(['/first', '/second', '/second']);
  });

  it('fetches a page with our User-Agent and returns its validators', async () => {
    const server = await publisher((_req, res) =>
      reply(
        res,
        200,
        { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' },
        HTML,
      ),
    );
    const page = await fetcher().fetchPage({ url: server.url('/a') });
    expect(server.seen[0]!.headers['user-agent']).toBe(UA);
    expect(page).toMatchObject({
      url: server.url('/a'),
      finalUrl: server.url('/a'),
      status: 200,
      notModified: false,
      charset: 'utf-8',
      etag: '"v1"',
    });
    expect(page.lastModified).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    expect(page.text).toBe(HTML);
    expect(Date.parse(page.fetchedAt)).toBeGreaterThan(Date.now() - 5000);
  });

  it('sends If-None-Match and If-Modified-Since, and reads 304 as not modified', async () => {
    const server = await publisher((req, res) =>
      req.headers['if-none-match'] === '"v1"' ? reply(res, 304, { etag: '"v1"' }) : reply(res, 200, {}, HTML),
    );
    const page = await fetcher().fetchPage({
      url: server.url(),
      etag: '"v1"',
      lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
    });
    expect(server.seen[0]!.headers['if-modified-since']).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    expect(page).toMatchObject({ status: 304, notModified: true, text: '', charset: null, etag: '"v1"' });
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
  ] as const)('decodes a %s body', async (encoding, compress) => {
    const server = await publisher((_req, res) =>
      reply(
        res,
        200,
        { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding },
        compress(Buffer.from(HTML)),
      ),
    );
    const page = await fetcher().fetchPage({ url: server.url() });
    expect(server.seen[0]!.headers['accept-encoding']).toContain(encoding);
    expect(page.text).toBe(HTML);
  });

  it('decodes a windows-1252 page declared only in its meta', async () => {
    const body = iconv.encode(
      '<html><head><meta charset="windows-1252"></head><body>Señor “café” 5 €</body></html>',
      'windows-1252',
    );
    const server = await publisher((_req, res) => reply(res, 200, { 'content-type': 'text/html' }, body));
    const page = await fetcher().fetchPage({ url: server.url() });
    expect(page.charset).toBe('windows-1252');
    expect(page.text).toContain('Señor “café” 5 €');
  });

  it('decodes an ISO-8859-1 page declared in the header', async () => {
    const body = iconv.encode('<html><body>Année “España” 5 €</body></html>', 'windows-1252');
    const server = await publisher((_req, res) =>
      reply(res, 200, { 'content-type': 'text/html; charset=ISO-8859-1' }, body),
    );
    expect((await fetcher().fetchPage({ url: server.url() })).text).toContain('Année “España” 5 €');
  });

  it('keeps the connection alive between requests to one host', async () => {
    const server = await publisher((_req, res) => reply(res, 200, {}, 'ok'));
    const f = fetcher();
    await f.fetchPage({ url: server.url('/1') });
    await f.fetchPage({ url: server.url('/2') });
    expect(server.seen[1]!.remotePort).toBe(server.seen[0]!.remotePort);
  });

  it('fails with http-status on 404, at once, naming the status', async () => {
    const server = await publisher((_req, res) => reply(res, 404, {}, 'gone'));
    const { code, message } = await failure(fetcher({ maxRetries: 3 }).fetchPage({ url: server.url('/x') }));
    expect(code).toBe('http-status');
    expect(message).toBe(`fetch: HTTP 404 (${server.url('/x')})`);
    expect(server.seen).toHaveLength(1);
  });
});

describe('fetchPage: redirects', () => {
  it('follows redirects and reports the final URL', async () => {
    const server = await publisher((req, res) => {
      if (req.url === '/old') return reply(res, 301, { location: '/older' });
      if (req.url === '/older') return reply(res, 302, { location: server.url('/new') });
      reply(res, 200, { 'content-type': 'text/html' }, HTML);
    });
    const page = await fetcher().fetchPage({ url: server.url('/old') });
    expect(page.finalUrl).toBe(server.url('/new'));
    expect(page.url).toBe(server.url('/old'));
    expect(server.seen.map((r) => r.path)).toEqual(['/old', '/older', '/new']);
  });

  it('detects a redirect loop', async () => {
    const server = await publisher((req, res) => reply(res, 302, { location: req.url === '/a' ? '/b' : '/a' }));
    const { code, message } = await failure(fetcher().fetchPage({ url: server.url('/a') }));
    expect(code).toBe('redirects');
    expect(message).toContain('loop');
  });

  it('refuses an unreadable Location', async () => {
    const server = await publisher((_req, res) => reply(res, 302, { location: 'http://[nope/' }));
    expect((await failure(fetcher().fetchPage({ url: server.url() }))).code).toBe('redirects');
  });

  it('stops after maxRedirects', async () => {
    const server = await publisher((req, res) => reply(res, 302, { location: `${req.url}x` }));
    const { code } = await failure(fetcher({ maxRedirects: 2 }).fetchPage({ url: server.url('/r') }));
    expect(code).toBe('redirects');
    expect(server.seen).toHaveLength(3);
  });
});

describe('fetchPage: SSRF guard', () => {
  it('refuses loopback unless allow-listed', async () => {
    const server = await publisher((_req, res) => reply(res, 200, {}, HTML));
    const { code } = await failure(fetcher({ allowPrivate: [] }).fetchPage({ url: server.url() }));
    expect(code).toBe('blocked-address');
    expect(server.seen).toHaveLength(0);
  });

  it('checks DNS answers: localhost resolves to loopback', async () => {
    const server = await publisher((_req, res) => reply(res, 200, {}, HTML));
    const port = new URL(server.url()).port;
    const { code, message } = await failure(
      fetcher({ allowPrivate: [] }).fetchPage({ url: `http://localhost:${port}/` }),
    );
    expect(code).toBe('blocked-address');
    expect(message).toMatch(/^fetch: address not allowed: localhost resolves to .*\(http:\/\/localhost:\d+\/\)$/);
    const allowed = await fetcher({ allowPrivate: ['localhost', '127.0.0.1/8'] }).fetchPage({
      url: `http://localhost:${port}/`,
    });
    expect(allowed.text).toBe(HTML);
  });

  it('re-checks every redirect hop', async () => {
    const server = await publisher((_req, res) =>
      reply(res, 302, { location: 'http://[::ffff:169.254.169.254]/latest/meta-data/' }),
    );
    const { code } = await failure(fetcher().fetchPage({ url: server.url() }));
    expect(code).toBe('blocked-address');
  });

  it('fetches only http and https', async () => {
    expect((await failure(fetcher().fetchPage({ url: 'file:///etc/passwd' }))).code).toBe('bad-input');
    expect((await failure(fetcher().fetchPage({ url: 'not a url' }))).code).toBe('bad-input');
  });
});

describe('fetchPage: failures', () => {
  it('times out on a server that never answers', async () => {
    const server = await publisher(() => undefined);
    const started = Date.now();
    const { code, message } = await failure(fetcher({ timeoutMs: 200 }).fetchPage({ url: server.url('/slow') }));
    expect(code).toBe('timeout');
    expect(message).toBe(`fetch: timed out after 200 ms (${server.url('/slow')})`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out when the body stalls after the headers', async () => {
    const server = await publisher((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body>half a page');
    });
    expect((await failure(fetcher({ timeoutMs: 300 }).fetchPage({ url: server.url() }))).code).toBe('timeout');
  });

  it('reports a refused connection as network', async () => {
    const server = await publisher(() => undefined);
    const url = server.url('/');
    await server.close();
    const { code, message } = await failure(fetcher().fetchPage({ url }));
    expect(code).toBe('network');
    expect(message).toContain(`(${url})`);
  });
});
