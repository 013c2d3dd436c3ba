/**
 * `/api/v1`: the site's data as JSON, described by `/api/v1/openapi.json`. Every article object
 * carries `pagePath`, its page on this site (a contract: scripts build links from it). Errors are
 * `{error}` with a 4xx/5xx status.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { idParam, intQuery, languageQuery, sectionQuery } from '../params.js';
import { POPULAR_DAYS, searchParams } from '../routes.js';
import type { SiteData } from '../site-data.js';
import { openApiDocument } from './openapi.js';

/** Largest page of a list: big enough for a script, small enough to answer fast. */
export const MAX_API_LIMIT = 100;
const DEFAULT_API_LIMIT = 20;
/** Deepest offset: 10,000 pages of the largest size. */
const MAX_OFFSET = 1_000_000;

function paging(c: Context) {
  return {
    limit: intQuery(c.req.query('limit'), 'limit', { min: 1, max: MAX_API_LIMIT, fallback: DEFAULT_API_LIMIT }),
    offset: intQuery(c.req.query('offset'), 'offset', { min: 0, max: MAX_OFFSET, fallback: 0 }),
  };
}

/** A full page may have a next one; a short page is the last. */
function nextOffset(count: number, page: { limit: number; offset: number }): number | null {
  return count === page.limit ? page.offset + page.limit : null;
}

function notFound(what: string, id: number): never {
  throw new HTTPException(404, { message: `No ${what} ${id}` });
}

export function apiV1(data: SiteData): Hono {
  const api = new Hono();

  api.get('/openapi.json', (c) => c.json(openApiDocument()));

  api.get('/articles', async (c) => {
    const page = paging(c);
    const source = c.req.query('source');
    const filter = {
      language: languageQuery(c.req.query('lang')),
      sourceId: source ? idParam(source, 'source') : undefined,
      section: sectionQuery(c.req.query('section')),
    };
    const articles = await data.latestArticles({ ...page, ...filter });
    return c.json({ articles, ...page, nextOffset: nextOffset(articles.length, page) });
  });

  api.get('/articles/popular', async (c) => {
    const { limit } = paging(c);
    return c.json({ articles: await data.popularArticles({ days: POPULAR_DAYS, limit }), days: POPULAR_DAYS });
  });

  api.get('/articles/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'article');
    const article = await data.articleById(id);
    if (!article) notFound('article', id);
    return c.json(article);
  });

  api.get('/articles/:id/read-too', async (c) => {
    const id = idParam(c.req.param('id'), 'article');
    return c.json({ articles: await data.readToo(id, paging(c).limit) });
  });

  api.get('/sources', async (c) => c.json({ sources: await data.sources() }));

  api.get('/sources/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'source');
    const source = await data.sourceById(id);
    if (!source) notFound('source', id);
    const page = paging(c);
    const articles = await data.latestArticles({ ...page, sourceId: id });
    return c.json({ source, articles, ...page, nextOffset: nextOffset(articles.length, page) });
  });

  api.get('/search', async (c) => {
    const query = searchParams(c);
    if (!query.q) throw new HTTPException(400, { message: 'q (words to find) is required' });
    const page = paging(c);
    const articles = await data.search({ ...query, ...page });
    return c.json({ query, articles, ...page, nextOffset: nextOffset(articles.length, page) });
  });

  api.get('/stories', async (c) => {
    const { limit } = paging(c);
    return c.json({ stories: await data.topStories({ limit }) });
  });

  api.get('/stories/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'story');
    const story = await data.storyById(id);
    if (!story) notFound('story', id);
    return c.json(story);
  });

  api.get('/entities/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'entity');
    const entity = await data.entityById(id);
    if (!entity) notFound('entity', id);
    return c.json(entity);
  });

  return api;
}
