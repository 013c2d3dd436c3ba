/**
 * Two parts of a list line's facts, shared by every list: the outlet, linked to its page on this site
 * (/source/N), and the language note ("translated from Spanish", "Not translated · German").
 */
import { html, type SafeHtml } from '../html.js';
import { languageName, sameLanguage } from '../language-names.js';
import type { SiteContext } from '../layout.js';
import type { ArticleSummary } from '../site-data.js';

/** The publisher's name, a link to its source page when a followed source carried it. */
export function outletName(article: ArticleSummary): SafeHtml {
  return article.sourceId ? html`<a href="/source/${article.sourceId}">${article.site}</a>` : html`${article.site}`;
}

/** " · translated from Spanish", " · Not translated · German", or nothing for the site's own language. */
export function languageNote(article: ArticleSummary, site: SiteContext): string {
  if (article.translatedFrom) return ` · translated from ${languageName(article.translatedFrom, site.language)}`;
  if (article.language && !sameLanguage(article.language, site.language))
    return ` · Not translated · ${languageName(article.language, site.language)}`;
  return '';
}
