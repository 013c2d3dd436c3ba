/**
 * The list pages other than the front: search, one source, one story, one entity, and the about
 * page. Each is a heading, a few facts, a list of articles and the list's feeds.
 */
import { timeTag } from '../format.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { languageName } from '../language-names.js';
import { feedLinks, layout, type FeedLinks, type SiteContext } from '../layout.js';
import type { ArticleSummary, EntityView, SearchOptions, SourceView, StoryView } from '../site-data.js';
import { entityChips } from './article-extras.js';
import { articleItem } from './front.js';

function articleList(site: SiteContext, articles: ArticleSummary[], empty: string): SafeHtml {
  return articles.length
    ? html`<ol class="list">${articles.map((a) => articleItem(a, site))}</ol>`
    : html`<p>${empty}</p>`;
}

export interface SearchPageModel {
  query: Omit<SearchOptions, 'limit' | 'offset'>;
  results: ArticleSummary[];
  page: number;
  hasNext: boolean;
  languages: string[];
  sources: SourceView[];
}

function searchHref(query: SearchPageModel['query'], page: number): string {
  const params = new URLSearchParams({ q: query.q });
  if (query.language) params.set('lang', query.language);
  if (query.sourceId) params.set('source', String(query.sourceId));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.sort === 'relevance') params.set('sort', 'relevance');
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

function searchForm(site: SiteContext, model: SearchPageModel): SafeHtml {
  const q = model.query;
  const languages = listOptions(model.languages, site.language, q.language ?? '', (l) => [
    l,
    languageName(l, site.language),
  ]);
  const sources = listOptions(model.sources, site.language, q.sourceId ? String(q.sourceId) : '', (s) => [
    String(s.id),
    s.name,
  ]);
  return html`<form class="search" role="search" action="/search" method="get">
<p><label for="q">Words to find</label> <input id="q" name="q" type="search" value="${q.q}" maxlength="200"></p>
<p><span class="field"><label for="lang">Language</label> <select id="lang" name="lang">${languages}</select></span>
<span class="field"><label for="source">Source</label> <select id="source" name="source">${sources}</select></span></p>
<p><span class="field"><label for="from">From</label> <input id="from" name="from" type="date" value="${q.from ?? ''}"></span>
<span class="field"><label for="to">To</label> <input id="to" name="to" type="date" value="${q.to ?? ''}"></span>
<span class="field"><label for="sort">Order</label> <select id="sort" name="sort">${option('newest', 'Newest first', q.sort !== 'relevance')}${option('relevance', 'Words in the headline first', q.sort === 'relevance')}</select></span>
<button type="submit">Search</button></p>
</form>`;
}

function option(value: string, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}"${selected ? ' selected' : ''}>${label}</option>`;
}

/**
 * The options of a filter list ("Any" first), rendered once per list, site language and selected
 * value: the lists are re-read every 30 s (store-data.ts) and the same array is handed to every
 * search page meanwhile, and 40 sources' options were a tenth of a search page's render.
 */
const renderedOptions = new WeakMap<readonly unknown[], Map<string, SafeHtml>>();

function listOptions<T>(
  list: readonly T[],
  language: string,
  selected: string,
  entry: (item: T) => [value: string, label: string],
): SafeHtml {
  let bySelection = renderedOptions.get(list);
  if (!bySelection) renderedOptions.set(list, (bySelection = new Map()));
  const key = `${language} ${selected}`;
  let out = bySelection.get(key);
  if (!out) {
    out = html`${option('', 'Any', !selected)}${list.map((item) => {
      const [value, label] = entry(item);
      return option(value, label, value === selected);
    })}`;
    // A selection no list entry has (a hostile ?source=) is not kept: the map stays as small as the list.
    if (selected === '' || list.some((item) => entry(item)[0] === selected)) bySelection.set(key, out);
  }
  return out;
}

export function searchFeeds(query: SearchPageModel['query']): FeedLinks {
  return { path: '/search/feed', title: `Search: ${query.q}`, query: searchHref(query, 1).split('?')[1] };
}

export function searchPage(site: SiteContext, model: SearchPageModel): SafeHtml {
  const q = model.query.q;
  const feeds = q ? searchFeeds(model.query) : undefined;
  const pager = html`<nav class="pager" aria-label="Pages">${model.page > 1 ? html`<a rel="prev" href="${searchHref(model.query, model.page - 1)}">Previous</a>` : html`<span></span>`}${model.hasNext ? html`<a rel="next" href="${searchHref(model.query, model.page + 1)}">Next</a>` : ''}</nav>`;
  const results = q
    ? html`<h2>Results</h2>${articleList(site, model.results, `Nothing found for “${q}”.`)}${pager}${feeds ? feedLinks(feeds) : ''}`
    : html`<p>Search the original and translated text of every article.</p>`;
  return layout(site, {
    title: q ? `Search: ${q}` : 'Search',
    canonicalUrl: `${site.siteUrl}${q ? searchHref(model.query, model.page) : '/search'}`,
    head: html`<meta name="robots" content="noindex">`,
    feeds,
    body: html`<h1>Search</h1>${searchForm(site, model)}${results}`,
  });
}

