/**
 * The web site as a Hono app: pages, the JSON API and /healthz over a SiteData, with security
 * headers on every answer and errors turned into responses in one place (error-responses.ts).
 * No client JavaScript: the content security policy forbids scripts outright.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { log } from '../log.js';
import { adminRoutes, type AdminOptions } from './admin/routes.js';
import { apiV1 } from './api/v1.js';
import type { ImageService } from './images/images.js';
import { matchesEtag, type HotImage } from './images/hot-images.js';
import { IMAGE_CACHE, imageRoutes } from './images/route.js';
import { installErrorResponses } from './error-responses.js';
import { limitBodies } from './body-limit.js';
import { clientAddress, clientFrom, trustedProxies } from './client-address.js';
import { ViewsOnce } from './view-once.js';
import type { SiteContext } from './layout.js';
import { tagAnswer } from './etag.js';
import { feedRoutes } from './feed-routes.js';
import { notModifiedSince, pageCache } from './page-cache.js';
import { isBot } from './params.js';
import { pageRoutes } from './routes.js';
import { STYLES, STYLESHEET_PATH } from './styles.js';
import type { SiteData } from './site-data.js';

export interface WebAppOptions {
  data: SiteData;
  siteName: string;
  /** The site's language (BCP 47), the one articles are translated into. */
  language: string;
  /** Public base URL for canonical links; the request's own origin when absent. */
  siteUrl?: string;
  /** Public site (default): sources that allow excerpts only show title, lead and link. */
  publicMode?: boolean;
  /** Milliseconds anonymous GET answers are reused (default 5 s; 0 turns the cache off). */
  pageCacheMs?: number;
  /** Largest request body read (default 2 MiB); larger ones are answered 413. */
  maxRequestBodyBytes?: number;
  /** Reverse proxies (addresses or CIDRs) whose X-Forwarded-For names the client. */
  trustedProxies?: string[];
  /** The admin pages; absent (no password configured): /admin says it is disabled. */
  admin?: AdminOptions;
  /** Publishers' images served from /img (images/images.ts); absent: pages show no images. */
  images?: ImageService;
  /** IANA time zone the pages show times in (default UTC). */
  timeZone?: string;
}

/**
 * Images are ours (publishers' images come through /img, so a reader's browser never contacts a
 * publisher); the one stylesheet is ours; nothing else is loaded, no inline style either.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The stylesheet's address changes with its content, so a browser may keep it a year without asking again. */
const STYLESHEET_CACHE = 'public, max-age=31536000, immutable';

/** Pages change as articles arrive; a minute of caching spares the store under a burst of readers. */
const PAGE_CACHE = 'public, max-age=60';

// Set on the answer's own headers: c.header() after the answer exists re-wraps its body in a new
// Response per call (four here), which was a few % of a search page's CPU.
function setSecurityHeaders(c: Context): void {
  const headers = c.res.headers;
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  const cacheable = c.res.ok || c.res.status === 304 || c.res.status === 301;
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', cacheable ? PAGE_CACHE : 'no-store');
}

/**
 * What every answer gets once made, in one middleware (each async layer costs every request, and
 * these were three): a 304 by date (If-Modified-Since), an ETag or a 304 by tag, the security and
 * caching headers, on the 304s too.
 */
const finishAnswer: MiddlewareHandler = async (c, next) => {
  await next();
  notModifiedSince(c);
  await tagAnswer(c);
  setSecurityHeaders(c);
};

