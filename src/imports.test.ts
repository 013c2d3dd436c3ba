/**
 * The shape of the house, checked: every relative import in src/ points down the layers below (or
 * within its own layer), and no files import each other in a loop. A newcomer reads the code bottom
 * up, and a change that makes a low layer reach into a high one fails here instead of in review.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(new URL(import.meta.url).pathname);

/**
 * Bottom to top. A file may import from its own layer and from layers of a lower level. Layers of one
 * level know nothing of each other: the pipeline's stages and the store share only the nouns below them.
 */
const LAYERS: { name: string; level: number; holds: (file: string) => boolean }[] = [
  { name: 'nouns', level: 0, holds: (f) => f === 'model.ts' || f === 'errors.ts' },
  { name: 'base', level: 1, holds: (f) => !f.includes('/') },
  { name: 'stages', level: 2, holds: (f) => /^pipeline\/[^/]+\//.test(f) && !isFlow(f) },
  { name: 'store', level: 2, holds: (f) => f.startsWith('store/') },
  { name: 'flow', level: 3, holds: (f) => isFlow(f) || f.startsWith('sources/') || f.startsWith('jobs/') },
  // Translation models on disk and their download: above the fetch stage's guard, below the site and the commands.
  { name: 'models', level: 3, holds: (f) => f.startsWith('models/') },
  { name: 'site', level: 4, holds: (f) => f.startsWith('web/') || f.startsWith('demo/') },
  { name: 'runtime', level: 5, holds: (f) => f.startsWith('runtime/') },
  { name: 'cli', level: 6, holds: (f) => f.startsWith('cli/') },
];

/** The pipeline's flow (run.ts, poll.ts, the Pipeline type) and the one stage part that writes stories to the store. */
function isFlow(file: string): boolean {
  return /^pipeline\/[^/]+\.ts$/.test(file) || file === 'pipeline/cluster/persist.ts';
}

/** Tests, their helpers and shared suites may reach anywhere to set things up. */
function isTestCode(file: string): boolean {
  return /\.(test|testkit|contract)\.ts$/.test(file) || file.includes('/testdata/');
}

function layerOf(file: string): (typeof LAYERS)[number] {
  const layer = LAYERS.find((candidate) => candidate.holds(file));
  if (!layer) throw new Error(`imports: ${file} is in no layer; add it to LAYERS`);
  return layer;
}

function mayImport(file: string, dep: string): boolean {
  const from = layerOf(file);
  const to = layerOf(dep);
  return to === from || to.level < from.level;
}

function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(SRC, full)] : [];
  });
}

/** Relative imports of a file (static, re-exports, dynamic, type-only), as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(SRC, file), 'utf8');
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.relative(SRC, path.resolve(SRC, path.dirname(file), name.replace(/\.js$/, '.ts'))));
}

const files = sourceFiles();
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** Groups of files that import each other in a loop (Tarjan's strongly connected components of two or more). */
function loops(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue;
      if (!index.has(next)) visit(next);
      if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, low.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== node);
    if (group.length > 1) found.push(group.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('imports in src/', () => {
  it('resolve to files that exist', () => {
    const missing = [...graph].flatMap(([file, deps]) =>
      deps.filter((dep) => !dep.startsWith('..') && !graph.has(dep)).map((dep) => `${file} -> ${dep}`),
    );
    expect(missing).toEqual([]);
  });

  it('come from files that each sit in one layer', () => {
    const code = files.filter((file) => !isTestCode(file));
    expect(code.filter((file) => !LAYERS.some((layer) => layer.holds(file)))).toEqual([]);
  });

  it('never point from a lower layer to a higher one', () => {
    const wrongWay = [...graph]
      .filter(([file]) => !isTestCode(file))
      .flatMap(([file, deps]) =>
        deps
          .filter((dep) => graph.has(dep) && !mayImport(file, dep))
          .map((dep) => `${file} (${layerOf(file).name}) -> ${dep} (${layerOf(dep).name})`),
      );
    expect(wrongWay).toEqual([]);
  });

  it('form no loops between files', () => {
    const code = new Map([...graph].filter(([file]) => !isTestCode(file)));
    expect(loops(code)).toEqual([]);
  });

  it('form no loops between pipeline stages', () => {
    const stageOf = (file: string) => /^pipeline\/([^/]+)\//.exec(file)?.[1] ?? null;
    const stages = new Map<string, Set<string>>();
    for (const [file, deps] of graph) {
      const from = stageOf(file);
      if (!from || isTestCode(file) || isFlow(file)) continue;
      const targets = stages.get(from) ?? stages.set(from, new Set()).get(from)!;
      for (const to of deps.map(stageOf)) if (to && to !== from) targets.add(to);
    }
    expect(loops(new Map([...stages].map(([stage, deps]) => [stage, [...deps]])))).toEqual([]);
  });

  it('never reach into bench/ (benchmarks use the code, not the other way round)', () => {
    const intoBench = [...graph].flatMap(([file, deps]) =>
      deps.filter((dep) => dep.startsWith('../bench/')).map((dep) => `${file} -> ${dep}`),
    );
    expect(intoBench).toEqual([]);
  });

  it('finds a loop and a wrong-way import when there is one', () => {
    const sample = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(loops(sample)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(mayImport('store/types.ts', 'pipeline/extract/article.ts')).toBe(false);
    expect(mayImport('pipeline/extract/index.ts', 'store/index.ts')).toBe(false);
    expect(mayImport('pipeline/run.ts', 'store/index.ts')).toBe(true);
    expect(mayImport('store/types.ts', 'model.ts')).toBe(true);
  });
});
