/**
 * Connections handed out by the process that accepts them, to the web processes of
 * `serve --web-processes N`, the fewest open connections first.
 *
 * Why not node:cluster's own sharing: its round robin gives a process the next connection only once
 * that process has taken the last one, so in a burst the process whose event loop turns fastest
 * takes more, and keeps them (keep-alive). bench:web's 200 connections split 131/69 between two
 * processes; the busier one answered new searches at twice the other's p50. Here the accepting
 * process keeps a count per web process (each one says when a connection it was given closes) and
 * gives each new connection to the least loaded, in turn among equals: 100/100.
 *
 * The accepting process only accepts and passes the socket on (node:child_process handle passing,
 * as cluster does); it never reads a request.
 */
import type { ChildProcess } from 'node:child_process';
import type { Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { HappeningsError } from '../errors.js';
import { log } from '../log.js';
import { urlOf } from './url-of.js';

/** Message to a web process carrying a connection's socket. */
const HANDED = 'happenings:connection';
/** Message from a web process: one connection it was given has closed. */
const CLOSED = 'happenings:connection-closed';

export interface Handoff {
  /** e.g. "http://127.0.0.1:8080" (the real port when 0 was asked for). */
  url: string;
  /** Starts giving connections to `child` (call once it is ready to take them); stops when it exits. */
  add(child: ChildProcess): void;
  /** Open connections per web process, in the order they were added (for tests and logs). */
  counts(): number[];
  /** Stops accepting; connections already handed out stay with their process. */
  close(): Promise<void>;
}

/** Listens on host:port and hands each connection to the web process holding the fewest. */
export function handOutConnections(options: { port: number; host: string }): Promise<Handoff> {
  const targets: { child: ChildProcess; open: number }[] = [];
  // Connections that arrived while no web process was ready yet wait, paused, for the first one.
  const waiting: Socket[] = [];
  let next = 0;

  const pick = () => {
    let best: (typeof targets)[number] | undefined;
    for (let i = 0; i < targets.length; i += 1) {
      const t = targets[(next + i) % targets.length]!;
      if (!best || t.open < best.open) best = t;
    }
    next = (next + 1) % Math.max(1, targets.length);
    return best;
  };
  const hand = (socket: Socket, tries = 0) => {
    const target = pick();
    if (!target) return void waiting.push(socket);
    target.open += 1;
    target.child.send(HANDED, socket, (error) => {
      if (!error) return;
      // The process is gone or its channel closed: the socket is still ours, so another takes it
      // (each process once at most).
      target.open -= 1;
      if (targets.includes(target) && !target.child.connected) targets.splice(targets.indexOf(target), 1);
      if (!socket.destroyed && tries < targets.length) hand(socket, tries + 1);
      else socket.destroy();
    });
  };

  const server = createServer({ pauseOnConnect: true }, hand);
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new HappeningsError(
          'web',
          'config',
          `cannot listen on ${options.host}:${options.port} (${error.code ?? error.message})`,
          { cause: error },
        ),
      );
    });
    server.listen(options.port, options.host, () => {
      server.removeAllListeners('error');
      // An accept error (EMFILE: too many open files) loses that connection only; the next is accepted.
      server.on('error', (error: NodeJS.ErrnoException) =>
        log.warn(`web: a connection could not be accepted (${error.code ?? error.message})`),
      );
      resolve({
        url: urlOf(options.host, (server.address() as AddressInfo).port),
        add(child) {
          const target = { child, open: 0 };
          targets.push(target);
          child.on('message', (message: unknown) => {
            if (message === CLOSED) target.open = Math.max(0, target.open - 1);
          });
          child.once('exit', () => {
            if (targets.includes(target)) targets.splice(targets.indexOf(target), 1);
          });
          for (const socket of waiting.splice(0)) hand(socket);
        },
        counts: () => targets.map((t) => t.open),
        close: () =>
          new Promise<void>((done) => {
            for (const socket of waiting.splice(0)) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * In a web process: takes the connections its parent hands over and serves them on `server` (which
 * does not listen itself), and tells the parent when each one closes.
 */
export function takeHandedConnections(server: HttpServer): { stop(): void; open(): number } {
  let open = 0;
  const onMessage = (message: unknown, socket?: Socket) => {
    if (message !== HANDED || !socket) return;
    open += 1;
    socket.once('close', () => {
      open -= 1;
      if (process.connected) process.send?.(CLOSED, undefined, {}, () => undefined);
    });
    server.emit('connection', socket);
    socket.resume();
  };
  process.on('message', onMessage);
  return { stop: () => void process.off('message', onMessage), open: () => open };
}
