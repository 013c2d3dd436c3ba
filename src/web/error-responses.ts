/**
 * The one place where errors become responses: HTML pages for the site, JSON `{error}` for the API
 * and /healthz. Client errors (HTTPException 4xx) show their message; anything else is logged and
 * answered with a plain sentence, never a stack or an internal message.
 */
import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HappeningsError } from '../errors.js';
import { log } from '../log.js';
import type { SiteContext } from './layout.js';
import { errorPage } from './pages/error.js';

const SERVER_ERROR = 'The server could not answer this request. Please try again later.';

export function wantsJson(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path === '/healthz';
}

function statusAndMessage(error: Error): { status: ContentfulStatusCode; message: string } {
  if (error instanceof HTTPException && error.status < 500) {
    return { status: error.status as ContentfulStatusCode, message: error.message || 'Bad request' };
  }
  if (error instanceof HappeningsError && error.code === 'bad-input') return { status: 400, message: error.message };
  return { status: 500, message: SERVER_ERROR };
}

function respond(c: Context, site: SiteContext, status: ContentfulStatusCode, message: string): Response {
  c.header('Cache-Control', 'no-store');
  if (wantsJson(c.req.path)) return c.json({ error: message }, status);
  return c.html(errorPage(site, status, message).value, status);
}

export function installErrorResponses(app: Hono, siteFor: (c: Context) => SiteContext): void {
  app.notFound((c) => {
    // "/sources/" finds "/sources" instead of a 404 (only paths nothing answers are redirected).
    const path = c.req.path;
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && path.length > 1 && path.endsWith('/')) {
      const url = new URL(c.req.url);
      url.pathname = path.replace(/\/+$/, '') || '/';
      return c.redirect(url.toString(), 301);
    }
    return respond(c, siteFor(c), 404, `Nothing lives at ${path}.`);
  });
  app.onError((error, c) => {
    const { status, message } = statusAndMessage(error);
    if (status >= 500) log.error(error, `web: ${c.req.method} ${c.req.path}`);
    return respond(c, siteFor(c), status, message);
  });
}
