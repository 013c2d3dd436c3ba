import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { HappeningsError } from '../../errors.js';
import { readWarc, type WarcPage } from './warc.js';

// Read at run time from the shared data (/work/shared/data/warc), never copied into the repo.
const warc = (name: string) => fileURLToPath(new URL(`../../../../shared/data/warc/${name}`, import.meta.url));

async function pagesOf(name: string): Promise<WarcPage[]> {
  const pages: WarcPage[] = [];
  for await (const page of readWarc(warc(name))) pages.push(page);
  return pages;
}

const isHtml = (p: WarcPage) => /text\/html/i.test(p.contentType ?? '');

describe('readWarc', () => {
  it('reads the one HTML response of example.warc.gz, skipping its revisit and requests', async () => {
    const pages = await pagesOf('example.warc.gz');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ url: 'http://example.com/', status: 200, charset: 'utf-8' });
    expect(pages[0]!.text).toContain('<title>Example Domain</title>');
    expect(pages[0]!.date).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('reads the HTML responses of iana.warc.gz and leaves scripts, styles and images out', async () => {
    const pages = await pagesOf('iana.warc.gz');
    expect(pages.every(isHtml)).toBe(true);
    expect(pages).toHaveLength(20);
    expect(pages.filter((p) => p.status === 200)).toHaveLength(16);
    expect(pages.filter((p) => p.status === 302)).toHaveLength(4);
    expect(pages.every((p) => p.url.startsWith('http'))).toBe(true);
  });

  it('de-chunks a chunked response in a plain WARC', async () => {
    const pages = await pagesOf('example-iana.org-chunked.warc');
    expect(pages).toHaveLength(1);
    const text = pages[0]!.text;
    expect(text.trimStart().startsWith('<!')).toBe(true);
    expect(text.trimEnd().endsWith('</html>')).toBe(true);
    expect(text).not.toMatch(/^[0-9a-f]+\r$/m); // no chunk-size lines left
  });

  it('fails with bad-input on a missing file', async () => {
    const error = await pagesOf('no-such.warc.gz').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HappeningsError);
    expect((error as HappeningsError).code).toBe('bad-input');
  });
});
