/**
 * Free space where the SQLite file lives, for /healthz (issue 15: it said ok while ingest failed on
 * a full disk). Below `minFreeBytes` the site reports itself degraded, with the reason, before
 * writes start to fail. PostgreSQL's disk is the database server's to watch.
 */
import { statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** A sentence saying why the disk is a problem, or null when there is room (or it cannot be read). */
export async function diskProblem(dbPath: string, minFreeBytes: number): Promise<string | null> {
  const dir = dirname(resolve(dbPath));
  try {
    const stats = await statfs(dir);
    const free = stats.bavail * stats.bsize;
    if (free >= minFreeBytes) return null;
    const mb = (n: number) => `${Math.floor(n / 2 ** 20)} MB`;
    return `disk nearly full: ${mb(free)} free at ${dir} (HAPPENINGS_MIN_FREE_DISK_BYTES ${mb(minFreeBytes)})`;
  } catch {
    return null;
  }
}
