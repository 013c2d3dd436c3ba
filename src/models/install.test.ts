import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HappeningsError } from '../errors.js';
import {
  addModel,
  createPublisher,
  incomingModels,
  installedModels,
  removeModel,
  type AddEvent,
  type Publisher,
} from './index.js';
import { generatedModel, shaOf, startFakePublisher, type FakePublisher } from './publisher.testkit.js';

const ENCODER = 'onnx/encoder_model_quantized.onnx';
let server: FakePublisher;
let publisher: Publisher;
let modelsDir: string;

beforeEach(async () => {
  server = await startFakePublisher();
  server.repos.set('Xenova/opus-mt-de-en', { sha: shaOf('de-en 1'), files: generatedModel('de-en') });
  publisher = createPublisher({ baseUrl: server.url, allowPrivate: ['127.0.0.1/8'], userAgent: 'test' });
  modelsDir = mkdtempSync(join(tmpdir(), 'happenings-models-'));
});

afterEach(async () => {
  await publisher.close();
  await server.close();
});

const add = (events: AddEvent[] = [], pair = 'de-en', repo?: string) =>
  addModel({ modelsDir, pair, publisher, onEvent: (e) => events.push(e), ...(repo ? { repo } : {}) });

async function failure(work: Promise<unknown>): Promise<HappeningsError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HappeningsError);
  return error as HappeningsError;
}

