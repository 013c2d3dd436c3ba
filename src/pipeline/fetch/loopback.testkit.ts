/**
 * A publisher on a loopback port for the fetch tests: node:http on port 0, every request recorded
 * (path, headers, when it arrived and when its answer finished).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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
    const record: SeenRequest = { path: req.url ?? '/', headers: req.headers, arrived: Date.now(), finished: null, remotePort: req.socket.remotePort };
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
export function reply(res: ServerResponse, status: number, headers: Record<string, string | number>, body: string | Uint8Array = ''): void {
  res.writeHead(status, headers);
  res.end(body);
}
