import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConfig, loadConfig, siteLanguage } from './config.js';
import { HappeningsError } from './errors.js';

describe('loadConfig', () => {
  it('reads the environment over the defaults, and parses lists and numbers', () => {
    const config = loadConfig({
      HAPPENINGS_LANGUAGES: 'en, es',
      HAPPENINGS_JOB_LOCK_TIMEOUT_MS: '5000',
      HAPPENINGS_CONFIG: undefined,
    });
    expect(config.languages).toEqual(['en', 'es']);
    expect(config.jobLockTimeoutMs).toBe(5000);
    expect(loadConfig({}).jobLockTimeoutMs).toBe(600_000);
  });

  it('takes "none" as no translation engine at all, not an engine named none', () => {
    expect(loadConfig({ HAPPENINGS_TRANSLATION_ENGINES: 'none' }).translationEngines).toEqual([]);
    expect(loadConfig({ HAPPENINGS_TRANSLATION_ENGINES: 'deepl,apertium' }).translationEngines).toEqual([
      'deepl',
      'apertium',
    ]);
  });

  it('names the variable in a one-line error for a bad value', () => {
    expect(() => loadConfig({ HAPPENINGS_JOB_LOCK_TIMEOUT_MS: '10' })).toThrow(HappeningsError);
    expect(() => loadConfig({ HAPPENINGS_JOB_LOCK_TIMEOUT_MS: '10' })).toThrow(
      /HAPPENINGS_JOB_LOCK_TIMEOUT_MS: expected a whole number/,
    );
  });

  it('reads the site language once: the first of HAPPENINGS_LANGUAGES, and refuses an empty list', () => {
    expect(siteLanguage(loadConfig({ HAPPENINGS_LANGUAGES: 'fr,en' }))).toBe('fr');
    expect(siteLanguage(loadConfig({}))).toBe('en');
    expect(() => loadConfig({ HAPPENINGS_LANGUAGES: ' , ' })).toThrow(
      /HAPPENINGS_LANGUAGES: name at least one language/,
    );
  });

  it('masks secrets when printed', () => {
    const lines = describeConfig(loadConfig({ HAPPENINGS_ADMIN_PASSWORD: 'hunter2' }));
    expect(lines.join('\n')).not.toContain('hunter2');
  });
});

describe('loadConfig with a config file', () => {
  function configFile(values: unknown): string {
    const path = join(mkdtempSync(join(tmpdir(), 'happenings-config-')), 'happenings.json');
    writeFileSync(path, JSON.stringify(values));
    return path;
  }

  it("reads the keys the README documents: the environment variables' names", () => {
    const path = configFile({ PORT: 9090, HAPPENINGS_SITE_NAME: 'Wire', HAPPENINGS_LANGUAGES: ['fr', 'en'] });
    const config = loadConfig({ HAPPENINGS_CONFIG: path });
    expect(config.port).toBe(9090);
    expect(config.siteName).toBe('Wire');
    expect(config.languages).toEqual(['fr', 'en']);
  });

  it('still reads the camelCase option names, and the environment wins over the file', () => {
    const path = configFile({ port: 9091, siteName: 'Wire' });
    expect(loadConfig({ HAPPENINGS_CONFIG: path }).port).toBe(9091);
    expect(loadConfig({ HAPPENINGS_CONFIG: path, PORT: '7070' }).port).toBe(7070);
  });

  it('refuses unknown keys with one line naming them', () => {
    const path = configFile({ PORT: 9090, PROT: 1, siteNmae: 'x' });
    expect(() => loadConfig({ HAPPENINGS_CONFIG: path })).toThrow(HappeningsError);
    expect(() => loadConfig({ HAPPENINGS_CONFIG: path })).toThrow(/unknown keys "PROT", "siteNmae"/);
  });

  it('refuses an option given under both its names, and a file that is not an object', () => {
    expect(() => loadConfig({ HAPPENINGS_CONFIG: configFile({ PORT: 1, port: 2 }) })).toThrow(/PORT\/port given twice/);
    expect(() => loadConfig({ HAPPENINGS_CONFIG: configFile([1]) })).toThrow(/expected a JSON object/);
  });
});