export function sourcePage(site: SiteContext, source: SourceView, articles: ArticleSummary[]): SafeHtml {
  const feeds = { path: `/source/${source.id}/feed`, title: source.name };
  const link = safeUrl(source.url);
  const health = source.errorCount
    ? html`<p class="note">${source.errorCount} failed ${source.errorCount === 1 ? 'fetch' : 'fetches'} in a row${source.lastErrorCode ? html` (<code>${source.lastErrorCode}</code>)` : ''}${source.lastError ? `: ${source.lastError}` : ''}</p>`
    : '';
  return layout(site, {
    title: source.name,
    canonicalUrl: `${site.siteUrl}/source/${source.id}`,
    feeds,
    body: html`<h1>${source.name}</h1>
<p class="meta">${link ? html`<a href="${link}" rel="noopener">${source.url}</a> · ` : ''}${source.language ? `${languageName(source.language, site.language)} · ` : ''}${source.articleCount} articles · ${source.lastSuccessAt ? html`last fetched ${timeTag(source.lastSuccessAt, site.language)}` : 'never fetched'}</p>
${health}
<h2>Recent articles</h2>${articleList(site, articles, 'No articles from this source yet.')}${feedLinks(feeds)}`,
  });
}

export function storyPage(site: SiteContext, story: StoryView): SafeHtml {
  const feeds = { path: `/story/${story.id}/feed`, title: story.title };
  const first = story.articles[0];
  const versions = story.articles.map((a) => articleItem(a, site, 2, true));
  const outletCount = story.outlets?.length ?? story.outletCount;
  return layout(site, {
    title: story.title,
    canonicalUrl: `${site.siteUrl}${story.pagePath}`,
    feeds,
    body: html`<h1>${story.title}</h1>
<p class="meta">${story.articleCount} ${story.articleCount === 1 ? 'article' : 'articles'} from ${outletCount} ${outletCount === 1 ? 'outlet' : 'outlets'} in ${story.languages.map((l) => languageName(l, site.language)).join(', ') || 'one language'}${first ? html` · first reported by ${first.site}${first.publishedAt ? html` on ${timeTag(first.publishedAt, site.language)}` : ''}` : ''}</p>
${entityChips(story.entities)}
${storyOutlets(story)}
<p>Every version, in the order they were reported:</p>
<ol class="list timeline">${versions}</ol>${feedLinks(feeds)}`,
  });
}

/** "Carried by": every outlet, a syndicated copy's with "copy of <the version's outlet>". */
function storyOutlets(story: StoryView): SafeHtml {
  const outlets = story.outlets ?? [];
  if (!outlets.length) return html``;
  const firstOf = new Map(story.articles.map((a) => [a.id, a]));
  const items = outlets.map((o) => {
    const version = firstOf.get(o.articleId);
    const copy =
      version && version.sourceId !== o.sourceId
        ? html` <span class="meta">(copy of ${version.site}'s version)</span>`
        : '';
    return html`<li><a href="/source/${o.sourceId}">${o.name}</a>${copy}</li>`;
  });
  return html`<section aria-labelledby="outlets"><h2 id="outlets">Carried by</h2><ul class="outlets">${items}</ul></section>`;
}

export function entityPage(site: SiteContext, entity: EntityView): SafeHtml {
  const feeds = { path: `/entity/${entity.id}/feed`, title: entity.name };
  return layout(site, {
    title: entity.name,
    canonicalUrl: `${site.siteUrl}${entity.pagePath}`,
    feeds,
    body: html`<h1>${entity.name}</h1>${entity.kind ? html`<p class="meta">${entity.kind}</p>` : ''}<h2>Articles</h2>${articleList(site, entity.articles, 'No articles yet.')}${feedLinks(feeds)}`,
  });
}

export function aboutPage(site: SiteContext, publicMode: boolean): SafeHtml {
  return layout(site, {
    title: 'About',
    canonicalUrl: `${site.siteUrl}/about`,
    body: html`<h1>About ${site.siteName}</h1>
<p>${site.siteName} follows publishers' feeds, extracts each article without the page furniture, translates it by machine into ${languageName(site.language, site.language)} without mangling names, and groups the outlets that report the same happening. Every article links to its original.</p>
<h2>What we keep</h2>
<p>No cookies and no personal data. To rank the most read articles, each article's page views are counted per day, and that number is all that is kept; crawlers are not counted.</p>
<h2>Publishers</h2>
<p>${publicMode ? 'Where a publisher allows only excerpts, this site shows the headline, the first paragraph and a link to the whole article.' : 'This is a private instance for its operator.'} Machine translations may contain mistakes: the original is always one click away.</p>
<h2>For programs</h2>
<p>Every list has RSS, Atom and JSON feeds; the data is also a <a href="/api/v1/openapi.json">JSON API</a>.</p>`,
  });
}
