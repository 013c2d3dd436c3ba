/**
 * The model publisher's HTTP protocol (the Hugging Face Hub's, as documented; a mirror speaks the same):
 *   GET {base}/api/models/{repo}/revision/main        → {sha}: the commit to pin
 *   GET {base}/api/models/{repo}/tree/{sha}/{dir}     → [{type, path, size, oid, lfs?: {oid, size}}]
 *   GET {base}/{repo}/resolve/{sha}/{path}            → the bytes (redirects to a CDN; Range resumes)
 * Through the fetch stage's SSRF guard: a private address is refused unless HAPPENINGS_ALLOW_PRIVATE
 * lists it, on every redirect hop and every DNS answer.
 */
import { open, stat } from 'node:fs/promises';
import { Agent, fetch } from 'undici';
import { HappeningsError } from '../errors.js';
import { assertUrlAllowed, guardedLookup, parseAllowList } from '../pipeline/fetch/address-guard.js';

export interface PublisherOptions {
  /** config modelsUrl: https://huggingface.co or a mirror. */
  baseUrl: string;
  /** config allowPrivateHosts: hosts or CIDRs the guard lets through (a loopback mirror, tests). */
  allowPrivate: string[];
  userAgent: string;
  /** Connecting and waiting for headers; 30 s. */
  timeoutMs?: number;
  /** A body that sends nothing for this long is given up (the download stays resumable); 60 s. */
  idleTimeoutMs?: number;
  maxRedirects?: number;
}

/** A file of a repository at one commit, with what to verify it by. */
export interface RemoteFile {
  path: string;
  size: number;
  /** sha256 hex of the bytes, for files kept in Git LFS (the large ones). */
  sha256: string | null;
  /** The git blob id (sha1 of "blob <size>\0" + bytes), for small files kept in git itself. */
  gitSha1: string | null;
}

export interface Publisher {
  readonly baseUrl: string;
  /** The commit `main` points at now. */
  revision(repo: string): Promise<string>;
  /** The files of one folder ("" for the top) at a commit. */
  files(repo: string, sha: string, dir: string): Promise<RemoteFile[]>;
  /**
   * Appends the file's bytes to `partPath` from where it ends (Range), or writes it afresh when the
   * publisher answers 200; `onBytes` is told the size written so far.
   */
  download(
    repo: string,
    sha: string,
    file: RemoteFile,
    partPath: string,
    onBytes: (done: number) => void,
  ): Promise<void>;
  close(): Promise<void>;
}

/** JSON answers of the API are small; a larger one is not the publisher we know. */
const MAX_JSON_BYTES = 4 << 20;

export function createPublisher(options: PublisherOptions): Publisher {
  const allow = parseAllowList(options.allowPrivate);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agent = new Agent({
    connect: { lookup: guardedLookup(allow), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: options.idleTimeoutMs ?? 60_000,
  });
  const base = options.baseUrl.replace(/\/+$/, '');
  const maxRedirects = options.maxRedirects ?? 5;

  /** One GET, redirects followed by hand so each hop passes the guard. */
  const get = async (url: string, headers: Record<string, string> = {}) => {
    let target = new URL(url);
    for (let hop = 0; ; hop++) {
      assertUrlAllowed(target, allow);
      const response = await fetch(target, {
        dispatcher: agent,
        redirect: 'manual',
        headers: { 'user-agent': options.userAgent, ...headers },
      }).catch((error: unknown) => {
        throw unreachable(error, target);
      });
      const location = response.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response;
      await response.body?.cancel().catch(() => undefined);
      if (hop >= maxRedirects)
        throw new HappeningsError('models', 'redirects', `more than ${maxRedirects} redirects (${url})`);
      target = new URL(location, target);
    }
  };

  const json = async (url: string, notFound: string): Promise<unknown> => {
    const response = await get(url, { accept: 'application/json' });
    if (response.status === 404 || response.status === 401) {
      await response.body?.cancel().catch(() => undefined);
      throw new HappeningsError('models', 'http-status', notFound);
    }
    if (response.status !== 200) throw await statusError(response, url);
    const text = await response.text().catch((error: unknown) => {
      throw unreachable(error, new URL(url));
    });
    if (text.length > MAX_JSON_BYTES) throw badAnswer(url);
    try {
      return JSON.parse(text);
    } catch {
      throw badAnswer(url);
    }
  };

  return {
    baseUrl: base,
    async revision(repo) {
      const answer = await json(`${base}/api/models/${repo}/revision/main`, `no model ${repo} at ${base}`);
      const sha = (answer as { sha?: unknown }).sha;
      if (typeof sha !== 'string' || !/^[0-9a-f]{7,64}$/.test(sha)) throw badAnswer(`${base}/api/models/${repo}`);
      return sha;
    },
    async files(repo, sha, dir) {
      const url = `${base}/api/models/${repo}/tree/${sha}${dir ? `/${dir}` : ''}`;
      const answer = await json(url, `no folder "${dir}" in ${repo} at ${base}`);
      if (!Array.isArray(answer)) throw badAnswer(url);
      return answer.flatMap(remoteFile);
    },
    async download(repo, sha, file, partPath, onBytes) {
      const url = `${base}/${repo}/resolve/${sha}/${file.path}`;
      const have = await sizeOf(partPath);
      const response = await get(url, have > 0 ? { range: `bytes=${have}-` } : {});
      // 206: the rest, appended; 200: the whole file again (the publisher ignored the Range).
      const resumed = response.status === 206 && contentRangeStart(response.headers.get('content-range')) === have;
      if (!resumed && response.status !== 200) throw await statusError(response, url);
      let done = resumed ? have : 0;
      onBytes(done);
      // Each chunk is on disk before the next is read: a download that breaks off keeps every byte
      // it counted (a stream pipeline destroyed on the error dropped what its file stream still
      // buffered, so a resume could start from less than had arrived, even from nothing).
      const out = await open(partPath, resumed ? 'a' : 'w');
      try {
        for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
          done += chunk.length;
          if (done > file.size) throw tooLong(file, url);
          await out.write(chunk);
          onBytes(done);
        }
      } catch (error) {
        if (error instanceof HappeningsError) throw error;
        throw new HappeningsError(
          'models',
          'network',
          `download of ${file.path} broke off after ${done.toLocaleString('en')} of ${file.size.toLocaleString('en')} bytes (${reason(error)}); run the same command again to resume`,
          { cause: error },
        );
      } finally {
        await out.close();
      }
    },
    close: () => agent.close(),
  };
}

