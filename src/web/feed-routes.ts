/**
 * The feeds of every list: `/feed`, `/source/:id/feed`, `/story/:id/feed`, `/entity/:id/feed`,
 * `/search/feed?q=`, each as `.rss`, `.atom` and `.json`. Last-Modified is the newest item's date;
 * 304s come from the app's middleware (ETag / If-Modified-Since).
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { FEED_CONTENT_TYPES, newestDate, renderFeed, type FeedFormat } from './feeds.js';
import type { SiteContext } from './layout.js';
import { searchFeeds } from './pages/lists.js';
import { frontFilter } from './pages/front.js';
import { idParam, languageQuery, sectionQuery } from './params.js';
import { searchParams } from './routes.js';
import type { ArticleSummary, SiteData } from './site-data.js';

/** Items per feed: a day of a busy wire; readers poll often. */
export const FEED_SIZE = 50;
const FORMATS: FeedFormat[] = ['rss', 'atom', 'json'];

interface FeedList {
  title: string;
  description: string;
  /** Page path of the list, e.g. "/source/3". */
  page: string;
  /** Feed path without extension, e.g. "/source/3/feed". */
  base: string;
  query?: string;
  items: ArticleSummary[];
}

/** Sets Last-Modified (the newest item's date); the app's ifModifiedSince middleware answers 304s. */
function setLastModified(c: Context, lastModified: Date): void {
  if (lastModified.getTime() > 0) c.header('Last-Modified', lastModified.toUTCString());
}

function answer(c: Context, site: SiteContext, format: FeedFormat, list: FeedList): Response {
  setLastModified(c, newestDate(list.items));
  const body = renderFeed(format, {
    title: list.title,
    description: list.description,
    pageUrl: site.siteUrl + list.page,
    feedBase: site.siteUrl + list.base,
    query: list.query,
    language: site.language,
    siteUrl: site.siteUrl,
    items: list.items,
  });
  c.header('Content-Type', FEED_CONTENT_TYPES[format]);
  return c.body(body);
}

export function feedRoutes(data: SiteData, siteFor: (c: Context) => SiteContext): Hono {
  const feeds = new Hono();
  for (const format of FORMATS) {
    feeds.get(`/feed.${format}`, async (c) => {
      const site = siteFor(c);
      const filter = { language: languageQuery(c.req.query('lang')), section: sectionQuery(c.req.query('section')) };
      const items = await data.latestArticles({ limit: FEED_SIZE, offset: 0, ...filter });
      const { query, name } = frontFilter(filter, site.language);
      const title = name ? `${site.siteName}: ${name}` : site.siteName;
      return answer(c, site, format, {
        title,
        description: `The latest articles on ${site.siteName}${name ? ` (${name})` : ''}`,
        page: query ? `/?${query}` : '/',
        base: '/feed',
        query,
        items,
      });
    });
    feeds.get(`/source/:id/feed.${format}`, async (c) => {
      const id = idParam(c.req.param('id'), 'source');
      const source = await data.sourceById(id);
      if (!source) throw new HTTPException(404, { message: `There is no source ${id}.` });
      const items = await data.latestArticles({ limit: FEED_SIZE, offset: 0, sourceId: id });
      return answer(c, siteFor(c), format, {
        title: source.name,
        description: `Articles from ${source.name}`,
        page: `/source/${id}`,
        base: `/source/${id}/feed`,
        items,
      });
    });
    feeds.get(`/story/:id/feed.${format}`, async (c) => {
      const id = idParam(c.req.param('id'), 'story');
      const story = await data.storyById(id);
      if (!story) throw new HTTPException(404, { message: `There is no story ${id}.` });
      const items = [...story.articles].reverse().slice(0, FEED_SIZE);
      return answer(c, siteFor(c), format, {
        title: story.title,
        description: `Every outlet's version of: ${story.title}`,
        page: story.pagePath,
        base: `/story/${id}/feed`,
        items,
      });
    });
    feeds.get(`/entity/:id/feed.${format}`, async (c) => {
      const id = idParam(c.req.param('id'), 'entity');
      const entity = await data.entityById(id);
      if (!entity) throw new HTTPException(404, { message: `There is no entity ${id}.` });
      return answer(c, siteFor(c), format, {
        title: entity.name,
        description: `Articles about ${entity.name}`,
        page: entity.pagePath,
        base: `/entity/${id}/feed`,
        items: entity.articles.slice(0, FEED_SIZE),
      });
    });
    feeds.get(`/search/feed.${format}`, async (c) => {
      const query = searchParams(c);
      if (!query.q) throw new HTTPException(400, { message: 'A search feed needs words to find: ?q=' });
      const items = await data.search({ ...query, limit: FEED_SIZE, offset: 0 });
      const links = searchFeeds(query);
      return answer(c, siteFor(c), format, {
        title: links.title,
        description: `Articles matching “${query.q}”`,
        page: `/search?${links.query}`,
        base: '/search/feed',
        query: links.query,
        items,
      });
    });
  }
  return feeds;
}
