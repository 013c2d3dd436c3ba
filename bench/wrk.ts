/** The closed-loop load of bench:web and bench:images from wrk (Debian's `wrk`: C and epoll, far cheaper on the shared cores than a load generator in Node). */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  count: number;
  /** Bytes read per answer, headers included. */
  bytes: number;
}

/**
 * The load from wrk: one thread, `connections` keep-alive connections, the paths in turn (a Lua
 * script), latency percentiles from its --latency report.
 */
export function wrk(origin: string, connections: number, seconds: number, paths: string[]): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'happenings-wrk-'));
  const script = join(dir, 'paths.lua');
  writeFileSync(
    script,
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`,
  );
  return new Promise((resolve, reject) => {
    // One path: no script (wrk repeats its URL); several: the Lua script walks them. A 10 s timeout:
    // with wrk's 2 s default, slower answers were counted as errors and left out of p99.
    const target = paths.length === 1 ? [`${origin}${paths[0]}`] : ['-s', script, origin];
    const child = spawn(
      'wrk',
      ['-t1', `-c${connections}`, `-d${Math.max(1, Math.round(seconds))}s`, '--timeout', '10s', '--latency', ...target],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', (error) =>
      reject(new Error(`wrk could not run (apt-get install wrk, or --loader undici): ${error.message}`)),
    );
    child.once('exit', () => {
      rmSync(dir, { recursive: true, force: true });
      const ms = (label: string) => {
        const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
        return m ? Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1) : NaN;
      };
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
      const count = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
      const read = /requests in [\d.]+\w+, ([\d.]+)([KMGT]?B) read/.exec(out);
      const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 }[read?.[2] ?? 'B'] ?? 1;
      const bytes = read ? (Number(read[1]) * unit) / Math.max(1, count) : 0;
      const errors =
        Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) +
        Number(/Socket errors:.*?timeout (\d+)/.exec(out)?.[1] ?? 0);
      if (Number.isNaN(rps)) reject(new Error(`wrk gave no result:\n${out}`));
      else resolve({ rps, p50: ms('50'), p99: ms('99'), errors, count, bytes });
    });
  });
}
