/**
 * `/`: the wire's front page: top stories (each with its image, the time of its newest article and the
 * headlines of up to three outlets), then the latest articles, newest first, with thumbnails and times,
 * in pages of PAGE_SIZE.
 */
import { timeTag, utcIso } from '../format.js';
import { timeStamp, timeText } from '../times.js';
import { html, kept, type KeptHtml, type SafeHtml } from '../html.js';
import { languageName, sameLanguage, textDirection } from '../language-names.js';
import { feedLinks, layout, type SiteContext } from '../layout.js';
import type { ArticleSummary, StorySummary } from '../site-data.js';
import { languageNote, outletName } from './item-meta.js';

/** Articles per page: a screenful or two of headlines with leads. */
export const PAGE_SIZE = 20;

export interface FrontPageModel {
  articles: ArticleSummary[];
  /** 1-based. */
  page: number;
  hasNext: boolean;
  translationNote: string | null;
  /** Ranked stories (first page only; empty when the stories module stores none). */
  stories?: StorySummary[];
  /** Most read over the last days (first page only). */
  popular?: ArticleSummary[];
  /** The language filter in use, and the languages one may filter by. */
  language?: string;
  languages?: string[];
  /** The section filter in use, and the sections one may filter by. */
  section?: string;
  sections?: string[];
  /** With no articles to list (unfiltered): the sources followed and how many fail to fetch, for the empty state. */
  sources?: { followed: number; failing: number };
  /** Milliseconds since 1970 that "2h ago" is counted from (default: now). */
  now?: number;
}

/** The filters of a front-page list (page, feeds). */
export interface FrontFilter {
  language?: string;
  section?: string;
}

/** The filters as a query string ("lang=es&section=Sport", "" for none) and as words ("Sport, in Spanish"). */
export function frontFilter(filter: FrontFilter, siteLanguage: string): { query: string; name: string } {
  const params = new URLSearchParams();
  if (filter.language) params.set('lang', filter.language);
  if (filter.section) params.set('section', filter.section);
  const words = [
    filter.section,
    filter.language ? `in ${languageName(filter.language, siteLanguage)}` : undefined,
  ].filter(Boolean);
  return { query: params.toString(), name: words.join(', ') };
}

/** The language a summary's title is written in: the site's when translated, else the original's. */
function titleLanguage(article: ArticleSummary, site: SiteContext): string | null {
  return article.translatedFrom ? site.language : article.language;
}

/**
 * Rendered list items by summary: the store's data layer hands out the same summary object while
 * it keeps a line (store-data.ts), and a search page is mostly lines shown before; dates and
 * language names make an item cost more than a lookup. Weak: gone with the summary. The front page's
 * form names its time text and thumbnail in the key, so a line is rendered again when they change.
 */
const renderedItems = new WeakMap<ArticleSummary, Map<string, KeptHtml>>();

/** How the front page shows a line beyond the lists' form: a thumbnail and the time ("2h ago · 17:20"). */
export interface ItemLook {
  /** Milliseconds since 1970 that times are counted from. */
  now: number;
  thumbnail: boolean;
}

/** Thumbnails: 160 px wide in a 16:9 box (width/height set, so the line never moves when it loads). */
const THUMB = { width: 160, height: 90 } as const;

export function articleItem(
  article: ArticleSummary,
  site: SiteContext,
  level: 2 | 3 = 2,
  showOriginal = false,
  look?: ItemLook,
): KeptHtml {
  let byForm = renderedItems.get(article);
  if (!byForm) renderedItems.set(article, (byForm = new Map()));
  const time = look && article.publishedAt ? timeText(article.publishedAt, look.now, site) : null;
  const thumb = look?.thumbnail ? (site.images?.src(article.image, THUMB.width) ?? null) : null;
  const form = `${site.language} ${level} ${showOriginal} ${time} ${thumb}`;
  let item = byForm.get(form);
  if (!item) byForm.set(form, (item = kept(renderItem(article, site, level, showOriginal, { time, thumb }))));
  return item;
}

