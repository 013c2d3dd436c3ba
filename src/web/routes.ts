/** The HTML pages: each route reads SiteData, picks a page function, and renders it. */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { SiteContext } from './layout.js';
import { articlePage } from './pages/article.js';
import { chooseTextView } from './pages/article-text.js';
import { frontPage, PAGE_SIZE } from './pages/front.js';
import { sourcesPage } from './pages/sources.js';
import { idParam, intQuery } from './params.js';
import type { SiteData } from './site-data.js';

/** Deepest page of the front list; older articles are reached through search and sources. */
const MAX_PAGE = 500;

export function pageRoutes(data: SiteData, siteFor: (c: Context) => SiteContext): Hono {
  const pages = new Hono();

  pages.get('/', async (c) => {
    const page = intQuery(c.req.query('page'), 'page', { min: 1, max: MAX_PAGE, fallback: 1 });
    // One more than a page tells whether an older page exists without counting.
    const found = await data.latestArticles({ limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
    if (page > 1 && !found.length) throw new HTTPException(404, { message: `There is no page ${page}.` });
    const model = { articles: found.slice(0, PAGE_SIZE), page, hasNext: found.length > PAGE_SIZE, translationNote: await data.translationNote() };
    return c.html(frontPage(siteFor(c), model).value);
  });

  pages.get('/article/:id/:slug?', async (c) => {
    const id = idParam(c.req.param('id'), 'article');
    const article = await data.articleById(id);
    if (!article) throw new HTTPException(404, { message: `There is no article ${id}.` });
    // Old or mistyped slugs still work, but each article has exactly one address.
    if (c.req.path !== article.pagePath) return c.redirect(article.pagePath + queryOf(c.req.url), 301);
    const view = chooseTextView(c.req.query('view'), article);
    const translationNote = article.translation ? null : await data.translationNote();
    return c.html(articlePage(siteFor(c), { article, view, translationNote }).value);
  });

  pages.get('/sources', async (c) => c.html(sourcesPage(siteFor(c), await data.sources()).value));

  return pages;
}

function queryOf(url: string): string {
  return new URL(url).search;
}
