/** WARC files the attack suite writes: records that decompress to far more than they weigh, truncated files. */
import { createGzip } from 'node:zlib';

export interface WarcRecordSpec {
  url: string;
  body: Buffer;
  headers?: Record<string, string>;
  /** Content-Length to declare instead of the real one (a file cut short). */
  declaredLength?: number;
}

/** One response record; `truncate` leaves the bytes after the block's start out. */
export function warcRecord(spec: WarcRecordSpec): Buffer {
  const http = Buffer.from(
    'HTTP/1.1 200 OK\r\n' +
      Object.entries({ 'Content-Type': 'text/html; charset=utf-8', ...spec.headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      '\r\n',
  );
  const block = Buffer.concat([http, spec.body]);
  const head =
    'WARC/1.0\r\nWARC-Type: response\r\n' +
    `WARC-Target-URI: ${spec.url}\r\nWARC-Date: 2024-05-01T09:30:00Z\r\n` +
    `WARC-Record-ID: <urn:uuid:${crypto.randomUUID()}>\r\nContent-Type: application/http; msgtype=response\r\n` +
    `Content-Length: ${spec.declaredLength ?? block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
}

export function articleHtml(title: string): Buffer {
  return Buffer.from(
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
      `<p>${'A paragraph long enough to be an article body. '.repeat(8)}</p></article></body></html>`,
  );
}

/** `megabytes` MiB of zeros, gzipped (about 1/1000 of that), built in 1 MiB steps. */
export async function gzipBomb(megabytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 1 });
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const mib = Buffer.alloc(1 << 20);
  for (let i = 0; i < megabytes; i++) {
    if (!gzip.write(mib)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(out);
}
