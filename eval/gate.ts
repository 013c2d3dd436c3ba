/**
 * The one quality gate every stage's gate test goes through. Each stage has a floor file,
 * eval/floors/<stage>.json, in one convention:
 *
 *   { "_comment": "...", "atLeast": { "<measure>": number, ... }, "atMost": { "<measure>": number, ... } }
 *
 * `atLeast` holds floors (a measurement below one fails), `atMost` ceilings (one above fails, e.g. glued
 * words). A limit only tightens: a floor goes up, a ceiling down.
 *   HAPPENINGS_RAISE_FLOORS=1  writes measurements that beat a limit back into the file (rounded towards the
 *                              old limit to 3 decimals); without it the gate prints what it could raise.
 *   HAPPENINGS_LOWER_FLOORS=1  lets the file hold a looser limit than the committed one (an explicit decision);
 *                              without it eval/gate.test.ts fails on any loosened limit (against git HEAD).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export const STAGES = ['extract', 'translate', 'cluster', 'dedupe', 'enrich', 'fidelity'] as const;
export type Stage = (typeof STAGES)[number];

export interface Limits {
  atLeast: Record<string, number>;
  atMost: Record<string, number>;
}

export type Measured = Record<string, number>;

const repoRoot = new URL('../', import.meta.url);

/** The floor file's path relative to the repository root (for git). */
export const floorsPath = (stage: Stage): string => `eval/floors/${stage}.json`;

function parseLimits(text: string): Limits {
  const json = JSON.parse(text) as Partial<Limits>;
  return { atLeast: json.atLeast ?? {}, atMost: json.atMost ?? {} };
}

export function readLimits(stage: Stage): Limits {
  return parseLimits(readFileSync(new URL(floorsPath(stage), repoRoot), 'utf8'));
}

/** The limits as committed at git HEAD; null outside a git checkout or before the file was committed. */
export function committedLimits(stage: Stage): Limits | null {
  try {
    const text = execFileSync('git', ['show', `HEAD:${floorsPath(stage)}`], {
      cwd: repoRoot.pathname,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return parseLimits(text);
  } catch {
    return null;
  }
}

/** Each measurement past its limit, as a readable line; a measurement with no limit is an error too. */
export function failures(limits: Limits, measured: Measured): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(measured)) {
    const floor = limits.atLeast[key];
    const ceiling = limits.atMost[key];
    if (floor === undefined && ceiling === undefined) out.push(`${key}: no floor or ceiling in the floor file`);
    if (floor !== undefined && !(value >= floor)) out.push(`${key}: ${value} is below its floor ${floor}`);
    if (ceiling !== undefined && !(value <= ceiling)) out.push(`${key}: ${value} is above its ceiling ${ceiling}`);
  }
  return out;
}

/** The limits of `current` looser than in `committed` (a lowered floor, a raised ceiling, a removed one). */
export function loosened(committed: Limits, current: Limits): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(committed.atLeast)) {
    const now = current.atLeast[key];
    if (now === undefined || now < value) out.push(`floor ${key}: ${value} -> ${now ?? 'removed'}`);
  }
  for (const [key, value] of Object.entries(committed.atMost)) {
    const now = current.atMost[key];
    if (now === undefined || now > value) out.push(`ceiling ${key}: ${value} -> ${now ?? 'removed'}`);
  }
  return out;
}

/** The limits tightened to the measurements that beat them, rounded towards the old limit (3 decimals). */
export function tightened(limits: Limits, measured: Measured): Limits {
  const atLeast = { ...limits.atLeast };
  const atMost = { ...limits.atMost };
  for (const [key, value] of Object.entries(measured)) {
    const floor = atLeast[key];
    if (floor !== undefined) atLeast[key] = Math.max(floor, Math.floor(value * 1000) / 1000);
    const ceiling = atMost[key];
    if (ceiling !== undefined) atMost[key] = Math.min(ceiling, Math.ceil(value * 1000) / 1000);
  }
  return { atLeast, atMost };
}

/**
 * Checks a stage's measurements against its floor file and returns the failures (empty when it passes).
 * Prints the measurements; with HAPPENINGS_RAISE_FLOORS=1 writes the limits they beat back into the file,
 * otherwise prints which limits could be raised.
 */
export function gate(stage: Stage, measured: Measured): string[] {
  const limits = readLimits(stage);
  console.log(`${stage} quality`, JSON.stringify(measured));
  const better = tightened(limits, measured);
  const changes = [
    ...Object.keys(better.atLeast)
      .filter((key) => better.atLeast[key] !== limits.atLeast[key])
      .map((key) => `floor ${key} ${limits.atLeast[key]} -> ${better.atLeast[key]}`),
    ...Object.keys(better.atMost)
      .filter((key) => better.atMost[key] !== limits.atMost[key])
      .map((key) => `ceiling ${key} ${limits.atMost[key]} -> ${better.atMost[key]}`),
  ];
  if (changes.length > 0 && process.env.HAPPENINGS_RAISE_FLOORS === '1') {
    const file = new URL(floorsPath(stage), repoRoot);
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const atMost = Object.keys(better.atMost).length > 0 ? { atMost: better.atMost } : {};
    writeFileSync(file, `${JSON.stringify({ ...json, atLeast: better.atLeast, ...atMost }, null, 2)}\n`);
    console.log(`${stage}: tightened in ${floorsPath(stage)}: ${changes.join(', ')}`);
  } else if (changes.length > 0) {
    console.log(`${stage}: HAPPENINGS_RAISE_FLOORS=1 would tighten ${changes.join(', ')}`);
  }
  return failures(limits, measured);
}
