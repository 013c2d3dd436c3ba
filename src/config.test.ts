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
