import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command } from './cluster.js';

const body =
  'The wire story about the harbour strike in Rotterdam: 1,200 dockers stopped work on Monday over pay, said the FNV union. ';

async function run(lines: string[], ...flags: string[]): Promise<{ code: number; out: Record<string, unknown>[] }> {
  const file = join(mkdtempSync(join(tmpdir(), 'cluster-')), 'in.jsonl');
  writeFileSync(file, lines.join('\n'));
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((c) => (chunks.push(String(c)), true));
  const code = await command.run([file, '--no-translate', ...flags]);
  vi.restoreAllMocks();
  return {
    code,
    out: chunks
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('happenings cluster', () => {
  it('prints {id, story, duplicateOf?} per input line, in input order, copies marked', async () => {
    const { code, out } = await run([
      JSON.stringify({
        id: 'b',
        title: 'Copy',
        text: body.repeat(4),
        language: 'en',
        publishedAt: '2026-01-02T10:00:00Z',
      }),
      JSON.stringify({
        id: 'a',
        title: 'Strike',
        text: body.repeat(4),
        language: 'en',
        publishedAt: '2026-01-02T09:00:00Z',
      }),
      JSON.stringify({
        id: 'c',
        title: 'Elsewhere',
        text: 'Snow closed the Brenner Pass for 6 hours; 300 lorries waited in Innsbruck.',
        language: 'en',
        publishedAt: '2026-01-02T11:00:00Z',
      }),
    ]);
    expect(code).toBe(0);
    expect(out.map((o) => o.id)).toEqual(['b', 'a', 'c']);
    expect(out[0]).toEqual({ id: 'b', story: out[1]!.story, duplicateOf: 'a' });
    expect(out[2]!.story).not.toBe(out[1]!.story);
  });

  it('reports a bad line with its number and exits 1; --explain adds why', async () => {
    const { code, out } = await run(
      ['{"id":"x","title":"T","text":"","language":"en","publishedAt":"2026-01-01"}', 'nope'],
      '--explain',
    );
    expect(code).toBe(1);
    expect(out[0]!.why).toBeDefined();
    expect(out[1]!.line).toBe(2);
  });
});
