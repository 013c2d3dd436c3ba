/** Picks an outlet's template. */
import type { Site, SiteArticle } from '../site.js';
import { basicArticle, basicIndex } from './basic.js';
import { diarioArticle, diarioIndex } from './diario.js';
import { gacetaArticle, gacetaIndex } from './gaceta.js';

export interface Template {
  article(site: Site, article: SiteArticle): string;
  index(site: Site, heading: string, articles: SiteArticle[]): string;
}

const templates: Record<Site['outlet']['template'], Template> = {
  diario: { article: diarioArticle, index: diarioIndex },
  gaceta: { article: gacetaArticle, index: gacetaIndex },
  basic: { article: basicArticle, index: basicIndex },
};

export function templateOf(site: Site): Template {
  return templates[site.outlet.template];
}
