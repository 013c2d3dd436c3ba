/** The HTML pages: each route reads SiteData, picks a page function, and renders it. */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { htmlAnswer } from './etag.js';
import type { SiteContext } from './layout.js';
import { articlePage } from './pages/article.js';
import { chooseTextView } from './pages/article-text.js';
import { frontPage, PAGE_SIZE } from './pages/front.js';
import { aboutPage, entityPage, searchPage, sourcePage, storyPage } from './pages/lists.js';
import { sectionPage } from './pages/section.js';
import { sourcesPage } from './pages/sources.js';
import { sectionChoice, sectionLabel } from './section-labels.js';
import { isSectionKey } from './section-taxonomy.js';
import { dateQuery, idParam, intQuery, languageQuery, searchQuery, sectionQuery, sortQuery } from './params.js';
import type { SiteData } from './site-data.js';

/** Deepest page of a list; older articles are reached through search and sources. */
export const MAX_PAGE = 500;
/** Most read: over the last week (a day is too jumpy on a small site), five of them. */
export const POPULAR_DAYS = 7;
const POPULAR_COUNT = 5;
const TOP_STORIES = 8;
const READ_TOO = 5;

export interface PageOptions {
  /** Public site: excerpt-only sources show title, lead and link. */
  publicMode: boolean;
}

export function pageRoutes(
  data: SiteData,
  siteFor: (c: Context) => SiteContext,
  options: PageOptions = { publicMode: true },
): Hono {
  const pages = new Hono();

  pages.get('/', async (c) => {
    const page = intQuery(c.req.query('page'), 'page', { min: 1, max: MAX_PAGE, fallback: 1 });
    const language = languageQuery(c.req.query('lang'));
    const asked = sectionQuery(c.req.query('section'));
    const choice = sectionChoice(asked, siteFor(c).language);
    // The filter shown by its label in the site language ("?section=deportes" is Sport).
    const section = choice.siteSection ? sectionLabel(choice.siteSection, siteFor(c).language) : asked;
    // One more than a page tells whether an older page exists without counting.
    const found = await data.latestArticles({
      limit: PAGE_SIZE + 1,
      offset: (page - 1) * PAGE_SIZE,
      language,
      ...choice,
    });
    if (page > 1 && !found.length) throw new HTTPException(404, { message: `There is no page ${page}.` });
    const first = page === 1 && !language && !section;
    const [stories, popular, languages, sections, translationNote] = await Promise.all([
      first ? data.topStories({ limit: TOP_STORIES }) : [],
      first ? data.popularArticles({ days: POPULAR_DAYS, limit: POPULAR_COUNT }) : [],
      data.languages(),
      data.sections(),
      data.translationNote(),
    ]);
    // Nothing to list: the empty state says which sources are followed and failing (only then read).
    const sources = !found.length && first ? await data.sources() : [];
    const model = {
      ...(!found.length &&
        first && {
          sources: { followed: sources.length, failing: sources.filter((s) => s.lastErrorCode).length },
        }),
      articles: found.slice(0, PAGE_SIZE),
      page,
      hasNext: found.length > PAGE_SIZE,
      translationNote,
      stories,
      popular,
      language,
      languages,
      section,
      sections,
    };
    return htmlAnswer(c, frontPage(siteFor(c), model));
  });

  pages.get('/article/:id/:slug?', async (c) => {
    const id = idParam(c.req.param('id'), 'article');
    const article = await data.articleById(id);
    if (!article) throw new HTTPException(404, { message: `There is no article ${id}.` });
    // Old or mistyped slugs still work, but each article has exactly one address.
    if (c.req.path !== article.pagePath) return c.redirect(article.pagePath + queryOf(c.req.url), 301);
    const view = chooseTextView(c.req.query('view'), article);
    const [translationNote, readToo, entities] = await Promise.all([
      article.translation ? null : data.translationNote(),
      data.readToo(id, READ_TOO),
      data.entitiesOf(id),
    ]);
    const excerptOnly = options.publicMode && !!article.excerptOnly;
    return htmlAnswer(c, articlePage(siteFor(c), { article, view, translationNote, readToo, entities, excerptOnly }));
  });

  pages.get('/section/:key', async (c) => {
    const key = c.req.param('key');
    if (!isSectionKey(key)) throw new HTTPException(404, { message: `There is no section ${key}.` });
    const page = intQuery(c.req.query('page'), 'page', { min: 1, max: MAX_PAGE, fallback: 1 });
    const found = await data.latestArticles({ limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE, siteSection: key });
    if (page > 1 && !found.length) throw new HTTPException(404, { message: `There is no page ${page}.` });
    const model = { key, articles: found.slice(0, PAGE_SIZE), page, hasNext: found.length > PAGE_SIZE };
    return htmlAnswer(c, sectionPage(siteFor(c), model));
  });

  pages.get('/sources', async (c) => htmlAnswer(c, sourcesPage(siteFor(c), await data.sources())));

  pages.get('/source/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'source');
    const source = await data.sourceById(id);
    if (!source) throw new HTTPException(404, { message: `There is no source ${id}.` });
    const articles = await data.latestArticles({ limit: PAGE_SIZE, offset: 0, sourceId: id });
    return htmlAnswer(c, sourcePage(siteFor(c), source, articles));
  });

  pages.get('/search', async (c) => {
    const query = searchParams(c);
    const page = intQuery(c.req.query('page'), 'page', { min: 1, max: MAX_PAGE, fallback: 1 });
    const found = query.q ? await data.search({ ...query, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }) : [];
    const [languages, sources] = await Promise.all([data.languages(), data.sources()]);
    const model = {
      query,
      results: found.slice(0, PAGE_SIZE),
      page,
      hasNext: found.length > PAGE_SIZE,
      languages,
      sources,
    };
    return htmlAnswer(c, searchPage(siteFor(c), model));
  });

  pages.get('/story/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'story');
    const story = await data.storyById(id);
    if (!story) throw new HTTPException(404, { message: `There is no story ${id}.` });
    if (story.mergedInto) return c.redirect(`/story/${story.mergedInto}`, 301);
    return htmlAnswer(c, storyPage(siteFor(c), story));
  });

  pages.get('/entity/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'entity');
    const entity = await data.entityById(id);
    if (!entity) throw new HTTPException(404, { message: `There is no entity ${id}.` });
    return htmlAnswer(c, entityPage(siteFor(c), entity));
  });

  pages.get('/about', (c) => htmlAnswer(c, aboutPage(siteFor(c), options.publicMode)));

  return pages;
}

/** The search filters of a request (pages, feeds and the API read the same ones). */
export function searchParams(c: Context) {
  // The query string parsed once (each c.req.query(name) parses the whole URL again).
  const { q, lang, source, from, to, sort } = c.req.query();
  return {
    q: searchQuery(q),
    language: languageQuery(lang),
    sourceId: source ? idParam(source, 'source') : undefined,
    from: dateQuery(from, 'from'),
    to: dateQuery(to, 'to'),
    sort: sortQuery(sort),
  };
}

function queryOf(url: string): string {
  return new URL(url).search;
}
