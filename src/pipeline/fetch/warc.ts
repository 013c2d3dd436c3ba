/**
 * WARC files as pages: the HTTP response records whose payload is HTML, XML or plain text,
 * de-chunked and decompressed by warcio, then decoded like a live fetch. Requests, revisits,
 * metadata and binary responses (images, scripts, styles) are skipped. Plain and gzipped WARCs both
 * work: warcio detects the compression itself.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { WARCParser } from 'warcio';
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

export interface WarcOptions {
  /** Records bigger than this are skipped, as a live fetch would refuse them. */
  maxBodyBytes?: number;
}

/** text/html, application/xhtml+xml, text/xml, application/rss+xml, application/atom+xml, text/plain, … */
const TEXTUAL = /^\s*(text\/(html|xml|plain)|application\/([\w.+-]*\+)?xml)\s*(;|$)/i;

export async function* readWarc(path: string, options: WarcOptions = {}): AsyncIterable<WarcPage> {
  const maxBodyBytes = options.maxBodyBytes ?? 50 * 1024 * 1024;
  await access(path).catch((error: unknown) => {
    throw new HappeningsError('fetch', 'bad-input', `cannot read WARC file (${path})`, { cause: error });
  });
  try {
    for await (const record of new WARCParser(createReadStream(path))) {
      if (record.warcType !== 'response' || !record.httpHeaders) continue;
      const contentType = record.httpHeaders.headers.get('content-type');
      if (!contentType || !TEXTUAL.test(contentType) || record.warcContentLength > maxBodyBytes) continue;
      const { text, charset } = decodeBody(await record.readFully(true), contentType);
      const status = Number(record.httpHeaders.statusCode);
      yield { url: record.warcTargetURI ?? '', date: record.warcDate ?? null, status, contentType, text, charset };
    }
  } catch (error) {
    if (error instanceof HappeningsError) throw error;
    const what = error instanceof Error ? error.message : String(error);
    throw new HappeningsError('fetch', 'bad-input', `unreadable WARC: ${what} (${path})`, { cause: error });
  }
}
