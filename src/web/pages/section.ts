/** `/section/:key`: the latest articles in one of the site's sections (section-taxonomy.ts). */
import { html, type SafeHtml } from '../html.js';
import { feedLinks, layout, type SiteContext } from '../layout.js';
import { sectionLabel } from '../section-labels.js';
import type { SectionKey } from '../section-taxonomy.js';
import type { ArticleSummary } from '../site-data.js';
import { articleItem } from './front.js';

export interface SectionPageModel {
  key: SectionKey;
  articles: ArticleSummary[];
  /** 1-based. */
  page: number;
  hasNext: boolean;
}

function sectionHref(key: SectionKey, page: number): string {
  return `/section/${key}${page > 1 ? `?page=${page}` : ''}`;
}

export function sectionPage(site: SiteContext, model: SectionPageModel): SafeHtml {
  const label = sectionLabel(model.key, site.language);
  const feeds = { path: '/feed', title: `${site.siteName}: ${label}`, query: `section=${model.key}` };
  const newer =
    model.page > 1
      ? html`<a rel="prev" href="${sectionHref(model.key, model.page - 1)}">Newer</a>`
      : html`<span></span>`;
  const older = model.hasNext ? html`<a rel="next" href="${sectionHref(model.key, model.page + 1)}">Older</a>` : '';
  const list = model.articles.length
    ? html`<ol class="list">${model.articles.map((a) => articleItem(a, site))}</ol>`
    : html`<p>No articles in ${label} yet.</p>`;
  return layout(site, {
    title: model.page > 1 ? `${label} — page ${model.page}` : label,
    canonicalUrl: `${site.siteUrl}${sectionHref(model.key, model.page)}`,
    feeds,
    body: html`<h1>${label}</h1>${list}<nav class="pager" aria-label="Pages">${newer}${older}</nav>${feedLinks(feeds)}`,
  });
}
