/**
 * `models add`: one pair's model from the publisher into `<modelsDir>/<pair>/`, in five steps:
 *   1. pin the commit `main` points at, and list the files we need (size, checksum) at that commit;
 *   2. download each into `.incoming/<pair>/<file>.part`, resuming what an earlier run left;
 *   3. verify each file's size and checksum (a mismatch deletes that file and fails);
 *   4. write happenings-model.json;
 *   5. move the folder into place with one rename (a model is either whole in place or not there).
 * Interrupted (Ctrl-C, network): the .part files stay in .incoming and the next run resumes them.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HappeningsError } from '../errors.js';
import { INCOMING, MANIFEST, optionalFiles, readManifest, requiredFiles, type Manifest } from './installed.js';
import { parsePair, repoForPair } from './pairs.js';
import type { Publisher, RemoteFile } from './publisher.js';

export type AddEvent =
  | { kind: 'pinned'; pair: string; repo: string; revision: string; files: RemoteFile[] }
  | { kind: 'file'; path: string; size: number; resumedFrom: number }
  | { kind: 'bytes'; path: string; done: number; size: number }
  | { kind: 'verified'; path: string; size: number };

export interface AddOptions {
  modelsDir: string;
  pair: string;
  repo?: string;
  publisher: Publisher;
  onEvent?: (event: AddEvent) => void;
  now?: () => Date;
  /** A file listed larger than this is refused before anything is downloaded; 2 GiB. */
  maxFileBytes?: number;
}

export interface AddResult {
  manifest: Manifest;
  /** False when the same revision was installed already (nothing was downloaded). */
  changed: boolean;
}

/**
 * 2 GiB: the largest OPUS-MT exports (the "big" transformers, full precision) are under 1 GB a file;
 * a listing that promises more is not the model we asked for, and would fill the disk.
 */
const MAX_FILE_BYTES = 2 ** 31;

/** Where a download in progress notes which commit its .part files belong to. */
const PENDING = '.pending.json';

export async function addModel(options: AddOptions): Promise<AddResult> {
  const pair = parsePair(options.pair);
  const repo = repoForPair(pair, options.repo);
  const { publisher, modelsDir } = options;
  const emit = options.onEvent ?? (() => undefined);
  const target = join(modelsDir, pair.name);

  const revision = await publisher.revision(repo);
  const current = await readManifest(target);
  if (current?.revision === revision && current.repo === repo) return { manifest: current, changed: false };
  const files = await wantedFiles(publisher, repo, revision);
  const huge = files.find((f) => f.size > (options.maxFileBytes ?? MAX_FILE_BYTES));
  if (huge)
    throw new HappeningsError(
      'models',
      'too-large',
      `${repo} lists ${huge.path} at ${huge.size} bytes: too large for a model file`,
    );
  emit({ kind: 'pinned', pair: pair.name, repo, revision, files });

  const incoming = join(modelsDir, INCOMING, pair.name);
  const unlock = await lockIncoming(incoming, pair.name);
  try {
    await startIncoming(incoming, repo, revision);
    for (const file of files) await fetchVerified(publisher, repo, revision, file, incoming, emit);
    return { manifest: await install(incoming, target, pair.name, repo, revision, files, options.now), changed: true };
  } finally {
    await unlock();
  }
}

