// Connections handed from one accepting process to web processes (handoff.ts), with real child
// processes and real sockets on loopback.
import { fork, type ChildProcess } from 'node:child_process';
import { createConnection, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { handOutConnections, type Handoff } from './handoff.js';

const script = fileURLToPath(new URL('./testdata/handed-process.ts', import.meta.url));
let children: ChildProcess[] = [];
let handoff: Handoff | undefined;

afterEach(async () => {
  for (const child of children) child.kill();
  children = [];
  await handoff?.close();
  handoff = undefined;
});

function start(): Promise<ChildProcess> {
  const child = fork(script, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`web process exited (${code})`)));
  });
}

/** A kept-alive connection to `url` and the pid that answered its first request. */
function connect(url: string): Promise<{ socket: Socket; pid: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: hostname, port: Number(port) }, () =>
      socket.write('GET / HTTP/1.1\r\nHost: test\r\n\r\n'),
    );
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk;
      const body = /\r\n\r\n(\d+)$/.exec(text);
      if (body) resolve({ socket, pid: Number(body[1]) });
    });
    socket.on('error', reject);
  });
}

/** `n` connections opened at once. */
const burst = (url: string, n: number) => Promise.all(Array.from({ length: n }, () => connect(url)));
const count = (opened: { pid: number }[], pid: number | undefined) => opened.filter((o) => o.pid === pid).length;
const until = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i += 1) await new Promise((r) => setTimeout(r, 20));
};
let sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets) socket.destroy();
  sockets = [];
});
const kept = <T extends { socket: Socket }>(opened: T[]) => {
  sockets.push(...opened.map((o) => o.socket));
  return opened;
};

describe('handOutConnections', () => {
  it('splits a burst of connections evenly, then gives new ones to the process whose connections closed', async () => {
    handoff = await handOutConnections({ port: 0, host: '127.0.0.1' });
    const [a, b] = await Promise.all([start(), start()]);
    handoff.add(a);
    handoff.add(b);

    const first = kept(await burst(handoff.url, 20));
    expect([count(first, a.pid), count(first, b.pid)]).toEqual([10, 10]);
    expect(handoff.counts()).toEqual([10, 10]);

    // a's ten connections close, b's stay open: the next connections all go to a.
    for (const o of first.filter((o) => o.pid === a.pid)) o.socket.destroy();
    await until(() => handoff!.counts()[0] === 0);
    expect(handoff.counts()).toEqual([0, 10]);
    const next = kept(await burst(handoff.url, 6));
    expect(count(next, a.pid)).toBe(6);
  }, 30_000);

  it('holds connections that arrive before any web process is ready, and serves them once one is', async () => {
    handoff = await handOutConnections({ port: 0, host: '127.0.0.1' });
    const answered = burst(handoff.url, 3);
    const a = await start();
    handoff.add(a);
    expect(count(kept(await answered), a.pid)).toBe(3);
  }, 30_000);

  it('stops giving connections to a process that has exited', async () => {
    handoff = await handOutConnections({ port: 0, host: '127.0.0.1' });
    const [a, b] = await Promise.all([start(), start()]);
    handoff.add(a);
    handoff.add(b);
    a.kill('SIGKILL');
    await new Promise((resolve) => a.once('exit', resolve));
    expect(count(kept(await burst(handoff.url, 4)), b.pid)).toBe(4);
    expect(handoff.counts()).toEqual([4]);
  }, 30_000);

  it('says clearly when the port is taken', async () => {
    handoff = await handOutConnections({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(handoff.url).port);
    await expect(handOutConnections({ port, host: '127.0.0.1' })).rejects.toThrow(
      `cannot listen on 127.0.0.1:${port} (EADDRINUSE)`,
    );
  });
});