describe('models add', () => {
  it('pins the commit, downloads the contract files with progress, verifies them, writes the manifest', async () => {
    const events: AddEvent[] = [];
    const { manifest, changed } = await add(events);
    expect(changed).toBe(true);
    const dir = join(modelsDir, 'de-en');
    const published = generatedModel('de-en');
    for (const path of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'generation_config.json', ENCODER])
      expect(readFileSync(join(dir, path))).toEqual(published.find((f) => f.path === path)!.bytes);
    // Only the contract's files: not the README, not the full-precision export.
    expect(existsSync(join(dir, 'README.md'))).toBe(false);
    expect(existsSync(join(dir, 'onnx/encoder_model.onnx'))).toBe(false);
    expect(manifest).toMatchObject({ pair: 'de-en', repo: 'Xenova/opus-mt-de-en', revision: shaOf('de-en 1') });
    expect(manifest.licence).toMatch(/CC-BY-4.0/);
    expect(manifest.files.find((f) => f.path === ENCODER)?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.files.find((f) => f.path === 'config.json')?.gitSha1).toMatch(/^[0-9a-f]{40}$/);
    expect(JSON.parse(readFileSync(join(dir, 'happenings-model.json'), 'utf8'))).toEqual(manifest);
    const encoderBytes = events.filter((e) => e.kind === 'bytes' && e.path === ENCODER);
    expect(encoderBytes.length).toBeGreaterThan(1);
    expect(encoderBytes.at(-1)).toMatchObject({ done: 300_000, size: 300_000 });
    expect(events.filter((e) => e.kind === 'verified')).toHaveLength(6);
    // Nothing left half-way.
    expect(await incomingModels(modelsDir)).toEqual([]);
    const [listed] = await installedModels(modelsDir);
    expect(listed).toMatchObject({ pair: 'de-en', repo: 'Xenova/opus-mt-de-en', revision: shaOf('de-en 1') });
    expect(listed!.sizeBytes).toBeGreaterThan(540_000);
  });

  it('downloads nothing when that revision is installed, and replaces the folder for a new one', async () => {
    await add();
    const before = server.seen.length;
    expect((await add()).changed).toBe(false);
    expect(server.seen.slice(before).map((s) => s.path)).toEqual(['/api/models/Xenova/opus-mt-de-en/revision/main']);
    server.repos.set('Xenova/opus-mt-de-en', { sha: shaOf('de-en 2'), files: generatedModel('de-en v2') });
    expect((await add()).manifest.revision).toBe(shaOf('de-en 2'));
    expect(readFileSync(join(modelsDir, 'de-en/config.json'), 'utf8')).toContain('de-en v2');
    expect(readdirSync(join(modelsDir, '.incoming'))).toEqual([]);
  });

  it('deletes a file that fails its checksum, installs nothing, and says which file in one line', async () => {
    server.corrupt.add(ENCODER);
    const error = await failure(add());
    expect(error.message).toMatch(/^models: onnx\/encoder_model_quantized\.onnx failed its check \(checksum /);
    expect(error.message.split('\n')).toHaveLength(1);
    expect(existsSync(join(modelsDir, 'de-en'))).toBe(false);
    expect(existsSync(join(modelsDir, '.incoming/de-en', `${ENCODER}.part`))).toBe(false);
    // A small git file (not reached by the first run) is checked by its blob id.
    server.corrupt.clear();
    server.corrupt.add('generation_config.json');
    expect((await failure(add())).message).toMatch(/generation_config\.json failed its check/);
    server.corrupt.clear();
    expect((await add()).changed).toBe(true);
  });

  it('keeps a cut download and resumes it with Range on the next run', async () => {
    server.cutAfter.set(ENCODER, 120_000);
    const error = await failure(add());
    expect(error.message).toMatch(/download of onnx\/encoder_model_quantized\.onnx broke off after [\d,]+ of 300,000/);
    expect(error.message).toMatch(/run the same command again to resume$/);
    expect(existsSync(join(modelsDir, 'de-en'))).toBe(false);
    // What arrived before the cut is kept (the client may not have read all the server sent).
    const kept = statSync(join(modelsDir, '.incoming/de-en', `${ENCODER}.part`)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(120_000);
    expect(await incomingModels(modelsDir)).toEqual([{ pair: 'de-en', bytes: expect.any(Number) }]);

    const events: AddEvent[] = [];
    await add(events);
    const ranges = server.seen
      .filter((s) => s.path.startsWith('/cdn/') && s.path.endsWith(ENCODER) && s.range)
      .map((s) => s.range);
    expect(ranges).toEqual([`bytes=${kept}-`]);
    expect(events.find((e) => e.kind === 'file' && e.path === ENCODER)).toMatchObject({ resumedFrom: kept });
    const published = generatedModel('de-en').find((f) => f.path === ENCODER)!.bytes;
    expect(readFileSync(join(modelsDir, 'de-en', ENCODER))).toEqual(published);
    // Files finished in the first run were not fetched again.
    expect(server.seen.filter((s) => s.path.startsWith('/cdn/') && s.path.endsWith('/config.json'))).toHaveLength(1);
  });

  it('starts a file afresh when the publisher ignores the Range (200)', async () => {
    server.cutAfter.set(ENCODER, 50_000);
    await failure(add());
    server.ignoreRange = true;
    await add();
    const published = generatedModel('de-en').find((f) => f.path === ENCODER)!.bytes;
    expect(readFileSync(join(modelsDir, 'de-en', ENCODER))).toEqual(published);
  });

  it('says "no model <repo> at <url>" for an unknown pair, and names --repo models', async () => {
    const error = await failure(add([], 'xx-en'));
    expect(error.message).toBe(`models: no model Xenova/opus-mt-xx-en at ${server.url}`);
    server.repos.set('someone/my-model', { sha: shaOf('mine'), files: generatedModel('mine') });
    expect((await add([], 'pt-en', 'someone/my-model')).manifest).toMatchObject({
      pair: 'pt-en',
      repo: 'someone/my-model',
    });
  });

  it('refuses a repository without the ONNX files, before downloading anything', async () => {
    server.repos.set('Xenova/opus-mt-fr-en', {
      sha: shaOf('fr'),
      files: generatedModel('fr').filter((f) => !f.path.startsWith('onnx/')),
    });
    const error = await failure(add([], 'fr-en'));
    expect(error.message).toMatch(/has no onnx\/encoder_model_quantized\.onnx, .*not an ONNX export/);
    expect(server.seen.some((s) => s.path.startsWith('/cdn/'))).toBe(false);
  });

  it('fails in one line when the publisher cannot be reached, installing nothing', async () => {
    const closed = await startFakePublisher();
    const url = closed.url;
    await closed.close();
    const offline = createPublisher({ baseUrl: url, allowPrivate: ['127.0.0.1/8'], userAgent: 'test' });
    const error = await failure(addModel({ modelsDir, pair: 'de-en', publisher: offline }));
    await offline.close();
    expect(error.message).toMatch(/^models: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\); check the network/);
    expect(readdirSync(modelsDir)).toEqual([]);
  });

  it('keeps the SSRF guard on: a loopback publisher is refused unless allowed', async () => {
    const guarded = createPublisher({ baseUrl: server.url, allowPrivate: [], userAgent: 'test' });
    const error = await failure(addModel({ modelsDir, pair: 'de-en', publisher: guarded }));
    await guarded.close();
    expect(error.code).toBe('blocked-address');
    expect(server.seen).toEqual([]);
  });

  it('runs one download of a pair at a time, and takes over the lock of a process that is gone', async () => {
    // Whichever of the two takes the lock first installs; the other is refused with one line.
    const results = await Promise.allSettled([add(), add()]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused.map((r) => (r.reason as Error).message)).toEqual([
      `models: another models add de-en is running (process ${process.pid})`,
    ]);
    await removeModel(modelsDir, 'de-en');
    await writeFile(join(modelsDir, '.incoming/de-en.lock'), '999999999');
    expect((await add()).changed).toBe(true);
    expect(existsSync(join(modelsDir, '.incoming/de-en.lock'))).toBe(false);
  });

  it('refuses a listing with a file too large for a model, before downloading anything', async () => {
    const error = await failure(addModel({ modelsDir, pair: 'de-en', publisher, maxFileBytes: 250_000 }));
    expect(error.message).toBe(
      'models: Xenova/opus-mt-de-en lists onnx/encoder_model_quantized.onnx at 300000 bytes: too large for a model file',
    );
    expect(server.seen.some((s) => s.path.startsWith('/cdn/'))).toBe(false);
  });

  it('refuses a pair that is not one', async () => {
    expect((await failure(add([], 'german'))).message).toBe(
      'models: "german" is not a language pair (write it as de-en)',
    );
  });
});

describe('installed models and models remove', () => {
  it('counts a hand-placed folder as "local", lists downloads in progress, removes what is asked', async () => {
    const hand = join(modelsDir, 'ru-en');
    await mkdir(join(hand, 'onnx'), { recursive: true });
    for (const f of ['config.json', 'tokenizer.json', ENCODER, 'onnx/decoder_model_merged_quantized.onnx'])
      await writeFile(join(hand, f), 'x');
    await mkdir(join(modelsDir, 'it-en'), { recursive: true }); // incomplete: not installed
    expect(await installedModels(modelsDir)).toEqual([
      expect.objectContaining({ pair: 'ru-en', revision: 'local', repo: null, sizeBytes: 4 }),
    ]);
    await removeModel(modelsDir, 'ru-en');
    expect(existsSync(hand)).toBe(false);
    expect((await failure(removeModel(modelsDir, 'ru-en'))).message).toBe(
      'models: no model ru-en is installed (see happenings models list)',
    );
  });

  it('remove also clears an unfinished download of the pair', async () => {
    server.cutAfter.set(ENCODER, 1000);
    await failure(add());
    await removeModel(modelsDir, 'de-en');
    expect(await incomingModels(modelsDir)).toEqual([]);
  });
});
