/** Head metadata and small blocks every demo template prints, whatever its markup style. */
import { escapeHtml, jsonForScript, stripTags } from '../html.js';
import { articleBySlug, type Site, type SiteArticle } from '../site.js';

const feedTypes = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  'json-feed': 'application/feed+json',
} as const;

/** <link rel=alternate> for the outlet's feed, so feed autodiscovery works (sitemaps are not advertised). */
export function feedLink(site: Site): string {
  const format = site.outlet.feed.format;
  if (format === 'news-sitemap') return '';
  return `<link rel="alternate" type="${feedTypes[format]}" title="${escapeHtml(site.outlet.feed.title)}" href="${site.feedUrl}">`;
}

/** Open Graph, article:* and a JSON-LD NewsArticle, as news CMSs print them. */
export function articleMeta(site: Site, article: SiteArticle): string {
  const { outlet } = site;
  const iso = article.publishedAt.toISOString();
  const og = [
    ['og:type', 'article'],
    ['og:title', article.headline],
    ['og:description', article.standfirst],
    ['og:image', article.imageUrl],
    ['og:url', article.url],
    ['og:site_name', outlet.name],
    ['og:locale', outlet.locale],
    ['article:published_time', iso],
    ['article:section', article.section],
    ...article.tags.map((tag) => ['article:tag', tag]),
  ];
  return [
    `<meta name="description" content="${escapeHtml(article.standfirst)}">`,
    `<link rel="canonical" href="${article.url}">`,
    ...og.map(([p, c]) => `<meta property="${p}" content="${escapeHtml(c ?? '')}">`),
    `<meta name="twitter:card" content="summary_large_image">`,
    `<script type="application/ld+json">${jsonForScript(newsArticleJsonLd(site, article))}</script>`,
  ].join('\n');
}

function newsArticleJsonLd(site: Site, article: SiteArticle): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.standfirst,
    image: [article.imageUrl],
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.publishedAt.toISOString(),
    // Agency copy is signed by an organisation, not a person.
    author: [{ '@type': article.syndicated ? 'Organization' : 'Person', name: article.author }],
    publisher: {
      '@type': 'Organization',
      name: site.outlet.name,
      logo: { '@type': 'ImageObject', url: `${site.origin}/img/logo.png` },
    },
    mainEntityOfPage: article.url,
    inLanguage: site.outlet.language,
    articleSection: article.section,
    wordCount: article.paragraphs.map(stripTags).join(' ').split(/\s+/).length,
  };
}

/** The two sibling articles a "read also" box links to. */
export function readAlsoLinks(site: Site, article: SiteArticle): SiteArticle[] {
  const slugs = article.readAlso?.slugs ?? [];
  return slugs.map((slug) => articleBySlug(site, slug)).filter((a): a is SiteArticle => a !== undefined);
}

/** "Most read": the other articles, in a fixed order unrelated to dates (as real counters are). */
export function mostRead(site: Site, current?: SiteArticle): SiteArticle[] {
  return [...site.articles]
    .filter((a) => a !== current)
    .sort((a, b) => a.slug.length - b.slug.length)
    .slice(0, 5);
}

export function shareLinks(article: SiteArticle, labels: [string, string, string]): { label: string; href: string }[] {
  const url = encodeURIComponent(article.url);
  const text = encodeURIComponent(article.headline);
  return [
    { label: labels[0], href: `https://www.facebook.com/sharer/sharer.php?u=${url}` },
    { label: labels[1], href: `https://x.com/intent/post?url=${url}&text=${text}` },
    { label: labels[2], href: `#copiar` },
  ];
}

/** A little CSS so the demo looks like a newspaper to a newcomer; class names differ per template. */
export const baseStyle = `<style>
body{font-family:Georgia,serif;margin:0;color:#222;background:#fafafa}
header,main,footer,nav,section{max-width:860px;margin:0 auto;padding:0 16px}
h1{font-size:2.1em;line-height:1.15}a{color:#0b4f8a}img{max-width:100%;height:auto;background:#ccd}
aside{border-left:4px solid #0b4f8a;padding:4px 12px;margin:16px 0;background:#eef}
footer{font-size:.85em;color:#555;border-top:1px solid #ccc;margin-top:32px}
</style>`;
