/**
 * A publisher on a loopback port for the fetch tests: node:http on port 0, every request recorded
 * (path, headers, when it arrived and when its answer finished).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach } from 'vitest';
import { HappeningsError } from '../../errors.js';
import { createFetcher, type FetchOptions, type Fetcher } from './index.js';

export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
  arrived: number;
  finished: number | null;
  /** The client's port: two requests on one port came over one kept-alive connection. */
  remotePort: number | undefined;
}

export interface Loopback {
  url: (path?: string) => string;
  seen: SeenRequest[];
  /** Requests other than robots.txt. */
  pages: () => SeenRequest[];
  close: () => Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export async function startLoopback(handler: Handler, host = '127.0.0.1'): Promise<Loopback> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const record: SeenRequest = {
      path: req.url ?? '/',
      headers: req.headers,
      arrived: Date.now(),
      finished: null,
      remotePort: req.socket.remotePort,
    };
    seen.push(record);
    res.on('close', () => (record.finished = Date.now()));
    void Promise.resolve(handler(req, res)).catch((error: unknown) => res.destroy(error as Error));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/') => `http://${host}:${port}${path}`,
    seen,
    pages: () => seen.filter((r) => r.path !== '/robots.txt'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers a fixed status, headers and body. */
export function reply(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body: string | Uint8Array = '',
): void {
  res.writeHead(status, headers);
  res.end(body);
}

export const TEST_USER_AGENT = 'Happenings/0.1 (+https://example.org/contact)';

/** Fetch options for loopback tests: short timeouts, loopback allowed, no robots, no delays. */
export const testFetchOptions = (over: Partial<FetchOptions> = {}): FetchOptions => ({
  userAgent: TEST_USER_AGENT,
  timeoutMs: 5000,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 3,
  minDelayMs: 0,
  allowPrivate: ['127.0.0.1/8'],
  respectRobots: false,
  retryBaseMs: 10,
  ...over,
});

/** Publishers and fetchers for one test file, all closed after each test. */
export function useLoopbackFetch(): {
  publisher: (handler: Handler, host?: string) => Promise<Loopback>;
  fetcher: (over?: Partial<FetchOptions>) => Fetcher;
} {
  const open: (Loopback | Fetcher)[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((o) => o.close()));
  });
  return {
    async publisher(handler, host) {
      const server = await startLoopback(handler, host);
      open.push(server);
      return server;
    },
    fetcher(over = {}) {
      const f = createFetcher(testFetchOptions(over));
      open.push(f);
      return f;
    },
  };
}

/** The error code a fetch fails with ('none' when it succeeds). */
export const codeOf = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'none',
    (e: unknown) => (e instanceof HappeningsError ? e.code : String(e)),
  );
