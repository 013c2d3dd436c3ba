import { describeFetcherContract } from './fetcher-contract.testkit.js';
import { createFetcher } from './fetcher.js';
import { startLoopback } from './loopback.testkit.js';

describeFetcherContract('http over loopback', async (site) => {
  const server = await startLoopback((req, res) => {
    const answer = site[req.url ?? '/'] ?? { status: 404 };
    const headers = answer.headers ?? {};
    const etag = Object.entries(headers).find(([k]) => k.toLowerCase() === 'etag')?.[1];
    if (etag && req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(answer.status ?? 200, headers).end(answer.body ?? '');
  });
  const fetcher = createFetcher({
    userAgent: 'Happenings/0.1 (+https://example.org/contact)',
    timeoutMs: 5000,
    maxBodyBytes: 1 << 20,
    maxRedirects: 3,
    minDelayMs: 0,
    allowPrivate: ['127.0.0.1/8'],
    respectRobots: true,
  });
  return {
    fetcher,
    urlOf: (path) => server.url(path),
    close: async () => {
      await fetcher.close();
      await server.close();
    },
  };
});