function renderItem(
  article: ArticleSummary,
  site: SiteContext,
  level: 2 | 3,
  showOriginal: boolean,
  look: { time: string | null; thumb: string | null },
): SafeHtml {
  const lang = titleLanguage(article, site);
  const langAttrs = lang ? html` lang="${lang}" dir="${textDirection(lang)}"` : '';
  const via = article.sourceName && article.sourceName !== article.site ? html` via ${article.sourceName}` : '';
  const when =
    look.time && article.publishedAt
      ? html`<time datetime="${utcIso(article.publishedAt)}">${look.time}</time>`
      : timeTag(article.publishedAt, site.language);
  const date = article.publishedAt ? html` · ${when}` : '';
  const translated = languageNote(article, site);
  // Decorative: the headline beside it says what it shows.
  const thumb = look.thumb
    ? html`<img class="thumb" src="${look.thumb}" alt="" width="${THUMB.width}" height="${THUMB.height}" loading="lazy" decoding="async">`
    : '';
  return html`<li><article${look.thumb ? html` class="with-thumb"` : ''}>${thumb}<div>
${heading(level, html`<a href="${article.pagePath}"${langAttrs}>${article.title}</a>`)}
<p class="meta">${outletName(article)}${via}${date}${translated}</p>
${showOriginal && article.translatedFrom ? html`<p class="meta">Original headline: <span lang="${article.language ?? ''}">${article.originalTitle}</span></p>` : ''}
${article.lead ? html`<p${langAttrs}>${article.lead}</p>` : ''}
</div></article></li>`;
}

function heading(level: 2 | 3, content: SafeHtml): SafeHtml {
  return level === 2 ? html`<h2>${content}</h2>` : html`<h3>${content}</h3>`;
}

/** "/?lang=es&section=Sport&page=2": the front page address with its filters kept. */
function frontHref(filter: FrontFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.language) params.set('lang', filter.language);
  if (filter.section) params.set('section', filter.section);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

function pager(model: FrontPageModel): SafeHtml {
  if (model.page === 1 && !model.hasNext) return html``;
  const newer =
    model.page > 1 ? html`<a rel="prev" href="${frontHref(model, model.page - 1)}">Newer</a>` : html`<span></span>`;
  const older = model.hasNext ? html`<a rel="next" href="${frontHref(model, model.page + 1)}">Older</a>` : '';
  return html`<nav class="pager" aria-label="Pages">${newer}${older}</nav>`;
}

function languageFilter(site: SiteContext, model: FrontPageModel): SafeHtml {
  const languages = model.languages ?? [];
  if (languages.length < 2 && !model.language) return html``;
  const item = (tag: string | undefined, label: string) => {
    const current = tag === model.language ? html` aria-current="page"` : '';
    return html`<li><a href="${frontHref({ language: tag, section: model.section }, 1)}"${current}>${label}</a></li>`;
  };
  return html`<nav aria-label="Language of the originals"><ul class="views">${item(undefined, 'All languages')}${languages.map((l) => item(l, languageName(l, site.language)))}</ul></nav>`;
}

function sectionFilter(model: FrontPageModel): SafeHtml {
  const sections = model.sections ?? [];
  if (sections.length < 2 && !model.section) return html``;
  const item = (section: string | undefined, label: string) => {
    const current = section === model.section ? html` aria-current="page"` : '';
    return html`<li><a href="${frontHref({ language: model.language, section }, 1)}"${current}>${label}</a></li>`;
  };
  return html`<nav aria-label="Sections"><ul class="views">${item(undefined, 'All sections')}${sections.map((s) => item(s, s))}</ul></nav>`;
}

/** A story's image: 400 px wide in a 16:9 box; the first story's is above the fold, the others load lazily. */
const STORY_IMAGE = { width: 400, height: 225 } as const;

function storyItem(story: StorySummary, site: SiteContext, now: number, first: boolean): SafeHtml {
  const languages = story.languages.map((l) => languageName(l, site.language)).join(', ');
  const outlets = `${story.articleCount} articles from ${story.outletCount} ${story.outletCount === 1 ? 'outlet' : 'outlets'}`;
  const src = site.images?.src(story.image, STORY_IMAGE.width);
  const image = src
    ? html`<img class="story-image" src="${src}" alt="" width="${STORY_IMAGE.width}" height="${STORY_IMAGE.height}"${first ? '' : html` loading="lazy"`} decoding="async">`
    : '';
  const headlines = story.headlines?.length
    ? html`<ul class="headlines">${story.headlines.map((a) => headlineItem(a, site))}</ul>`
    : '';
  return html`<li><article class="story${src ? ' with-image' : ''}">${image}<div><h3><a href="${story.pagePath}">${story.title}</a></h3>
<p class="meta">${timeStamp(story.latestAt ?? story.updatedAt, now, site)} · ${outlets}${languages ? ` · ${languages}` : ''}</p>${headlines}</div></article></li>`;
}