export function createWebApp(options: WebAppOptions): Hono {
  const base = options.siteUrl?.replace(/\/+$/, '');
  const siteFor = (c: Context): SiteContext => ({
    siteName: options.siteName,
    language: options.language,
    siteUrl: base ?? new URL(c.req.url).origin,
    timeZone: options.timeZone,
    images: options.images,
  });

  const app = new Hono();
  const trusted = trustedProxies(options.trustedProxies ?? []);
  const views = new ViewsOnce();
  const count = (path: string, userAgent: string | undefined, client: () => string) =>
    countView(options.data, path, userAgent, client, views);
  // Views are counted for cached answers too; a cache hit skips everything after the cache. The
  // client's address is read only for an article page (parsing it was ~1 % of a search's time).
  app.use(viewCounter((c) => count(c.req.path, c.req.header('user-agent'), () => clientAddress(c, trusted))));
  const raw: RawAnswer[] = [];
  const images = options.images;
  if (images?.hotAnswer) raw.push((req, res) => answerHotImage(images, req, res));
  if (options.pageCacheMs !== 0) {
    const cache = pageCache({
      ttlMs: options.pageCacheMs,
      // Images have their own cache (images/files.ts) and would crowd pages out of this one.
      skip: (path) => path.startsWith('/admin') || path === '/healthz' || path.startsWith('/img/'),
      // A search's address is its words: most are asked once (page-cache.ts).
      keepWhenAskedAgain: (path) => path === '/search' || path.startsWith('/search/') || path === '/api/v1/search',
    });
    app.use(cache.middleware);
    raw.push((req, res) =>
      cache.answerRaw(req, res, (path, userAgent) =>
        count(path, userAgent, () => clientFrom(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted)),
      ),
    );
  }
  if (raw.length) rawAnswers.set(app, (req, res) => raw.some((answer) => answer(req, res)));
  // A reader's browser (or a proxy) revalidating an unchanged page gets a 304 with no body.
  app.use(finishAnswer);
  app.use(limitBodies(options.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES));
  app.get('/healthz', (c) => healthz(c, options.data));
  app.get(STYLESHEET_PATH, (c) =>
    c.body(STYLES, 200, { 'content-type': 'text/css; charset=UTF-8', 'cache-control': STYLESHEET_CACHE }),
  );
  if (options.images) app.route('/img', imageRoutes(options.images));
  app.route('/api/v1', apiV1(options.data));
  if (options.admin?.password) app.route('/admin', adminRoutes(options.admin, siteFor));
  else
    app.all('/admin/*', () => {
      throw new HTTPException(404, {
        message: 'The admin pages are off: set HAPPENINGS_ADMIN_PASSWORD to turn them on.',
      });
    });
  app.route('/', feedRoutes(options.data, siteFor));
  app.route('/', pageRoutes(options.data, siteFor, { publicMode: options.publicMode ?? true }));
  installErrorResponses(app, siteFor);
  return app;
}

/** An OPML import (at most 1 MiB) in a multipart form fits. */
const DEFAULT_MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024;

const ARTICLE_PAGE = /^\/article\/(\d{1,15})\/[^/]+$/;

/**
 * Counts a reader's view of an article page that was answered (200), cached or not; crawlers and
 * scripts are not readers, and a client counts once per article per day (view-once.ts). A failed
 * count is logged, never the reader's problem.
 */
function viewCounter(count: (c: Context) => void): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' && c.res.status === 200) count(c);
  };
}

function countView(
  data: SiteData,
  path: string,
  userAgent: string | undefined,
  client: () => string,
  views: ViewsOnce,
): void {
  const id = ARTICLE_PAGE.exec(path)?.[1];
  if (!id || isBot(userAgent) || !views.first(client(), Number(id))) return;
  data
    .recordView(Number(id))
    .catch((error: unknown) => log.warn(`web: could not count a view of article ${id}: ${String(error)}`));
}

/**
 * A cached image held in memory, answered on node:http before Hono (as a page-cache hit is) with the
 * headers the route and finishAnswer would give; anything else (a miss, a bad address) goes to the route.
 */
function answerHotImage(images: ImageService, req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url?.startsWith('/img/')) return false;
  const hot = images.hotAnswer?.(req.url);
  if (!hot) return false;
  const headers = hotImageHeaders(hot);
  if (matchesEtag(req.headers['if-none-match'], hot.etag)) res.writeHead(304, headers.notModified).end();
  else res.writeHead(200, headers.ok).end(req.method === 'HEAD' ? undefined : hot.bytes);
  return true;
}

/** Each image answer's headers, made once while it is held in memory (and dropped with it). */
const madeHeaders = new WeakMap<HotImage, { ok: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders }>();

function hotImageHeaders(hot: HotImage): { ok: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders } {
  let made = madeHeaders.get(hot);
  if (!made) {
    const notModified = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cache-control': IMAGE_CACHE,
      etag: hot.etag,
    };
    made = { notModified, ok: { ...notModified, 'content-type': 'image/webp', 'content-length': hot.bytes.length } };
    madeHeaders.set(hot, made);
  }
  return made;
}

/** Answers given on node:http before Hono, per app: images in memory, fresh page-cache hits (page-cache.ts). */
export type RawAnswer = (req: IncomingMessage, res: ServerResponse) => boolean;
const rawAnswers = new WeakMap<Hono, RawAnswer>();

/** The app's raw fast path, if it has one; server.ts tries it before handing a request to Hono. */
export function rawAnswerOf(app: Hono): RawAnswer | undefined {
  return rawAnswers.get(app);
}

/** 200 when the store answers and says it is fine, 503 otherwise; never cached. */
async function healthz(c: Context, data: SiteData): Promise<Response> {
  c.header('Cache-Control', 'no-store');
  try {
    const report = await data.health();
    return c.json({ ok: report.ok, articles: report.articles, ...report.details }, report.ok ? 200 : 503);
  } catch (error) {
    log.error(error, 'web: /healthz');
    return c.json({ ok: false, articles: null, error: 'store unavailable' }, 503);
  }
}
