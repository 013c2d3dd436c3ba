/** `/`: the latest articles, newest first, with pages of PAGE_SIZE. */
import { timeTag } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { languageName, sameLanguage, textDirection } from '../language.js';
import { layout, type SiteContext } from '../layout.js';
import type { ArticleSummary } from '../site-data.js';

/** Articles per page: a screenful or two of headlines with leads. */
export const PAGE_SIZE = 20;

export interface FrontPageModel {
  articles: ArticleSummary[];
  /** 1-based. */
  page: number;
  hasNext: boolean;
  translationNote: string | null;
}

/** The language a summary's title is written in: the site's when translated, else the original's. */
function titleLanguage(article: ArticleSummary, site: SiteContext): string | null {
  return article.translatedFrom ? site.language : article.language;
}

export function articleItem(article: ArticleSummary, site: SiteContext): SafeHtml {
  const lang = titleLanguage(article, site);
  const langAttrs = lang ? html` lang="${lang}" dir="${textDirection(lang)}"` : '';
  const via = article.sourceName && article.sourceName !== article.site ? html` via ${article.sourceName}` : '';
  const date = article.publishedAt ? html` · ${timeTag(article.publishedAt, site.language)}` : '';
  const translated = article.translatedFrom ? ` · translated from ${languageName(article.translatedFrom, site.language)}` : '';
  return html`<li><article>
<h2><a href="${article.pagePath}"${langAttrs}>${article.title}</a></h2>
<p class="meta">${article.site}${via}${date}${translated}</p>
${article.lead ? html`<p${langAttrs}>${article.lead}</p>` : ''}
</article></li>`;
}

function pager(model: FrontPageModel): SafeHtml {
  if (model.page === 1 && !model.hasNext) return html``;
  const newer = model.page > 1 ? html`<a rel="prev" href="${model.page === 2 ? '/' : `/?page=${model.page - 1}`}">Newer</a>` : html`<span></span>`;
  const older = model.hasNext ? html`<a rel="next" href="/?page=${model.page + 1}">Older</a>` : '';
  return html`<nav class="pager" aria-label="Pages">${newer}${older}</nav>`;
}

export function frontPage(site: SiteContext, model: FrontPageModel): SafeHtml {
  const heading = model.page > 1 ? `Latest — page ${model.page}` : 'Latest';
  // The note explains untranslated headlines; with none on the page it would only be noise.
  const untranslated = model.articles.some((a) => !a.translatedFrom && a.language && !sameLanguage(a.language, site.language));
  const note = model.translationNote && untranslated ? html`<p class="note">${model.translationNote}</p>` : '';
  const list = model.articles.length
    ? html`<ol class="list">${model.articles.map((a) => articleItem(a, site))}</ol>`
    : html`<p>No articles yet. Add a source and they will appear here.</p>`;
  return layout(site, {
    title: model.page > 1 ? heading : undefined,
    canonicalUrl: `${site.siteUrl}${model.page > 1 ? `/?page=${model.page}` : '/'}`,
    body: html`<h1>${heading}</h1>${note}${list}${pager(model)}`,
  });
}

