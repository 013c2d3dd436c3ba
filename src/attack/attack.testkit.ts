/**
 * Helpers of the attack suite: raw HTTP over a socket (headers now, body later, or a body that
 * never ends), and a probe that asks /healthz every few milliseconds and keeps the slowest answer
 * and the process's peak memory while an attack runs.
 */
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface RawAnswer {
  status: number;
  head: string;
}

/** Sends a request's head, waits `bodyAfterMs`, then sends its body; resolves with the status line. */
export function rawRequest(
  base: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; bodyAfterMs?: number },
): Promise<RawAnswer> {
  const url = new URL(base);
  const body = options.body ?? '';
  const headers = { host: url.host, 'content-length': String(Buffer.byteLength(body)), ...options.headers };
  const head =
    `${options.method ?? 'POST'} ${options.path} HTTP/1.1\r\n` +
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    'connection: close\r\n\r\n';
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n\r\n')) {
        resolve({ status: Number(answer.slice(9, 12)), head: answer.slice(0, answer.indexOf('\r\n\r\n')) });
        socket.destroy();
      }
    });
    socket.on('error', (error) => (answer ? undefined : reject(error)));
    socket.on('close', () => resolve({ status: Number(answer.slice(9, 12)) || 0, head: answer }));
    socket.write(head);
    setTimeout(() => socket.writable && socket.write(body), options.bodyAfterMs ?? 0);
  });
}

/** Streams `totalBytes` of filler as a chunked body (no Content-Length); resolves with the status. */
export function chunkedFlood(base: string, path: string, totalBytes: number): Promise<number> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    const pump = () => {
      while (sent < totalBytes && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
      if (!socket.destroyed) socket.write('0\r\n\r\n');
    };
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      answer += d;
      if (answer.includes('\r\n')) {
        resolve(Number(answer.slice(9, 12)));
        socket.destroy();
      }
    });
    socket.on('error', () => resolve(Number(answer.slice(9, 12)) || 0));
    socket.on('close', () => resolve(Number(answer.slice(9, 12)) || 0));
    socket.write(
      `POST ${path} HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: application/x-www-form-urlencoded\r\n` +
        'transfer-encoding: chunked\r\n\r\n',
    );
    pump();
  });
}

/**
 * The slowest /healthz answer a test accepts during an attack. The target is 100 ms (issue 15) and
 * an idle machine meets it; CI shares two cores with other jobs (load 10 measured), hence the margin.
 */
export const HEALTH_BUDGET_MS = 1000;

export interface Probe {
  /**
   * Stops probing; the slowest /healthz answer (ms), how many were asked, the peak RSS (MB) and how much
   * it grew over the RSS when probing began (the server shares its process with the test runner, which
   * holds what earlier suites left: the growth is the attack's part).
   */
  stop(): Promise<{ slowestMs: number; asked: number; peakRssMb: number; grownMb: number }>;
}

/** Asks `${base}/healthz` one after another (every `everyMs`) and samples this process's RSS. */
export function probeHealth(base: string, everyMs = 20): Probe {
  let running = true;
  let slowestMs = 0;
  let asked = 0;
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const answer = await fetch(`${base}/healthz`);
      await answer.arrayBuffer();
      slowestMs = Math.max(slowestMs, performance.now() - started);
      asked++;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
      return { slowestMs: Math.round(slowestMs), asked, peakRssMb: mb(peakRss), grownMb: mb(peakRss - startRss) };
    },
  };
}

const ATTACKER = fileURLToPath(new URL('./testdata/attacker.ts', import.meta.url));

/** Runs testdata/attacker.ts in its own process and returns the statuses it printed. */
export function runAttacker(args: string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', ATTACKER, ...args], { timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as number[]),
    );
  });
}
