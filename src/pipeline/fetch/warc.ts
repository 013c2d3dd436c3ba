/**
 * WARC files as pages: the HTTP response records whose payload is HTML, XML or plain text,
 * de-chunked and decompressed by warcio, then decoded like a live fetch. Requests, revisits,
 * metadata and binary responses (images, scripts, styles) are skipped. Plain and gzipped WARCs both
 * work: warcio detects the compression itself.
 *
 * Every record is read here, chunk by chunk, never by warcio's own skip (issue 15): its skip loops
 * forever at 100 % CPU when a file ends inside a record (finding 7), and reading a record whole
 * decompressed a 2 MB gzip body into 2 GiB and killed the process (finding 6). So a record is
 * skipped, and reported through `onSkip`, when it declares or decompresses to more than
 * `maxRecordBytes`, or when its target is not an http(s) URL; the file goes on after it. A record
 * the file ends inside is reported as truncated and ends the file.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { WARCParser, type WARCRecord } from 'warcio';
import { HappeningsError } from '../../errors.js';
import { decodeBody } from './charset.js';

export interface WarcPage {
  url: string;
  date: string | null;
  status: number;
  contentType: string | null;
  text: string;
  charset: string;
}

/** A record left out, and why (recorded on its item row by the caller). */
export interface WarcSkip {
  url: string;
  code: 'too-large' | 'bad-input';
  reason: string;
}

export interface WarcOptions {
  /** Records (declared or decompressed) bigger than this are skipped (config maxWarcRecordBytes). */
  maxRecordBytes?: number;
  onSkip?: (skip: WarcSkip) => void;
}

/** text/html, application/xhtml+xml, text/xml, application/rss+xml, application/atom+xml, text/plain, … */
const TEXTUAL = /^\s*(text\/(html|xml|plain)|application\/([\w.+-]*\+)?xml)\s*(;|$)/i;
const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** warcio's record reader: an async iterable of raw bytes with the bytes still expected in `limit`. */
type RawReader = AsyncIterable<Uint8Array> & { limit: number };

export async function* readWarc(path: string, options: WarcOptions = {}): AsyncIterable<WarcPage> {
  const maxBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const skip = options.onSkip ?? (() => {});
  await access(path).catch((error: unknown) => {
    throw new HappeningsError('fetch', 'bad-input', `cannot read WARC file (${path})`, { cause: error });
  });
  try {
    for await (const record of new WARCParser(createReadStream(path))) {
      const url = record.warcTargetURI ?? '';
      const raw = record.reader as unknown as RawReader;
      const page = wanted(record) ? await readPage(record, url, maxBytes, skip) : null;
      await drain(raw);
      if (raw.limit > 0) {
        skip({ url, code: 'bad-input', reason: `truncated WARC record: the file ends ${raw.limit} bytes early` });
        return;
      }
      if (page) yield page;
    }
  } catch (error) {
    if (error instanceof HappeningsError) throw error;
    const what = error instanceof Error ? error.message : String(error);
    throw new HappeningsError('fetch', 'bad-input', `unreadable WARC: ${what} (${path})`, { cause: error });
  }
}

function wanted(record: WARCRecord): boolean {
  const contentType = record.httpHeaders?.headers.get('content-type');
  return record.warcType === 'response' && !!contentType && TEXTUAL.test(contentType);
}

/** The record's page, or null (skipped and reported) when it is too large or not at an http(s) URL. */
async function readPage(
  record: WARCRecord,
  url: string,
  maxBytes: number,
  skip: (s: WarcSkip) => void,
): Promise<WarcPage | null> {
  if (!/^https?:\/\//i.test(url)) {
    skip({ url, code: 'bad-input', reason: 'WARC record target is not an http(s) URL' });
    return null;
  }
  if (record.warcContentLength > maxBytes) {
    skip({
      url,
      code: 'too-large',
      reason: `WARC record declares ${record.warcContentLength} bytes (limit ${maxBytes})`,
    });
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record.contentReader as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      skip({ url, code: 'too-large', reason: `WARC record decompresses past ${maxBytes} bytes` });
      return null;
    }
    chunks.push(chunk);
  }
  const contentType = record.httpHeaders!.headers.get('content-type') ?? null;
  const { text, charset } = decodeBody(Buffer.concat(chunks), contentType);
  const status = Number(record.httpHeaders!.statusCode);
  return { url, date: record.warcDate ?? null, status, contentType, text, charset };
}

/** Reads what is left of the record's raw bytes (constant memory); stops at the end of the file. */
async function drain(raw: RawReader): Promise<void> {
  for await (const chunk of raw) void chunk;
}
