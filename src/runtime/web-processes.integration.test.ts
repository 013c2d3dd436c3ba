// `happenings serve --web-processes 2` as users run it: a real process tree, real HTTP, a clean stop.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The pids of the live Happenings processes `pid` started (not its apertium runs). */
function childrenOf(pid: number): number[] {
  try {
    const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n');
    return lines.filter((l) => l.includes('bin.ts serve')).map((l) => Number(l.trim().split(/\s+/)[0]));
  } catch {
    return []; // ps exits 1 when there are none
  }
}

describe('serve --web-processes', () => {
  it('serves the site from two processes on one port, keeps the workers in the first, and stops them all on SIGTERM', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'happenings-web-processes-')), 'h.db');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/bin.ts'), 'serve', '--db', db, '--port', '0', '--web-processes', '2'],
      {
        cwd: root,
        env: { ...process.env, HAPPENINGS_DEFAULT_SOURCES: 'false', HAPPENINGS_DEBUG: '' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (!/serving on (http:\S+)/.test(stdout) && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 100));
    const url = /serving on (http:\S+)/.exec(stdout)?.[1];
    expect(url, stderr).toBeDefined();

    const web = childrenOf(child.pid!);
    expect(web).toHaveLength(2);
    const statuses = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/`).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // One line of "serving on" on stdout: the web processes print nothing there.
    expect(stdout.match(/Happenings is serving on/g)).toHaveLength(1);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(web.filter((pid) => childrenOf(child.pid!).includes(pid) || isAlive(pid))).toEqual([]);
    expect(stderr).not.toMatch(/\berror\b/);
  }, 90_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
