/**
 * Strong ETags for GET answers, and a 304 when the client's If-None-Match names the current one.
 *
 * In place of hono/etag, which hashed a clone of the body stream with crypto.subtle (a worker
 * round trip per answer): ~5% of a search page's CPU in bench:web. Here the body is read once,
 * hashed with node:crypto, and the bytes are remembered beside the answer (`bodyOf`) so the page
 * cache keeps them without reading the body a second time. Pages rendered by `htmlAnswer` come
 * with their bytes and tag already, and nothing is read at all.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { utf8Of, type SafeHtml } from './html.js';

/** Answers whose body bytes are known, without reading their stream. */
const bodies = new WeakMap<Response, Uint8Array>();

/** The bytes of an answer made here or by `htmlAnswer`; undefined for any other. */
export function bodyOf(res: Response): Uint8Array | undefined {
  return bodies.get(res);
}

/** Headers a 304 repeats (RFC 9110 §15.4.5). */
const RETAINED_304_HEADERS = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'];

function tagOf(bytes: Uint8Array): string {
  return `"${createHash('sha1').update(bytes).digest('hex')}"`;
}

/** An HTML page as bytes with its ETag: what `c.html(markup)` gives, without anyone reading it back. */
export function htmlAnswer(c: Context, page: SafeHtml): Response {
  const bytes = utf8Of(page);
  const res = c.body(bytes, 200, { 'content-type': 'text/html; charset=UTF-8', etag: tagOf(bytes) });
  bodies.set(res, bytes);
  return res;
}

export const etag: MiddlewareHandler = async (c, next) => {
  await next();
  await tagAnswer(c);
};

/** The etag middleware's work on an answer made: tag it, or answer 304 (app.ts runs it in one middleware with the others). */
export async function tagAnswer(c: Context): Promise<void> {
  if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || !c.res.ok) return;
  let tag = c.res.headers.get('etag');
  if (!tag) {
    const bytes = new Uint8Array(await c.res.arrayBuffer());
    tag = tagOf(bytes);
    const res = new Response(bytes, { status: c.res.status, headers: c.res.headers });
    res.headers.set('etag', tag);
    bodies.set(res, bytes);
    replace(c, res);
  }
  const ifNoneMatch = c.req.header('if-none-match');
  if (
    ifNoneMatch &&
    (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === tag))
  ) {
    const headers = new Headers();
    for (const name of RETAINED_304_HEADERS) {
      const value = c.res.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    replace(c, new Response(null, { status: 304, headers }));
  }
}

/** Sets the context's answer without Hono merging the old one's headers in (it re-wraps the body to do so). */
function replace(c: Context, res: Response): void {
  c.res = undefined;
  c.res = res;
}
