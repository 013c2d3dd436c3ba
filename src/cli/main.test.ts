import { afterEach, describe, expect, it, vi } from 'vitest';

// Loading a command's module loads what it runs (serve: the web app, the stores, the translators:
// ~270 MB and 2-3 s for `happenings --help`). These modules fail if anything loads them.
for (const name of ['serve', 'ingest', 'extract', 'translate', 'sources', 'demo', 'cluster', 'worker', 'migrate'])
  vi.doMock(`./${name}.js`, () => {
    throw new Error(`${name}.js loaded`);
  });

const { main } = await import('./main.js');

describe('happenings --help', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists every command with its summary without loading any command module', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['--help'])).toBe(0);
    const text = out.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(text).toMatch(/^ {2}serve {6}run the web site/m);
    expect(text).toMatch(/^ {2}migrate {4}bring the database schema up to date/m);
  });

  it('loads only the command asked for', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['config', '--help'])).toBe(0);
    expect(out.mock.calls.map(([chunk]) => String(chunk)).join('')).toMatch(/^Usage: happenings config/);
  });
});
