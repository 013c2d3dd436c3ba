/**
 * A demo outlet placed on its origin and in time: absolute URLs and publication dates for every
 * article. Dates count back from the start of the current hour, so the site looks fresh yet two
 * starts within the same hour serve byte-identical pages and feeds (stable ETags).
 */
import type { DemoArticle, DemoOutlet } from './content/types.js';

export interface SiteArticle extends DemoArticle {
  path: string;
  url: string;
  publishedAt: Date;
  imageUrl: string;
}

export interface Site {
  outlet: DemoOutlet;
  origin: string;
  /** Newest first. */
  articles: SiteArticle[];
  feedUrl: string;
  /** When the site was "built": the start of the hour the publisher started in. */
  builtAt: Date;
}

const hourMs = 3_600_000;

export function buildSite(outlet: DemoOutlet, origin: string, now: Date): Site {
  const builtAt = new Date(Math.floor(now.getTime() / hourMs) * hourMs);
  const articles = outlet.articles
    .map((article) => placeArticle(outlet, origin, article, builtAt))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  return { outlet, origin, articles, feedUrl: origin + outlet.feed.path, builtAt };
}

function placeArticle(outlet: DemoOutlet, origin: string, article: DemoArticle, builtAt: Date): SiteArticle {
  const path = outlet.articlePath.replace('{section}', article.sectionSlug).replace('{slug}', article.slug);
  // A minute offset derived from the slug, so times read 09:34 rather than a row of round hours.
  const minutes = minuteOffset(article.slug);
  const publishedAt = new Date(builtAt.getTime() - article.hoursAgo * hourMs + minutes * 60_000 - hourMs);
  return { ...article, path, url: origin + path, publishedAt, imageUrl: `${origin}/img/${article.image.file}` };
}

function minuteOffset(text: string): number {
  let sum = 0;
  for (const char of text) sum = (sum * 31 + char.charCodeAt(0)) % 9973;
  return sum % 60;
}

export function articleBySlug(site: Site, slug: string): SiteArticle | undefined {
  return site.articles.find((a) => a.slug === slug);
}

/** Path of a section's index page in this outlet's URL style. */
export function sectionPath(outlet: DemoOutlet, sectionSlug: string): string {
  if (outlet.template === 'diario') return `/seccion/${sectionSlug}`;
  if (outlet.template === 'gaceta') return `/noticias/${sectionSlug}/`;
  return `/${sectionSlug}/`;
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
