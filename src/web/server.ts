/** Serving a Hono app over node:http, with a promise that resolves once the port is listening. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { HappeningsError } from '../errors.js';

export interface RunningServer {
  /** e.g. "http://127.0.0.1:8080" (the real port when 0 was asked for). */
  url: string;
  close(): Promise<void>;
}

export function startWebServer(app: Hono, options: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      server.off('error', onError);
      resolve({ url: urlOf(options.host, info.port), close: () => closeServer(server) });
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
function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}
