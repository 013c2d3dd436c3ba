/**
 * The image route under load: a publisher on loopback serving 20 photographs (1200×675 JPEGs made
 * with sharp), the site's image cache over the project's fetcher, the real app in a child process,
 * and a closed-loop load of C connections for D seconds from this one (undici). Prints, per row and
 * concurrency, requests/s and latency p50/p99, against a peer (a constant route on the same stack),
 * and what a miss costs (fetch + decode + three widths, once per image).
 *
 *   npm run bench:images [-- --seconds D] [-- --concurrency 1,50,200] [-- --loader undici|wrk]   closed loop
 *   npm run bench:images -- --rate 500,2000,5000 [-- --seconds D]          open loop
 *
 * --rate R,...: an open loop instead (open-loop.ts): R requests a second on a fixed schedule, each
 * latency counted from when the request was due (so a stall counts against every request it
 * delayed, as wrk2 counts), for the peer and the image rows at the same rates. At 200 closed-loop
 * connections on two cores the latency is queueing (Little's law), even for the constant route; a
 * fixed rate the server can hold says what a request costs.
 *
 * Target (issue 19): a cached image p99 ≤ 5 ms. The server answers a cached image from memory
 * (images/hot-images.ts, HAPPENINGS_IMAGE_MEMORY_BYTES) before Hono, with headers made once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { Pool } from 'undici';
import { createFetcher } from '../src/pipeline/fetch/index.js';
import { createWebApp } from '../src/web/app.js';
import { Images } from '../src/web/images/images.js';
import { startWebServer } from '../src/web/server.js';
import { fakeSiteData } from '../src/web/web.testkit.js';
import { openLoop } from './open-loop.js';
import { wrk } from './wrk.js';

const { values } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '50,200' },
    rate: { type: 'string' },
    // The closed loop's load: undici in this process (default), or wrk (C; reads the 40 KiB answers
    // at a fraction of undici's CPU, which on two shared cores is most of a row's cost).
    loader: { type: 'string', default: 'undici' },
  },
});
const PHOTOS = 20;

async function photo(seed: number): Promise<Buffer> {
  const [width, height] = [1200, 675];
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = ((i * seed) % 251) ^ ((i >> 9) & 0xff);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** The server side: publisher, cache, app; prints its address, the image paths and the misses' timings. */
async function serveMode(): Promise<void> {
  const photos = await Promise.all(Array.from({ length: PHOTOS }, (_, i) => photo(i + 3)));
  const publisher = createServer((req, res) => {
    const n = Number(/^\/p(\d+)\.jpg$/.exec(req.url ?? '')?.[1]);
    if (!photos[n]) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photos[n]);
  });
  await new Promise<void>((resolve) => publisher.listen(0, '127.0.0.1', resolve));
  const port = (publisher.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'happenings-bench-images-'));
  process.once('SIGTERM', () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
  const fetcher = createFetcher({
    userAgent: 'Happenings bench',
    timeoutMs: 10_000,
    maxBodyBytes: 5 * 1024 * 1024,
    maxRedirects: 3,
    minDelayMs: 0,
    allowPrivate: ['127.0.0.1/8'],
    respectRobots: false,
  });
  const images = await Images.open({ dir, maxBytes: 512 * 1024 * 1024, fetcher });
  const app = createWebApp({ data: fakeSiteData(), siteName: 'Bench', language: 'en', images });
  app.get('/bench-peer', (c) => c.text('ok'));
  // The server's own CPU time, so a row can say what one request costs however busy the shared cores are.
  app.get('/bench-cpu', (c) => c.json(process.cpuUsage()));
  const server = await startWebServer(app, { port: 0, host: '127.0.0.1' });
  const sources = photos.map((_, i) => `http://127.0.0.1:${port}/p${i}.jpg`);
  const misses: number[] = [];
  for (const source of sources) {
    const t = performance.now();
    const res = await fetch(server.url + images.pathOf(source, 400));
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`bench: ${source} answered ${res.status}`);
    misses.push(performance.now() - t);
  }
  const paths = sources.flatMap((s) => [160, 400, 800].map((w) => images.pathOf(s, w as 160 | 400 | 800)));
  console.log(
    JSON.stringify({
      url: server.url,
      paths,
      misses,
      cachedBytes: images.cachedBytes(),
      memoryBytes: images.memoryBytes(),
    }),
  );
}

