/**
 * CPU seconds from /proc (Linux): a process's own, its live descendants' (warm Apertium pipelines),
 * and what it collected from children that ended (`apertium` run to completion). Load-independent
 * cost for the benches: however busy the shared cores are, the CPU a job needs stays the same.
 */
import { readdirSync, readFileSync } from 'node:fs';

const clockTicks = 100; // USER_HZ on Linux: /proc/<pid>/stat counts CPU in 1/100 s.

interface Stat {
  cpuSeconds: number;
  reapedSeconds: number;
  ppid: number;
}

/** user + system of a live process, user + system of its waited-for children, and its parent. */
export function statOf(pid: number | 'self'): Stat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / clockTicks,
      reapedSeconds: (Number(fields[13]) + Number(fields[14])) / clockTicks,
      ppid: Number(fields[1]),
    };
  } catch {
    return null; // gone meanwhile
  }
}

/** CPU seconds of every live descendant of `pid`, by pid. */
export function descendantsCpu(pid: number): Map<number, number> {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const stats = new Map(all.map((p) => [p, statOf(p)] as const));
  const descendants = (root: number): number[] =>
    all.filter((p) => stats.get(p)?.ppid === root).flatMap((child) => [child, ...descendants(child)]);
  return new Map(descendants(pid).map((p) => [p, stats.get(p)?.cpuSeconds ?? 0]));
}

/** CPU seconds of every live descendant of `pid`. */
export function descendantsCpuSeconds(pid: number): number {
  return [...descendantsCpu(pid).values()].reduce((sum, s) => sum + s, 0);
}

/**
 * A clock of all the CPU this process costs from now on: its own, its ended children's, and its
 * live descendants' (a process that ends before the reading is left out: it was one of an earlier
 * run's, being killed).
 */
export function cpuClock(): () => number {
  const self = statOf('self');
  const before = descendantsCpu(process.pid);
  return () => {
    const now = statOf('self');
    let children = 0;
    for (const [pid, seconds] of descendantsCpu(process.pid)) children += seconds - (before.get(pid) ?? 0);
    return (
      (now?.cpuSeconds ?? 0) -
      (self?.cpuSeconds ?? 0) +
      (now?.reapedSeconds ?? 0) -
      (self?.reapedSeconds ?? 0) +
      children
    );
  };
}
