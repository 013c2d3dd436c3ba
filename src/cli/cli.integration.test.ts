/**
 * The command line as users and scripts call it: real processes, exit codes, stdout contracts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startDemoPublisher } from '../demo/publisher.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seedPage = join(root, 'src/pipeline/extract/testdata/seed-case-es-aggregator/source.html');
const englishPage = join(root, 'src/pipeline/extract/testdata/en-byline-time/source.html');
const warc = join(root, '../shared/data/warc/iana.warc.gz');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function happenings(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/bin.ts'), ...args],
      { cwd: root, env: { ...process.env, HAPPENINGS_DEBUG: '', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? '');
  });
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'happenings-cli-')), 'cli.db');

describe('happenings', () => {
  it('lists its commands with --help and refuses an unknown one in one line', async () => {
    const help = await happenings(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['serve', 'ingest', 'extract', 'translate', 'sources', 'config', 'demo'])
      expect(help.stdout).toContain(c);
    const bad = await happenings(['frobnicate']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('config masks secrets', async () => {
    const r = await happenings(['config'], { env: { HAPPENINGS_ADMIN_PASSWORD: 'hunter2', PORT: '9999' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PORT=9999');
    expect(r.stdout).not.toContain('hunter2');
    expect(r.stdout).toContain('HAPPENINGS_ADMIN_PASSWORD=********');
  });

  it('a bad option value is one clear line and exit 1', async () => {
    const r = await happenings(['config'], { env: { PORT: 'eighty' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^happenings: config: PORT: expected a whole number/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('happenings extract', () => {
  it('prints the contract JSON for a file, with --url naming its address', async () => {
    const url = 'https://www.eldiario-ejemplo.es/internacional/putin-recibe-kim-jong-un-kremlin_1_1093847.html';
    const r = await happenings(['extract', seedPage, '--url', url]);
    expect(r.code).toBe(0);
    const article = JSON.parse(r.stdout);
    expect(Object.keys(article)).toEqual(
      expect.arrayContaining([
        'url',
        'canonicalUrl',
        'site',
        'title',
        'subtitle',
        'byline',
        'publishedAt',
        'language',
        'image',
        'paragraphs',
        'html',
        'related',
        'tags',
        'isTeaser',
      ]),
    );
    expect(article.url).toBe(url);
    expect(article.language).toBe('es');
    expect(article.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(article.paragraphs.length).toBeGreaterThan(3);
    expect(article.html).not.toMatch(/<script|onerror=/i);
  });

  it('prints the contract JSON for a URL, fetched through the polite fetcher', async () => {
    const publisher = await startDemoPublisher();
    try {
      const page = publisher.pages.find((p) => p.language === 'es')!;
      const r = await happenings(['extract', page.url], { env: { HAPPENINGS_ALLOW_PRIVATE: '127.0.0.1/8' } });
      expect(r.code).toBe(0);
      const article = JSON.parse(r.stdout);
      expect(article).toMatchObject({ url: page.url, title: page.title, language: 'es', site: page.outlet });
      const refused = await happenings(['extract', page.url]);
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout).error).toMatch(/^fetch: /);
    } finally {
      await publisher.close();
    }
  });

  it('gives a file without --url a file:// URL', async () => {
    const r = await happenings(['extract', englishPage]);
    expect(JSON.parse(r.stdout).url).toMatch(/^file:\/\//);
  });

  it('with --jsonl prints one line per input and {input, error} for a failing one, exit 1 at the end', async () => {
    const r = await happenings(['extract', '--jsonl', englishPage, '/nonexistent/page.html', seedPage]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toEqual({ input: '/nonexistent/page.html', error: expect.stringMatching(/cannot read/) });
    expect(lines[2].language).toBe('es');
  });

  it('with --to en adds the translation, names intact', async () => {
    const r = await happenings(['extract', seedPage, '--to', 'en']);
    expect(r.code).toBe(0);
    const { translation } = JSON.parse(r.stdout);
    expect(translation).toMatchObject({ language: 'en', engine: 'apertium' });
    expect(translation.paragraphs.join(' ')).toContain('Kim Jong Un');
    expect(translation.protectedNames).toContain('Kim Jong Un');
  });
  it('with --to en on a page in a language no engine has: the article, translation null, one warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'happenings-de-'));
    const page = join(dir, 'de.html');
    const paragraph = (n: number) =>
      `<p>Der Stadtrat hat am Dienstag nach einer langen Sitzung beschlossen, die neue Straßenbahnlinie ${n} bis zum Hauptbahnhof zu verlängern. Die Bauarbeiten sollen im kommenden Frühjahr beginnen und etwa zwei Jahre dauern, sagte die Bürgermeisterin vor Journalisten im Rathaus.</p>`;
    writeFileSync(
      page,
      `<!doctype html><html lang="de"><head><title>Neue Straßenbahnlinie für die Stadt</title></head><body><article><h1>Neue Straßenbahnlinie für die Stadt</h1>${[1, 2, 3, 4].map(paragraph).join('')}</article></body></html>`,
    );
    const r = await happenings(['extract', page, '--to', 'en'], { env: { HAPPENINGS_MODELS_DIR: dir } });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.language).toBe('de');
    expect(out.paragraphs.join(' ')).toContain('Straßenbahnlinie');
    expect(out.translation).toBeNull();
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^happenings: warning: .*no engine can translate de to en/),
    ]);
  });
});

describe('happenings translate', () => {
  it('turns each input line into exactly one output line, empty staying empty', async () => {
    const input = 'El presidente habló ayer en Madrid.\n\nLa economía creció un dos por ciento.\n';
    const r = await happenings(['translate', '--from', 'es', '--to', 'en'], { input });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toHaveLength(3);
    expect(lines[0]).toMatch(/president/i);
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/economy/i);
  });

  it('refuses a pair no engine has, in one line', async () => {
    const r = await happenings(['translate', '--from', 'fi', '--to', 'en'], { input: 'Hei\n' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('happenings sources', () => {
  it('adds, lists, exports and imports OPML, idempotently', async () => {
    const db = tempDb();
    expect(
      (
        await happenings([
          'sources',
          'add',
          'https://news.example/feed.xml',
          '--name',
          'Example News',
          '--language',
          'es',
          '--no-check',
          '--db',
          db,
        ])
      ).stdout,
    ).toMatch(/^added/);
    expect(
      (await happenings(['sources', 'add', 'https://news.example/feed.xml', '--no-check', '--db', db])).stdout,
    ).toMatch(/^already there/);
    const list = await happenings(['sources', 'list', '--db', db]);
    expect(list.stdout).toContain('Example News (es)');
    expect(list.stdout).toContain('not fetched yet');
    const opml = (await happenings(['sources', 'export', '--db', db])).stdout;
    expect(opml).toContain('xmlUrl="https://news.example/feed.xml"');

    const other = tempDb();
    const file = join(mkdtempSync(join(tmpdir(), 'opml-')), 'sources.opml');
    writeFileSync(file, opml);
    expect((await happenings(['sources', 'import', file, '--db', other])).stdout).toMatch(/imported 1 source/);
    expect((await happenings(['sources', 'import', file, '--db', other])).stdout).toMatch(
      /imported 0 source\(s\), 1 already there/,
    );
  });

  it('fetches the URL once first: an address that fails is refused in one line, nothing added', async () => {
    const db = tempDb();
    const r = await happenings(['sources', 'add', 'https://nonexistent.invalid/feed.xml', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/could not be fetched.*nothing added/);
    expect((await happenings(['sources', 'list', '--db', db])).stdout).not.toContain('nonexistent');
  });

  it('refuses a URL that is not http(s)', async () => {
    const r = await happenings(['sources', 'add', 'javascript:alert(1)', '--db', tempDb()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not an http\(s\) URL/);
  });
});

describe('happenings ingest', () => {
  it('ingests a WARC archive once; a rerun stores nothing twice', async () => {
    const db = tempDb();
    const first = await happenings(['ingest', warc, '--db', db]);
    expect(first.code).toBe(0);
    const stored = Number(/(\d+) article\(s\) in the store/.exec(first.stdout)?.[1]);
    expect(stored).toBeGreaterThan(0);
    const again = await happenings(['ingest', warc, '--db', db]);
    expect(again.stdout).toMatch(/ingested 0 new article/);
    expect(Number(/(\d+) article\(s\) in the store/.exec(again.stdout)?.[1])).toBe(stored);
  });

  it('ingests a folder of pages and records the ones that are no article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    copyFileSync(seedPage, join(dir, 'seed.html'));
    copyFileSync(englishPage, join(dir, 'english.html'));
    writeFileSync(join(dir, 'empty.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
    mkdirSync(join(dir, 'sub'));
    const db = tempDb();
    const r = await happenings(['ingest', dir, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ingested 2 new article\(s\).*1 failure/);
    const list = await happenings(['sources', 'list', '--db', db]);
    expect(list.stdout).toMatch(/no-article .*empty\.html/);
    // A rerun stores nothing new, and the page that failed before is not a new failure.
    const again = await happenings(['ingest', dir, '--db', db]);
    expect(again.stdout).toMatch(
      /ingested 0 new article\(s\).*; 0 failure\(s\) recorded, 1 page\(s\) failed again as on an earlier run;/,
    );
  });
});
