/**
 * Issue 15, findings 6 and 7: a WARC record that decompresses to gigabytes crashed the process or
 * lost the records after it; a file ending inside a large record spun at 100 % CPU. Each record is
 * now capped by its decompressed size and skipped (reported), and a truncated file ends with an
 * error for that record.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWarc, type WarcPage, type WarcSkip } from '../pipeline/fetch/warc.js';
import { articleHtml, gzipBomb, warcRecord } from './warc-bombs.testkit.js';

const dir = mkdtempSync(join(tmpdir(), 'warc-attack-'));

async function read(file: Buffer, maxRecordBytes?: number) {
  const path = join(dir, `${crypto.randomUUID()}.warc`);
  writeFileSync(path, file);
  const pages: WarcPage[] = [];
  const skips: WarcSkip[] = [];
  for await (const page of readWarc(path, { maxRecordBytes, onSkip: (s) => skips.push(s) })) pages.push(page);
  return { pages, skips };
}

describe('attack: WARC bombs', () => {
  it('skips a gzip body that decompresses to 256 MiB, keeps reading, memory flat', async () => {
    const bomb = await gzipBomb(256);
    const before = process.memoryUsage().rss;
    const { pages, skips } = await read(
      Buffer.concat([
        warcRecord({ url: 'https://a.example/1', body: articleHtml('First') }),
        warcRecord({ url: 'https://a.example/bomb', body: bomb, headers: { 'Content-Encoding': 'gzip' } }),
        warcRecord({ url: 'https://a.example/2', body: articleHtml('After the bomb') }),
      ]),
    );
    const grownMb = Math.round((process.memoryUsage().rss - before) / 2 ** 20);
    console.log(`warc bomb (${bomb.length} bytes -> 256 MiB): rss grew ${grownMb} MB`);
    expect(pages.map((p) => p.url)).toEqual(['https://a.example/1', 'https://a.example/2']);
    expect(skips).toEqual([expect.objectContaining({ url: 'https://a.example/bomb', code: 'too-large' })]);
    expect(grownMb).toBeLessThan(200);
  });

  it('skips a record that declares more than the limit, and one whose target is not http(s)', async () => {
    const { pages, skips } = await read(
      Buffer.concat([
        warcRecord({ url: 'https://a.example/big', body: Buffer.alloc(2 << 20, 'a') }),
        warcRecord({ url: 'javascript:alert(1)', body: articleHtml('Script') }),
        warcRecord({ url: 'https://a.example/ok', body: articleHtml('Fine') }),
      ]),
      1 << 20,
    );
    expect(pages.map((p) => p.url)).toEqual(['https://a.example/ok']);
    expect(skips.map((s) => [s.url, s.code])).toEqual([
      ['https://a.example/big', 'too-large'],
      ['javascript:alert(1)', 'bad-input'],
    ]);
  });

  it('ends a file cut inside a record declaring 100 MB with an error for that record, at once', async () => {
    const started = performance.now();
    const cut = warcRecord({ url: 'https://a.example/cut', body: articleHtml('Cut'), declaredLength: 100_000_000 });
    const { pages, skips } = await read(
      Buffer.concat([warcRecord({ url: 'https://a.example/1', body: articleHtml('Whole') }), cut]),
    );
    expect(pages.map((p) => p.url)).toEqual(['https://a.example/1']);
    // Too large to keep (over the 64 MiB default), and then found cut short: the file ends there.
    expect(skips.map((s) => [s.url, s.code])).toEqual([
      ['https://a.example/cut', 'too-large'],
      ['https://a.example/cut', 'bad-input'],
    ]);
    expect(skips[1]!.reason).toMatch(/truncated/);
    expect(performance.now() - started).toBeLessThan(5000);
  }, 10_000);
});
