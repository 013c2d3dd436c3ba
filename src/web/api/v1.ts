/**
 * `/api/v1`: the site's data as JSON. Every article object carries `pagePath`, its page on this
 * site (a contract: scripts build links from it). Errors are `{error}` with a 4xx/5xx status.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { idParam, intQuery } from '../params.js';
import type { SiteData } from '../site-data.js';

/** Largest page of the list: big enough for a script, small enough to answer fast. */
export const MAX_API_LIMIT = 100;
const DEFAULT_API_LIMIT = 20;

export function apiV1(data: SiteData): Hono {
  const api = new Hono();

  api.get('/articles', async (c) => {
    const limit = intQuery(c.req.query('limit'), 'limit', { min: 1, max: MAX_API_LIMIT, fallback: DEFAULT_API_LIMIT });
    const offset = intQuery(c.req.query('offset'), 'offset', { min: 0, max: 1_000_000, fallback: 0 });
    const articles = await data.latestArticles({ limit, offset });
    // A full page may have a next one; a short page is the last.
    const nextOffset = articles.length === limit ? offset + limit : null;
    return c.json({ articles, limit, offset, nextOffset });
  });

  api.get('/articles/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'article');
    const article = await data.articleById(id);
    if (!article) throw new HTTPException(404, { message: `No article ${id}` });
    return c.json(article);
  });

  api.get('/sources', async (c) => c.json({ sources: await data.sources() }));

  return api;
}
