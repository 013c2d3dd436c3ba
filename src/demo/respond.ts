/** Responses of the demo servers: static bodies with validators, so conditional GET can answer 304. */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface StaticBody {
  body: string | Buffer;
  contentType: string;
  lastModified: Date;
  status?: number;
}

export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
}

/** Sends a body with ETag and Last-Modified; 304 when the client's validators still match. */
export function sendStatic(req: IncomingMessage, res: ServerResponse, item: StaticBody): void {
  const etag = etagOf(item.body);
  const lastModified = item.lastModified.toUTCString();
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', lastModified);
  res.setHeader('Cache-Control', 'public, max-age=300');
  if ((item.status ?? 200) === 200 && notModified(req, etag, item.lastModified)) {
    res.writeHead(304).end();
    return;
  }
  res.setHeader('Content-Type', item.contentType);
  res.setHeader('Content-Length', Buffer.byteLength(item.body));
  res.writeHead(item.status ?? 200);
  res.end(req.method === 'HEAD' ? undefined : item.body);
}

/** RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since when both are sent. */
function notModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*');
  const since = req.headers['if-modified-since'];
  if (!since) return false;
  const sinceMs = Date.parse(since);
  // HTTP dates have whole seconds; compare at that precision.
  return !Number.isNaN(sinceMs) && Math.floor(lastModified.getTime() / 1000) * 1000 <= sinceMs;
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
  res.end(text);
}
