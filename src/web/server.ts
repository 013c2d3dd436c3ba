/** Serving a Hono app over node:http, with a promise that resolves once the port is listening. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { HappeningsError } from '../errors.js';
import { rawAnswerOf } from './app.js';

export interface RunningServer {
  /** e.g. "http://127.0.0.1:8080" (the real port when 0 was asked for). */
  url: string;
  close(): Promise<void>;
}

export function startWebServer(app: Hono, options: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const listener = getRequestListener(app.fetch);
    const fast = rawAnswerOf(app);
    // A fresh cached page is written straight to node:http; everything else goes through Hono.
    const server = createServer(fast ? (req, res) => void (fast(req, res) || listener(req, res)) : listener);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve({ url: urlOf(options.host, (server.address() as AddressInfo).port), close: () => closeServer(server) });
    });
    const onError = (error: NodeJS.ErrnoException) => {
      const reason = error.code ?? error.message;
      reject(new HappeningsError('web', 'config', `cannot listen on ${options.host}:${options.port} (${reason})`, { cause: error }));
    };
    server.once('error', onError);
  });
}

function urlOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** Stops accepting, drops idle keep-alive connections (else close waits for them), resolves when done. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
