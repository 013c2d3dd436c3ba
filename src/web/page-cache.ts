/**
 * A short-lived in-memory cache of whole answers (pages, feeds, API) for anonymous GETs, so a burst
 * of readers on one page costs one render. Articles arrive every few minutes at most, so a few
 * seconds of staleness is invisible; the TTL and size bounds keep memory small and predictable.
 */
import type { MiddlewareHandler } from 'hono';

/** Seconds an answer is reused: under the feed poll interval by far, long enough to absorb a burst. */
export const PAGE_CACHE_TTL_MS = 5_000;
/** Distinct addresses kept; the oldest goes first (Map keeps insertion order). */
const MAX_ENTRIES = 2_000;
/** Larger answers are not kept (a search feed of long leads, say). */
const MAX_BODY_BYTES = 512 * 1024;

interface Entry {
  at: number;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

export function pageCache(options: { ttlMs?: number; now?: () => number; skip?: (path: string) => boolean } = {}): MiddlewareHandler {
  const ttl = options.ttlMs ?? PAGE_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // Single flight: when an entry expires under load, one request renders it and the others wait
  // for that render instead of each rendering the same page (the p99 spike at every expiry).
  const rendering = new Map<string, Promise<Entry | null>>();
  const answer = (hit: Entry) => new Response(hit.body, { status: hit.status, headers: hit.headers });
  return async (c, next) => {
    if (c.req.method !== 'GET' || c.req.header('cookie') || options.skip?.(c.req.path)) return next();
    const key = c.req.url;
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttl) {
      c.res = answer(hit);
      return;
    }
    const pending = rendering.get(key);
    if (pending) {
      const shared = await pending;
      if (shared) {
        c.res = answer(shared);
        return;
      }
      return next();
    }
    let done: (entry: Entry | null) => void = () => undefined;
    rendering.set(key, new Promise((resolve) => (done = resolve)));
    try {
      await next();
      done(await keep(key, c.res));
    } catch (error) {
      done(null);
      throw error;
    } finally {
      rendering.delete(key);
    }
  };

  async function keep(key: string, res: Response): Promise<Entry | null> {
    if (res.status !== 200 || res.headers.has('set-cookie')) return null;
    const body = await res.clone().arrayBuffer();
    if (body.byteLength > MAX_BODY_BYTES) return null;
    const entry = { at: now(), status: 200, headers: [...res.headers.entries()], body };
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  }
}

/**
 * 304 for a GET whose If-Modified-Since is at or after the answer's Last-Modified (HTTP dates have
 * whole seconds). If-None-Match, when sent, wins (RFC 9110 §13.2.2): the etag middleware decides.
 */
export const ifModifiedSince: MiddlewareHandler = async (c, next) => {
  await next();
  const since = Date.parse(c.req.header('if-modified-since') ?? '');
  const modified = Date.parse(c.res.headers.get('last-modified') ?? '');
  if (c.req.method !== 'GET' || c.res.status !== 200 || c.req.header('if-none-match') || Number.isNaN(since) || Number.isNaN(modified)) return;
  if (Math.floor(modified / 1000) <= Math.floor(since / 1000)) {
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    c.res = new Response(null, { status: 304, headers });
  }
};