/** Milliseconds of CPU the server process has used (user + system). */
async function serverCpu(origin: string): Promise<number> {
  // A cookie keeps the page cache out of it: this answer must be read fresh each time.
  const { user, system } = (await (await fetch(`${origin}/bench-cpu`, { headers: { cookie: 'bench=1' } })).json()) as {
    user: number;
    system: number;
  };
  return (user + system) / 1000;
}

interface Result {
  cpuUs?: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  bytes: number;
}

async function load(origin: string, paths: string[], connections: number, seconds: number): Promise<Result> {
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const path = paths[next++ % paths.length]!;
      const t = performance.now();
      const res = await pool.request({ path, method: 'GET' });
      bytes += (await res.body.arrayBuffer()).byteLength;
      if (res.statusCode !== 200) errors += 1;
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { rps: latencies.length / elapsed, p50: q(0.5), p99: q(0.99), errors, bytes: bytes / latencies.length };
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`bench: the server exited (${code})`)));
  });
  const { url, paths, misses, cachedBytes, memoryBytes } = JSON.parse(line) as {
    url: string;
    paths: string[];
    misses: number[];
    cachedBytes: number;
    memoryBytes: number;
  };
  misses.sort((a, b) => a - b);
  console.log(
    `misses (fetch + decode + 3 widths, ${PHOTOS} photos 1200×675): median ${misses[PHOTOS >> 1]!.toFixed(1)} ms, max ${misses.at(-1)!.toFixed(1)} ms; cache ${(cachedBytes / 1024).toFixed(0)} KiB on disk, ${(memoryBytes / 1024).toFixed(0)} KiB in memory`,
  );
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (the machine is shared)`,
  );
  const seconds = Number(values.seconds);
  const rows: [string, string[]][] = [
    ['peer (constant route)', ['/bench-peer']],
    ['one cached image (400 px)', [paths[1]!]],
    [`${paths.length} cached images (all widths)`, paths],
  ];
  if (values.rate) await openLoopRows(url, rows, values.rate.split(',').map(Number), seconds);
  else await closedLoopRows(url, rows, values.concurrency.split(',').map(Number), seconds);
  child.kill('SIGTERM');
}

/** Each row at each fixed rate, the peer first: p50/p99/p99.9 from when each request was due. */
async function openLoopRows(url: string, rows: [string, string[]][], rates: number[], seconds: number): Promise<void> {
  console.log(
    'open loop: latency from when each request was due (coordinated omission counted); undici, ≤ 256 connections',
  );
  for (const rate of rates) {
    for (const [name, list] of rows) {
      await openLoop(url, list, rate, 0.5); // warm-up: connections, JIT
      const before = await serverCpu(url);
      const r = await openLoop(url, list, rate, seconds);
      const cpuUs = (((await serverCpu(url)) - before) * 1000) / (rate * seconds);
      console.log(
        `${name.padEnd(32)} ${String(rate).padStart(5)}/s  got ${r.rps.toFixed(0).padStart(5)}/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  p99.9 ${r.p999.toFixed(2)} ms  max ${r.max.toFixed(1)} ms  server CPU ${cpuUs.toFixed(0)} µs/req  sender late ≤ ${r.sendLagMs.toFixed(1)} ms${r.errors ? `  errors ${r.errors}` : ''}`,
      );
    }
  }
}

/** Each row at each number of closed-loop connections, with its ratio to the peer's requests/s. */
async function closedLoopRows(
  url: string,
  rows: [string, string[]][],
  levels: number[],
  seconds: number,
): Promise<void> {
  for (const connections of levels) {
    const measured = async (list: string[]) => {
      const before = await serverCpu(url);
      const r =
        values.loader === 'wrk'
          ? await wrk(url, connections, seconds, list)
          : await load(url, list, connections, seconds);
      const count = r.rps * seconds;
      return { ...r, cpuUs: (((await serverCpu(url)) - before) * 1000) / count };
    };
    const peer = await measured(rows[0]![1]);
    for (const [name, list] of rows) {
      const r = name.startsWith('peer') ? peer : await measured(list);
      console.log(
        `${name.padEnd(32)} c=${String(connections).padStart(3)}  ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  ${(r.bytes / 1024).toFixed(1)} KiB/answer  server CPU ${r.cpuUs!.toFixed(0)} µs/req  ratio ${(r.rps / peer.rps).toFixed(2)}${r.errors ? `  errors ${r.errors}` : ''}`,
      );
    }
  }
}

if (values.serve) await serveMode();
else await main();
