/**
 * Where the time goes: reads V8 .cpuprofile files (node --cpu-prof) and prints self time by area of the
 * code (a pipeline stage, a store module, an npm package, Node's internals, GC, idle) and the top
 * functions. Used with `npm run bench:ingest -- --node-options='--cpu-prof --cpu-prof-dir=DIR'`.
 *
 *   npm run bench:profile -- DIR_OR_FILES... [--top 25]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' } },
});

/** The area a frame belongs to, from its script URL. */
function areaOf(url: string, functionName: string): string {
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)') return 'idle (waiting on I/O)';
  if (functionName === '(program)') return 'V8/native (program)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm ${pkg[1]}`;
  const own = /\/src\/((?:pipeline|store|jobs|runtime|web|cli)\/[^/]+|[^/]+)/.exec(url);
  if (own) return `src/${own[1]!.replace(/\.ts$/, '')}`;
  if (url.startsWith('node:') || url === '') return `node ${functionName ? 'internals' : '(native)'}`;
  return url;
}

function files(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.cpuprofile'))
          .map((f) => join(p, f))
      : [p],
  );
}

const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
for (const file of files(positionals)) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const micros = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    total += micros;
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    if (functionName === '(idle)') return;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  });
}

const idle = byArea.get('idle (waiting on I/O)') ?? 0;
const busy = total - idle;
byArea.delete('idle (waiting on I/O)');
const rows = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([name, micros]) =>
        `| ${(micros / 1e6).toFixed(1).padStart(7)} | ${((100 * micros) / Math.max(1, busy)).toFixed(1).padStart(6)} | ${name} |`,
    );
const header = ['|  self s | % busy | where |', '| ------- | ------ | ----- |'];
process.stdout.write(
  `Profiled ${(total / 1e6).toFixed(1)} s: busy ${(busy / 1e6).toFixed(1)} s, idle (waiting on I/O) ${(idle / 1e6).toFixed(1)} s; % of busy time\n\n` +
    `By area\n${[...header, ...rows(byArea, 30)].join('\n')}\n\nTop functions\n${[...header, ...rows(byFunction, Number(values.top))].join('\n')}\n`,
);