/** One outlet's headline for a story: what it called it (translated when it could be), and who. */
function headlineItem(article: ArticleSummary, site: SiteContext): SafeHtml {
  const lang = titleLanguage(article, site);
  const langAttrs = lang ? html` lang="${lang}" dir="${textDirection(lang)}"` : '';
  return html`<li><a href="${article.pagePath}"${langAttrs}>${article.title}</a> <span class="meta">— ${article.site}</span></li>`;
}

function storiesSection(site: SiteContext, stories: StorySummary[] | undefined, now: number): SafeHtml {
  if (!stories?.length) return html``;
  return html`<section aria-labelledby="top-stories"><h2 id="top-stories">Top stories</h2><ol class="list">${stories.map((s, i) => storyItem(s, site, now, i === 0))}</ol></section>`;
}

function popularSection(site: SiteContext, popular: ArticleSummary[] | undefined): SafeHtml {
  if (!popular?.length) return html``;
  return html`<section aria-labelledby="most-read"><h2 id="most-read">Most read</h2><ol class="list compact">${popular.map((a) => articleItem(a, site, 3))}</ol></section>`;
}

/**
 * What is true when there is nothing to list: it said "Add a source" while nine sources were followed and
 * every one failing to fetch, with no way to their errors.
 */
function emptyState(model: FrontPageModel): SafeHtml {
  const sources = html`<a href="/sources">Sources</a>`;
  if (model.language || model.section) return html`<p>No articles here yet.</p>`;
  const { followed = 0, failing = 0 } = model.sources ?? {};
  if (followed === 0)
    return html`<p>No articles yet, and no sources are followed: add one (<code>happenings sources add URL</code>) and its articles will appear here.</p>`;
  const n = followed === 1 ? 'the 1 source' : `the ${followed} sources`;
  if (failing === followed)
    return html`<p>No articles yet: ${followed === 1 ? 'the one source followed is' : `all ${followed} sources followed are`} failing to fetch. ${sources} shows their errors.</p>`;
  if (failing > 0)
    return html`<p>No articles yet: ${failing} of ${n} followed ${failing === 1 ? 'is' : 'are'} failing to fetch (${sources} shows their errors); articles appear here as the others are fetched.</p>`;
  return html`<p>No articles yet: ${n} followed ${followed === 1 ? 'has' : 'have'} not brought any so far; they appear here as they are fetched (${sources}).</p>`;
}

export function frontPage(site: SiteContext, model: FrontPageModel): SafeHtml {
  const filter = frontFilter(model, site.language);
  const inLanguage = model.language ? ` in ${languageName(model.language, site.language)}` : '';
  const heading_ = `Latest${model.section ? `: ${model.section}` : ''}${inLanguage}${model.page > 1 ? ` — page ${model.page}` : ''}`;
  // The note explains untranslated headlines; with none on the page it would only be noise.
  const untranslated = model.articles.some(
    (a) => !a.translatedFrom && a.language && !sameLanguage(a.language, site.language),
  );
  const note = model.translationNote && untranslated ? html`<p class="note">${model.translationNote}</p>` : '';
  const hasStories = !!model.stories?.length;
  const level = hasStories ? 3 : 2;
  const now = model.now ?? Date.now();
  const look = { now, thumbnail: true };
  const list = model.articles.length
    ? html`<ol class="list">${model.articles.map((a) => articleItem(a, site, level, false, look))}</ol>`
    : emptyState(model);
  // With stories, the page's title is the site's and "Latest" is one section of it.
  const latest = hasStories
    ? html`<section aria-labelledby="latest"><h2 id="latest">${heading_}</h2>${note}${list}${pager(model)}</section>`
    : html`${note}${list}${pager(model)}`;
  const feeds = {
    path: '/feed',
    title: `${site.siteName}: latest${filter.name ? `, ${filter.name}` : ''}`,
    query: filter.query || undefined,
  };
  return layout(site, {
    title: model.page > 1 || filter.query ? heading_ : undefined,
    canonicalUrl: `${site.siteUrl}${frontHref(model, model.page)}`,
    feeds,
    body: html`<h1>${hasStories ? site.siteName : heading_}</h1>${languageFilter(site, model)}${sectionFilter(model)}${storiesSection(site, model.stories, now)}${latest}${popularSection(site, model.popular)}${feedLinks(feeds)}`,
  });
}
