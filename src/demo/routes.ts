/** What one outlet's server answers: front page, sections, articles, feed, robots.txt, images. */
import type { Handler } from './bad-endpoints.js';
import { badRoutes } from './bad-endpoints.js';
import { feedUpdatedAt, renderFeed } from './feeds.js';
import { placeholderPng } from './image.js';
import { sendStatic, sendText } from './respond.js';
import { sectionPath, slugify, type Site } from './site.js';
import { templateOf } from './templates/index.js';

const html = 'text/html; charset=utf-8';

export function siteRoutes(site: Site, withBadEndpoints: boolean): Map<string, Handler> {
  const template = templateOf(site);
  const routes = new Map<string, Handler>();
  const page =
    (body: () => string, lastModified: Date): Handler =>
    (req, res) =>
      sendStatic(req, res, { body: body(), contentType: html, lastModified });

  routes.set(
    '/',
    page(() => template.index(site, site.outlet.name, site.articles), feedUpdatedAt(site)),
  );
  for (const name of new Set([...site.outlet.menu, ...site.articles.map((a) => a.section)])) {
    const articles = site.articles.filter((a) => slugify(a.section) === slugify(name));
    routes.set(
      sectionPath(site.outlet, slugify(name)),
      page(() => template.index(site, name, articles), feedUpdatedAt(site)),
    );
  }
  for (const article of site.articles)
    routes.set(
      article.path,
      page(() => template.article(site, article), article.publishedAt),
    );
  routes.set(site.outlet.feed.path, (req, res) =>
    sendStatic(req, res, { ...renderFeed(site), lastModified: feedUpdatedAt(site) }),
  );
  routes.set('/robots.txt', (req, res) =>
    sendStatic(req, res, {
      body: robotsTxt(site),
      contentType: 'text/plain; charset=utf-8',
      lastModified: site.builtAt,
    }),
  );
  if (withBadEndpoints) for (const [path, handler] of badRoutes(site)) routes.set(path, handler);
  return routes;
}

/** Dispatches one request: exact routes first, then placeholder images, else 404. */
export function handle(site: Site, routes: Map<string, Handler>): Handler {
  return (req, res) => {
    const path = new URL(req.url ?? '/', site.origin).pathname;
    const route = routes.get(path);
    if (route) return route(req, res);
    if (path.startsWith('/img/') && path.length > 5) {
      return sendStatic(req, res, {
        body: placeholderPng(path.slice(5)),
        contentType: 'image/png',
        lastModified: site.builtAt,
      });
    }
    sendText(
      res,
      404,
      `<!DOCTYPE html><html><head><title>404</title></head><body><h1>404</h1><p>${path}</p></body></html>`,
    );
  };
}

function robotsTxt(site: Site): string {
  const sitemap = site.outlet.feed.format === 'news-sitemap' ? `\nSitemap: ${site.feedUrl}\n` : '';
  return `# ${site.outlet.name}\nUser-agent: *\nDisallow: /privado/\nAllow: /\n${sitemap}`;
}
