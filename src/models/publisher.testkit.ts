/**
 * A model publisher on loopback for the `models add` tests: node:http speaking the three endpoints
 * of the Hugging Face Hub that models add uses (revision, tree, resolve → redirect → bytes with
 * Range), serving small generated model folders (any bytes: the real test model is the neural
 * engine's). Faults on demand: a file served with other bytes than listed, a connection cut after N
 * bytes, Range ignored.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface PublishedFile {
  path: string;
  bytes: Buffer;
  /** Large files are kept in LFS (checksum sha256), small ones in git (blob sha1). */
  lfs: boolean;
}

export interface FakePublisher {
  url: string;
  /** Repository name → commit and files. */
  repos: Map<string, { sha: string; files: PublishedFile[] }>;
  /** Paths served with different bytes than the tree lists (the checksum fails). */
  corrupt: Set<string>;
  /** Path → bytes after which the next download of it is cut (once). */
  cutAfter: Map<string, number>;
  /** Answer 200 with the whole file even when a Range is asked. */
  ignoreRange: boolean;
  /** Every request: path and its Range header. */
  seen: { path: string; range: string | undefined }[];
  close(): Promise<void>;
}

/** A deterministic generated model: the contract's files, plus some the command must not fetch. */
export function generatedModel(seed: string, onnxBytes = 300_000): PublishedFile[] {
  const bytes = (n: number, salt: string) => {
    const out = Buffer.alloc(n);
    for (let i = 0, block = 0; i < n; block++) {
      const chunk = createHash('sha256').update(`${seed}:${salt}:${block}`).digest();
      i += chunk.copy(out, i);
    }
    return out;
  };
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  return [
    { path: 'config.json', bytes: json({ model_type: 'marian', d_model: 16, seed }), lfs: false },
    { path: 'tokenizer.json', bytes: json({ version: '1.0', model: { type: 'Unigram', seed } }), lfs: false },
    { path: 'tokenizer_config.json', bytes: json({ model_max_length: 512 }), lfs: false },
    { path: 'generation_config.json', bytes: json({ max_length: 512, num_beams: 1 }), lfs: false },
    { path: 'README.md', bytes: Buffer.from(`# ${seed}\n`), lfs: false },
    { path: 'onnx/encoder_model_quantized.onnx', bytes: bytes(onnxBytes, 'encoder'), lfs: true },
    {
      path: 'onnx/decoder_model_merged_quantized.onnx',
      bytes: bytes(Math.round(onnxBytes * 0.8), 'decoder'),
      lfs: true,
    },
    { path: 'onnx/encoder_model.onnx', bytes: bytes(1000, 'full'), lfs: true },
  ];
}

export function shaOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export async function startFakePublisher(): Promise<FakePublisher> {
  const sockets = new Set<Socket>();
  const state: Omit<FakePublisher, 'url' | 'close'> = {
    repos: new Map(),
    corrupt: new Set(),
    cutAfter: new Map(),
    ignoreRange: false,
    seen: [],
  };
  const server = createServer((req, res) => {
    state.seen.push({ path: req.url ?? '/', range: req.headers.range });
    answer(state, req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

function answer(state: Omit<FakePublisher, 'url' | 'close'>, req: IncomingMessage, res: ServerResponse): void {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const api = /^\/api\/models\/([^/]+\/[^/]+)\/(revision\/main|tree\/([0-9a-f]+)(?:\/(.*))?)$/.exec(path);
  if (api) {
    const repo = state.repos.get(api[1]!);
    if (!repo) return json(res, 404, { error: 'Repository not found' });
    if (api[2] === 'revision/main') return json(res, 200, { id: api[1], sha: repo.sha });
    if (api[3] !== repo.sha) return json(res, 404, { error: 'Invalid rev id' });
    return json(res, 200, treeOf(repo.files, api[4] ?? ''));
  }
  const resolve = /^\/([^/]+\/[^/]+)\/resolve\/([0-9a-f]+)\/(.+)$/.exec(path);
  if (resolve) {
    // The Hub redirects LFS files to its CDN; so does this one, for every file.
    res.writeHead(302, { location: `/cdn/${resolve[1]}/${resolve[2]}/${resolve[3]}` }).end();
    return;
  }
  const cdn = /^\/cdn\/([^/]+\/[^/]+)\/([0-9a-f]+)\/(.+)$/.exec(path);
  const repo = cdn && state.repos.get(cdn[1]!);
  const file = repo && repo.sha === cdn[2] ? repo.files.find((f) => f.path === cdn[3]) : undefined;
  if (!file) return json(res, 404, { error: 'Entry not found' });
  serveBytes(state, req, res, file);
}

function serveBytes(
  state: Omit<FakePublisher, 'url' | 'close'>,
  req: IncomingMessage,
  res: ServerResponse,
  file: PublishedFile,
): void {
  let bytes = file.bytes;
  if (state.corrupt.has(file.path)) bytes = Buffer.from(bytes.map((b, i) => (i === 7 ? b ^ 0xff : b)));
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const start = range && !state.ignoreRange ? Number(range[1]) : 0;
  if (start >= bytes.length && start > 0) {
    res.writeHead(416, { 'content-range': `bytes */${bytes.length}` }).end();
    return;
  }
  const headers: Record<string, string | number> = { 'content-length': bytes.length - start, 'accept-ranges': 'bytes' };
  if (start > 0) headers['content-range'] = `bytes ${start}-${bytes.length - 1}/${bytes.length}`;
  res.writeHead(start > 0 ? 206 : 200, headers);
  const cut = state.cutAfter.get(file.path);
  if (cut !== undefined) {
    state.cutAfter.delete(file.path);
    // Half the promised body, then the connection dies: what a dropped network looks like to the client.
    res.write(bytes.subarray(start, start + cut), () => res.socket?.destroy());
    return;
  }
  res.end(bytes.subarray(start));
}

function treeOf(files: PublishedFile[], dir: string): unknown[] {
  const inDir = files.filter((f) => (dir ? f.path.startsWith(`${dir}/`) : true));
  const entries = new Map<string, unknown>();
  for (const f of inDir) {
    const rest = dir ? f.path.slice(dir.length + 1) : f.path;
    if (rest.includes('/')) {
      const folder = `${dir ? `${dir}/` : ''}${rest.split('/')[0]}`;
      entries.set(folder, { type: 'directory', path: folder, oid: shaOf(folder), size: 0 });
      continue;
    }
    const blob = createHash('sha1').update(`blob ${f.bytes.length}\0`).update(f.bytes).digest('hex');
    entries.set(f.path, {
      type: 'file',
      path: f.path,
      size: f.bytes.length,
      oid: f.lfs ? shaOf(`pointer:${f.path}`) : blob,
      ...(f.lfs && {
        lfs: { oid: createHash('sha256').update(f.bytes).digest('hex'), size: f.bytes.length, pointerSize: 134 },
      }),
    });
  }
  return [...entries.values()];
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
