/** Serving a Hono app over node:http, with a promise that resolves once the port is listening. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { HappeningsError } from '../errors.js';
import { rawAnswerOf } from './app.js';
import { takeHandedConnections } from './handoff.js';
import { urlOf } from './url-of.js';

export interface RunningServer {
  /** e.g. "http://127.0.0.1:8080" (the real port when 0 was asked for). */
  url: string;
  close(): Promise<void>;
}

export function startWebServer(app: Hono, options: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = appServer(app);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve({ url: urlOf(options.host, (server.address() as AddressInfo).port), close: () => closeServer(server) });
    });
    const onError = (error: NodeJS.ErrnoException) => {
      const reason = error.code ?? error.message;
      reject(
        new HappeningsError('web', 'config', `cannot listen on ${options.host}:${options.port} (${reason})`, {
          cause: error,
        }),
      );
    };
    server.once('error', onError);
  });
}

/**
 * Serves `app` on the connections this process's parent hands over (handoff.ts; a web process of
 * `serve --web-processes N`), without listening itself.
 */
export function serveHandedConnections(app: Hono): RunningServer {
  const server = appServer(app);
  const handed = takeHandedConnections(server);
  return {
    url: '',
    async close() {
      // Nothing listens here: stop taking connections, then let each open one finish its answer.
      handed.stop();
      const until = Date.now() + CLOSE_WAIT_MS;
      while (handed.open() > 0 && Date.now() < until) {
        server.closeIdleConnections();
        await new Promise((r) => setTimeout(r, 20));
      }
      server.closeAllConnections();
    },
  };
}

/** How long a closing web process waits for answers in flight before it drops their connections. */
const CLOSE_WAIT_MS = 5_000;

/** node:http over the app: a fresh cached page is written straight to node:http, everything else goes through Hono. */
function appServer(app: Hono): Server {
  return createServer(takingTurns(getRequestListener(app.fetch), rawAnswerOf(app)));
}

/**
 * Requests in the order they arrived, a short batch per turn of the event loop. Node (libuv)
 * accepts one new connection per turn, and a turn reads every socket with data: when every request
 * read is answered inside that turn (SQLite answers synchronously), a turn under load lasts as long
 * as all of them, and new connections waited seconds to be accepted (bench:web, 200 connections of
 * new searches: a turn took ~45 ms, the last connection was accepted after 6 s; p50 120 ms, p99
 * 6.3 s). Here a turn answers fresh cached pages (`quick`, synchronous, ~0.03 ms each) for up to
 * TURN_BUDGET_MS and at most one request that needs the app, then yields; connections are
 * accepted about as fast as requests are answered, and answered in arrival order.
 */
export function takingTurns(
  listener: (req: IncomingMessage, res: ServerResponse) => unknown,
  quick: (req: IncomingMessage, res: ServerResponse) => boolean = () => false,
) {
  const waiting: [IncomingMessage, ServerResponse][] = [];
  let head = 0;
  const take = (): [IncomingMessage, ServerResponse] => {
    const entry = waiting[head]!;
    waiting[head++] = undefined as never;
    if (head === waiting.length) waiting.length = head = 0;
    return entry;
  };
  const turn = () => {
    const until = performance.now() + TURN_BUDGET_MS;
    for (;;) {
      const [req, res] = take();
      if (!quick(req, res)) {
        listener(req, res);
        break;
      }
      if (head === waiting.length || performance.now() >= until) break;
    }
    if (head < waiting.length) setImmediate(turn);
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    // A health check is not a reader: it answers at once, even behind a flood of queued requests.
    if (req.url === '/healthz') return void listener(req, res);
    if (waiting.push([req, res]) - head === 1) setImmediate(turn);
  };
}

/** Milliseconds of cached answers one event-loop turn gives before yielding. */
const TURN_BUDGET_MS = 1;

/** Stops accepting, drops idle keep-alive connections (else close waits for them), resolves when done. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