/** One entry of a tree listing, or none when it is a folder or not the shape we know. */
function remoteFile(entry: unknown): RemoteFile[] {
  const e = entry as { type?: unknown; path?: unknown; size?: unknown; oid?: unknown; lfs?: { oid?: unknown } };
  if (e?.type !== 'file' || typeof e.path !== 'string' || typeof e.size !== 'number') return [];
  const lfs = typeof e.lfs?.oid === 'string' ? e.lfs.oid.replace(/^sha256:/, '') : null;
  const oid = typeof e.oid === 'string' ? e.oid : null;
  return [{ path: e.path, size: e.size, sha256: lfs, gitSha1: lfs ? null : oid }];
}

function contentRangeStart(header: string | null): number | null {
  const match = /^bytes (\d+)-/.exec(header ?? '');
  return match ? Number(match[1]) : null;
}

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.size,
    () => 0,
  );
}

function tooLong(file: RemoteFile, url: string): HappeningsError {
  return new HappeningsError(
    'models',
    'too-large',
    `${file.path} is larger than the ${file.size} bytes listed (${url})`,
  );
}

async function statusError(response: Awaited<ReturnType<typeof fetch>>, url: string): Promise<HappeningsError> {
  await response.body?.cancel().catch(() => undefined);
  return new HappeningsError('models', 'http-status', `HTTP ${response.status} from ${url}`);
}

function badAnswer(url: string): HappeningsError {
  return new HappeningsError('models', 'bad-input', `not an answer of the model publisher's API (${url})`);
}

/** Connection refused, no such host, timeouts, the guard: one line naming the host and the setting to check. */
function unreachable(error: unknown, url: URL): HappeningsError {
  const ours = causes(error).find((e): e is HappeningsError => e instanceof HappeningsError);
  if (ours) return new HappeningsError('models', ours.code, ours.message.replace(/^\w+: /, ''), { cause: error });
  return new HappeningsError(
    'models',
    'network',
    `cannot reach ${url.host} (${reason(error)}); check the network, or HAPPENINGS_MODELS_URL for a mirror`,
    { cause: error },
  );
}

/** The innermost cause's code or message: "ECONNREFUSED", "getaddrinfo ENOTFOUND …", "terminated". */
function reason(error: unknown): string {
  const chain = causes(error);
  const root = chain[chain.length - 1] as { code?: unknown; message?: unknown } | undefined;
  if (typeof root?.code === 'string') return root.code;
  return typeof root?.message === 'string' ? root.message : String(root);
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 10; e = (e as { cause?: unknown }).cause) {
    chain.push(e);
    if (!(e instanceof Error)) break;
  }
  return chain;
}
