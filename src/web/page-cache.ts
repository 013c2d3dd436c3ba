/**
 * A short-lived in-memory cache of whole answers (pages, feeds, API) for anonymous GETs, so a burst
 * of readers on one page costs one render. Articles arrive every few minutes at most, so a few
 * seconds of staleness is invisible; the TTL and size bounds keep memory small and predictable.
 *
 * Invalidation is by time only (TTL), not by a store version: ingest may run in other processes
 * (workers over PostgreSQL) that this one never hears from, and a TTL is right for all of them.
 *
 * It runs first in the middleware chain, so a hit skips everything else: the answer was stored
 * whole (security headers, Cache-Control, an ETag computed once from the body) and is written out
 * as bytes with plain-object headers, which @hono/node-server sends without building a stream.
 * A conditional request is answered 304 from the stored ETag / Last-Modified.
 *
 * Addresses without end to their variety (searches: `keepWhenAskedAgain`) are kept only once asked a
 * second time within the TTL, or while their first render is still running. Most searches are asked
 * once; keeping each for the TTL filled this cache with pages nobody asked for again, and made work
 * for the garbage collector (bench:web, 100,000 articles, new searches at 200 connections: a full
 * collection every ~1.8 s instead of ~3.6 s, the deepest slowdowns of a row at them; docs/search.md).
 *
 * Hits are also answered before Hono sees the request at all (`answerRaw`, wired by server.ts): a
 * fresh entry is written straight to node:http's response, which skips building a Request, the
 * middleware chain and a Response — most of what a cached page costs.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recentValues } from '../recent-values.js';
import { bodyOf } from './etag.js';

/** Seconds an answer is reused: under the feed poll interval by far, long enough to absorb a burst. */
export const PAGE_CACHE_TTL_MS = 5_000;
/** Distinct addresses kept; the oldest written go first (recent-values.ts). */
const MAX_ENTRIES = 2_000;
/** Larger answers are not kept (a search feed of long leads, say). */
const MAX_BODY_BYTES = 512 * 1024;
/** Headers a 304 repeats (RFC 9110 §15.4.5): the validators and the caching policy. */
const NOT_MODIFIED_HEADERS = ['etag', 'last-modified', 'cache-control', 'vary'];

interface Entry {
  at: number;
  headers: Record<string, string>;
  body: Uint8Array;
  etag: string;
  lastModifiedMs: number;
}

export interface PageCacheOptions {
  ttlMs?: number;
  now?: () => number;
  skip?: (path: string) => boolean;
  /** Paths whose answers are kept only when asked again within the TTL (see above). */
  keepWhenAskedAgain?: (path: string) => boolean;
}

export interface PageCache {
  /** The Hono middleware: answers hits, renders misses once, keeps what may be kept. */
  middleware: MiddlewareHandler;
  /**
   * Answers a GET from a fresh entry directly on node:http; false when the request must go to the
   * app (not a GET, a cookie, a skipped path, nothing fresh). `onHit` runs for each 200 answered here.
   */
  answerRaw(
    req: IncomingMessage,
    res: ServerResponse,
    onHit?: (path: string, userAgent: string | undefined) => void,
  ): boolean;
}