async function install(
  incoming: string,
  target: string,
  pair: string,
  repo: string,
  revision: string,
  files: RemoteFile[],
  now: (() => Date) | undefined,
): Promise<Manifest> {
  const manifest: Manifest = {
    pair,
    repo,
    revision,
    licence: licenceOf(repo),
    files: files.map((f) => ({ path: f.path, size: f.size, ...checksumOf(f) })),
    installedAt: (now?.() ?? new Date()).toISOString(),
  };
  await writeFile(join(incoming, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(join(incoming, PENDING), { force: true });
  await moveIntoPlace(incoming, target);
  return manifest;
}

/**
 * One download of a pair at a time: `.incoming/<pair>.lock` holds the process id. A lock whose
 * process is gone (killed mid-download) is taken over.
 */
async function lockIncoming(incoming: string, pair: string): Promise<() => Promise<void>> {
  const lock = `${incoming}.lock`;
  await mkdir(dirname(lock), { recursive: true });
  try {
    await writeFile(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
    if (holder && isRunning(holder))
      throw new HappeningsError('models', 'bad-input', `another models add ${pair} is running (process ${holder})`);
    await writeFile(lock, String(process.pid));
  }
  return () => rm(lock, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The files of the contract that the repository has at the commit; all required ones must be there. */
async function wantedFiles(publisher: Publisher, repo: string, revision: string): Promise<RemoteFile[]> {
  const listed = [...(await publisher.files(repo, revision, '')), ...(await publisher.files(repo, revision, 'onnx'))];
  const byPath = new Map(listed.map((f) => [f.path, f]));
  const missing = requiredFiles.filter((path) => !byPath.has(path));
  if (missing.length)
    throw new HappeningsError(
      'models',
      'bad-input',
      `${repo} has no ${missing.join(', ')}: not an ONNX export of an OPUS-MT model (see docs/translation.md, "Models")`,
    );
  return [...requiredFiles, ...optionalFiles].flatMap((path) => byPath.get(path) ?? []);
}

/** An .incoming folder of another commit is cleared: its parts would never match. */
async function startIncoming(incoming: string, repo: string, revision: string): Promise<void> {
  const pending = await readFile(join(incoming, PENDING), 'utf8')
    .then((text) => JSON.parse(text) as { repo?: string; revision?: string })
    .catch(() => null);
  if (pending && (pending.repo !== repo || pending.revision !== revision))
    await rm(incoming, { recursive: true, force: true });
  await mkdir(join(incoming, 'onnx'), { recursive: true });
  await writeFile(join(incoming, PENDING), JSON.stringify({ repo, revision }));
}

/** One file: skipped when an earlier run finished it, else downloaded (resumed) and verified. */
async function fetchVerified(
  publisher: Publisher,
  repo: string,
  revision: string,
  file: RemoteFile,
  incoming: string,
  emit: (event: AddEvent) => void,
): Promise<void> {
  const final = join(incoming, file.path);
  if (existsSync(final) && (await stat(final)).size === file.size) return;
  const part = `${final}.part`;
  await mkdir(dirname(part), { recursive: true });
  const have = await stat(part).then(
    (s) => s.size,
    () => 0,
  );
  if (have > file.size) await rm(part);
  emit({ kind: 'file', path: file.path, size: file.size, resumedFrom: have > file.size ? 0 : have });
  if (have !== file.size)
    await publisher.download(repo, revision, file, part, (done) =>
      emit({ kind: 'bytes', path: file.path, done, size: file.size }),
    );
  await verify(file, part);
  await rename(part, final);
  emit({ kind: 'verified', path: file.path, size: file.size });
}

async function verify(file: RemoteFile, part: string): Promise<void> {
  const size = (await stat(part)).size;
  if (size < file.size)
    throw new HappeningsError(
      'models',
      'network',
      `${file.path} stopped at ${size} of ${file.size} bytes; run the same command again to resume`,
    );
  const actual = file.sha256 ? await sha256Of(part) : file.gitSha1 ? await gitSha1Of(part, size) : null;
  const expected = file.sha256 ?? file.gitSha1;
  if (size !== file.size || actual !== expected) {
    await rm(part, { force: true });
    throw new HappeningsError(
      'models',
      'bad-input',
      `${file.path} failed its check (${size !== file.size ? `${size} bytes, expected ${file.size}` : `checksum ${actual?.slice(0, 12)}…, expected ${expected?.slice(0, 12)}…`}); deleted it, run the same command again to download it afresh`,
    );
  }
}

function checksumOf(file: RemoteFile): { sha256?: string; gitSha1?: string } {
  if (file.sha256) return { sha256: file.sha256 };
  return file.gitSha1 ? { gitSha1: file.gitSha1 } : {};
}

/** OPUS-MT models (Helsinki-NLP, exported by Xenova) are CC-BY 4.0; another repository's licence is its own. */
function licenceOf(repo: string): string {
  return /\/opus-mt-/i.test(repo) ? 'CC-BY-4.0 (OPUS-MT, Helsinki-NLP)' : 'see the model card';
}

/** One rename puts the new folder in place; an older one is moved aside first and deleted after. */
async function moveIntoPlace(incoming: string, target: string): Promise<void> {
  const old = `${incoming}.old`;
  await rm(old, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, old);
  await rename(incoming, target);
  await rm(old, { recursive: true, force: true });
}

export function sha256Of(path: string): Promise<string> {
  return digest(createHash('sha256'), path);
}

/** Git's blob id: sha1 over "blob <size>\0" then the bytes. */
export function gitSha1Of(path: string, size: number): Promise<string> {
  return digest(createHash('sha1').update(`blob ${size}\0`), path);
}

async function digest(hash: ReturnType<typeof createHash>, path: string): Promise<string> {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
