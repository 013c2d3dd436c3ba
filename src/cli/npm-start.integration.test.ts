import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const waitFor = async (ready: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end && !ready();) await new Promise((r) => setTimeout(r, 100));
  return ready();
};

describe('npm start', () => {
  let orphan: number | null = null;
  afterEach(() => {
    if (orphan !== null && alive(orphan)) process.kill(orphan, 'SIGKILL');
    orphan = null;
  });

  it('stops the server when npm itself is sent SIGTERM (kill <pid of npm start>), leaving no orphan', async () => {
    // package.json's start script, run by npm as it runs it, with a stand-in for the server that
    // writes its pid and stops on SIGTERM (as `serve` does), so no build or port is needed.
    const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } })
      .scripts.start;
    expect(start).toContain('bin/happenings.js serve');
    const dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
    const pidFile = join(dir, 'server.pid');
    writeFileSync(
      join(dir, 'server.mjs'),
      `import { writeFileSync } from 'node:fs';
       writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
       process.once('SIGTERM', () => process.exit(0));
       setInterval(() => {}, 1000);`,
    );
    const script = start.replace('bin/happenings.js serve', 'server.mjs');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', private: true, scripts: { start: script } }));
    const npm = spawn('npm', ['start', '--silent'], { cwd: dir, stdio: 'ignore' });
    expect(await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== '', 20_000)).toBe(true);
    const server = Number(readFileSync(pidFile, 'utf8'));
    orphan = server;
    npm.kill('SIGTERM');
    expect(await waitFor(() => !alive(server), 10_000)).toBe(true);
  });
});