export function pageCache(options: PageCacheOptions = {}): PageCache {
  const ttl = options.ttlMs ?? PAGE_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  const entries = recentValues<string, Entry>(ttl, MAX_ENTRIES);
  /** Keys of `keepWhenAskedAgain` paths asked once within the TTL (the value is unused). */
  const askedOnce = recentValues<string, true>(ttl, MAX_ENTRIES * 4);
  // Single flight: when an entry is missing or expired, one request renders it; the others wait for
  // that render (missing) or are answered with the expired copy meanwhile (stale while revalidate),
  // so an expiry under load costs one slow answer, not a queue of them.
  const rendering = new Map<string, { answer: Promise<Entry | null>; wanted: boolean }>();
  const middleware: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'GET' || c.req.header('cookie') || options.skip?.(c.req.path)) return next();
    const key = c.req.url;
    const hit = entries.latest(key)?.value;
    const pending = rendering.get(key);
    if (hit && (now() - hit.at < ttl || pending)) return answer(c, hit);
    if (pending) {
      pending.wanted = true;
      const shared = await pending.answer;
      return shared ? answer(c, shared) : next();
    }
    let done: (entry: Entry | null) => void = () => undefined;
    const render = { answer: new Promise<Entry | null>((resolve) => (done = resolve)), wanted: true };
    if (options.keepWhenAskedAgain?.(c.req.path)) {
      const at = now();
      // Kept before (its copy expired) or asked once already: asked again.
      render.wanted = hit !== undefined || askedOnce.get(key, at) !== undefined;
      if (!render.wanted) askedOnce.set(key, true, at);
    }
    rendering.set(key, render);
    try {
      await next();
      // Read after the render: a request for the same page that came meanwhile wants it kept.
      done(render.wanted ? await keep(key, c.res) : null);
    } catch (error) {
      done(null);
      throw error;
    } finally {
      rendering.delete(key);
    }
  };

  function answerRaw(
    req: IncomingMessage,
    res: ServerResponse,
    onHit?: (path: string, userAgent: string | undefined) => void,
  ): boolean {
    if (req.method !== 'GET' || req.headers.cookie || !req.url?.startsWith('/')) return false;
    // The key the middleware stored: the URL as Hono's node adapter builds it from Host and the path.
    const entry = entries.get(`http://${req.headers.host ?? ''}${req.url}`, now());
    if (!entry) return false;
    const path = req.url.split('?', 1)[0]!;
    if (options.skip?.(path)) return false;
    if (isNotModified(req.headers['if-none-match'], req.headers['if-modified-since'], entry)) {
      res.writeHead(304, notModifiedHeaders(entry));
      res.end();
      return true;
    }
    res.writeHead(200, entry.headers);
    res.end(entry.body);
    onHit?.(path, req.headers['user-agent']);
    return true;
  }

  async function keep(key: string, res: Response): Promise<Entry | null> {
    if (res.status !== 200 || res.headers.has('set-cookie')) return null;
    const body = bodyOf(res) ?? new Uint8Array(await res.clone().arrayBuffer());
    if (body.byteLength > MAX_BODY_BYTES) return null;
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => (headers[name] = value));
    headers['content-length'] = String(body.byteLength);
    headers.etag ??= `"${createHash('sha1').update(body).digest('hex')}"`;
    const entry = {
      at: now(),
      headers,
      body,
      etag: headers.etag,
      lastModifiedMs: Date.parse(headers['last-modified'] ?? ''),
    };
    entries.set(key, entry, entry.at);
    return entry;
  }

  return { middleware, answerRaw };
}

function answer(c: Context, entry: Entry): Response {
  if (isNotModified(c.req.header('if-none-match'), c.req.header('if-modified-since'), entry)) {
    return new Response(null, { status: 304, headers: notModifiedHeaders(entry) });
  }
  return new Response(entry.body, { status: 200, headers: { ...entry.headers } });
}

function notModifiedHeaders(entry: Entry): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of NOT_MODIFIED_HEADERS) if (entry.headers[name]) headers[name] = entry.headers[name];
  return headers;
}

function isNotModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, entry: Entry): boolean {
  if (ifNoneMatch)
    return ifNoneMatch === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === entry.etag);
  const since = Date.parse(ifModifiedSince ?? '');
  return (
    !Number.isNaN(since) &&
    !Number.isNaN(entry.lastModifiedMs) &&
    Math.floor(entry.lastModifiedMs / 1000) <= Math.floor(since / 1000)
  );
}

/**
 * 304 for a GET whose If-Modified-Since is at or after the answer's Last-Modified (HTTP dates have
 * whole seconds). If-None-Match, when sent, wins (RFC 9110 §13.2.2): the etag middleware decides.
 */
export const ifModifiedSince: MiddlewareHandler = async (c, next) => {
  await next();
  notModifiedSince(c);
};

/** The ifModifiedSince middleware's work on an answer made (app.ts runs it in one middleware with the others). */
export function notModifiedSince(c: Context): void {
  const since = Date.parse(c.req.header('if-modified-since') ?? '');
  const modified = Date.parse(c.res.headers.get('last-modified') ?? '');
  if (
    c.req.method !== 'GET' ||
    c.res.status !== 200 ||
    c.req.header('if-none-match') ||
    Number.isNaN(since) ||
    Number.isNaN(modified)
  )
    return;
  if (Math.floor(modified / 1000) <= Math.floor(since / 1000)) {
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(null, { status: 304, headers });
  }
}
