/**
 * `happenings models` and `happenings retranslate` as users call them: real processes, a loopback
 * model publisher, exit codes and one-line errors.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedModel, shaOf, startFakePublisher, type FakePublisher } from '../models/publisher.testkit.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const spanishPage = join(root, 'src/pipeline/extract/testdata/seed-case-es-aggregator/source.html');

function happenings(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'src/cli/bin.ts'), ...args],
      { cwd: root, env: { ...process.env, HAPPENINGS_DEBUG: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let publisher: FakePublisher;
beforeAll(async () => {
  publisher = await startFakePublisher();
  publisher.repos.set('Xenova/opus-mt-de-en', { sha: shaOf('de-en'), files: generatedModel('de-en') });
});
afterAll(() => publisher.close());

describe('happenings models', () => {
  it('adds a model with a log line per file, lists it, refuses what it cannot do in one line, removes it', async () => {
    const modelsDir = mkdtempSync(join(tmpdir(), 'happenings-models-'));
    const env = {
      HAPPENINGS_MODELS_URL: publisher.url,
      HAPPENINGS_MODELS_DIR: modelsDir,
      HAPPENINGS_ALLOW_PRIVATE: '127.0.0.1/8',
    };
    expect((await happenings(['models', 'list'], env)).stdout).toMatch(/^no models installed in /);

    const added = await happenings(['models', 'add', 'de-en'], env);
    expect(added.code).toBe(0);
    const sha = shaOf('de-en').slice(0, 7);
    expect(added.stdout).toMatch(
      new RegExp(`^installed de-en: Xenova/opus-mt-de-en @ ${sha} in .*de-en \\(licence CC-BY-4.0`),
    );
    // Not a terminal: a line as each file starts and as it is verified, no carriage returns.
    expect(added.stderr).toContain('models: downloading onnx/encoder_model_quantized.onnx (0.3 MB)');
    expect(added.stderr).toContain('models: onnx/encoder_model_quantized.onnx verified');
    expect(added.stderr).not.toContain('\r');

    const listed = await happenings(['models', 'list'], env);
    expect(listed.stdout).toMatch(new RegExp(`^de-en  0\\.\\d MB  Xenova/opus-mt-de-en @ ${sha}  installed 20\\d\\d-`));

    const unknown = await happenings(['models', 'add', 'xx-en'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`happenings: models: no model Xenova/opus-mt-xx-en at ${publisher.url}\n`);

    const closed = await startFakePublisher();
    await closed.close();
    const offline = await happenings(['models', 'add', 'fr-en'], {
      ...env,
      HAPPENINGS_MODELS_URL: closed.url,
    });
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(
      /^happenings: models: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\); check the network, or HAPPENINGS_MODELS_URL for a mirror\n$/,
    );

    expect((await happenings(['models', 'remove', 'de-en'], env)).stdout).toBe('removed de-en\n');
    expect(existsSync(join(modelsDir, 'de-en'))).toBe(false);
    const again = await happenings(['models', 'remove', 'de-en'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('happenings: models: no model de-en is installed (see happenings models list)\n');
    expect((await happenings(['models', 'frob'], env)).stderr).toMatch(/^happenings: cli: models: unknown verb "frob"/);
  });
});

describe('happenings config and retranslate', () => {
  it('config says which engine serves each pair', async () => {
    const r = await happenings(['config'], { HAPPENINGS_TRANSLATION_ENGINES: 'apertium', HAPPENINGS_LANGUAGES: 'en' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# es → en: apertium \d+\.\d+/m);
    expect(r.stdout).toMatch(/^# pt → en: apertium \S+ via es$/m);
    expect(r.stdout).toContain(
      '# ru → en: none (install a model: happenings models add ru-en, and put neural in HAPPENINGS_TRANSLATION_ENGINES)',
    );
  });

  // Needs Apertium with apertium-eng-spa (CI installs it).
  it('retranslates an article stored untranslated, and a rerun redoes nothing', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'happenings-cli-')), 'cli.db');
    const env = { HAPPENINGS_LANGUAGES: 'en', HAPPENINGS_DEFAULT_SOURCES: 'false' };
    const ingest = await happenings(['ingest', spanishPage, '--url', 'https://diario.example/a', '--db', db], {
      ...env,
      HAPPENINGS_TRANSLATION_ENGINES: 'none',
    });
    expect(ingest.code).toBe(0);
    const first = await happenings(['retranslate', '--language', 'es', '--db', db], {
      ...env,
      HAPPENINGS_TRANSLATION_ENGINES: 'apertium',
    });
    expect(first.stdout).toBe(
      '1 article(s): 1 translation(s) redone, 0 already current, 0 with no engine for their pair, 0 failed\n',
    );
    expect(first.stderr).toMatch(/info retranslate: 1 article\(s\)/);
    const rerun = await happenings(['retranslate', '--db', db], { ...env, HAPPENINGS_TRANSLATION_ENGINES: 'apertium' });
    expect(rerun.stdout).toBe(
      '1 article(s): 0 translation(s) redone, 1 already current, 0 with no engine for their pair, 0 failed\n',
    );
    const german = await happenings(['retranslate', '--language', 'de', '--db', db], env);
    expect(german.stdout).toMatch(/^0 article\(s\)/);
    const bad = await happenings(['retranslate', '--since', 'yesterday-ish', '--db', db], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^happenings: cli: retranslate: --since takes a date such as 2026-11-01, not "yesterday-ish"/,
    );
  });
});
