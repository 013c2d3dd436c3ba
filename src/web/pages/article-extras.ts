/**
 * The parts of an article page around the text: share links (plain links: no third-party script,
 * no tracker, nothing loaded until the reader clicks), "Read too", entity chips, and the metadata
 * for link previews and search engines (Open Graph, JSON-LD) describing our page.
 */
import { html, raw, safeUrl, type SafeHtml } from '../html.js';
import type { SiteContext } from '../layout.js';
import type { ArticleSummary, ArticleView, EntityChip } from '../site-data.js';
import { articleItem } from './front.js';

export interface ShareTarget {
  name: string;
  href: string;
}

/** Share addresses of the services readers ask for; each only receives what the reader sends it. */
export function shareTargets(url: string, title: string): ShareTarget[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const both = encodeURIComponent(`${title} ${url}`);
  return [
    { name: 'E-mail', href: `mailto:?subject=${t}&body=${u}` },
    // Mastodon has no single server: this open share page asks the reader for theirs.
    { name: 'Mastodon', href: `https://mastodonshare.com/?text=${t}&url=${u}` },
    { name: 'X', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${both}` },
  ];
}

/** "Copy link" is a read-only field (select and copy, no script), then one link per service. */
export function shareLinks(url: string, title: string): SafeHtml {
  const items = shareTargets(url, title).map(
    (s) => html`<li><a href="${s.href}" rel="noopener noreferrer nofollow">${s.name}</a></li>`,
  );
  return html`<section aria-labelledby="share" class="share"><h2 id="share">Share</h2>
<p><label for="share-link">Copy link</label> <input id="share-link" class="share-link" type="url" readonly value="${url}"></p>
<ul class="share-links">${items}</ul></section>`;
}

export function readToo(site: SiteContext, articles: ArticleSummary[]): SafeHtml {
  if (!articles.length) return html``;
  return html`<section aria-labelledby="read-too"><h2 id="read-too">Related</h2><ol class="list compact">${articles.map((a) => articleItem(a, site, 3))}</ol></section>`;
}

export function entityChips(entities: EntityChip[]): SafeHtml {
  if (!entities.length) return html``;
  return html`<nav aria-label="People, places and organisations"><ul class="chips">${entities.map((e) => html`<li><a href="${e.pagePath}">${e.name}</a></li>`)}</ul></nav>`;
}

/** JSON for a <script type="application/ld+json"> block: "<" escaped so no text can close the element. */
export function jsonLdBlock(value: unknown): SafeHtml {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return raw(`<script type="application/ld+json">${json}</script>`);
}

/** Open Graph and JSON-LD for our page of the article (the original is named as its basis). */
export function articleMeta(site: SiteContext, article: ArticleView, title: string, pageUrl: string): SafeHtml {
  const image = safeUrl(article.image);
  const published =
    article.publishedAt && !Number.isNaN(Date.parse(article.publishedAt))
      ? new Date(article.publishedAt).toISOString()
      : null;
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    url: pageUrl,
    mainEntityOfPage: pageUrl,
    inLanguage: article.translation?.language ?? article.original.language ?? undefined,
    datePublished: published ?? undefined,
    image: image ?? undefined,
    author: article.byline ? { '@type': 'Person', name: article.byline } : undefined,
    publisher: { '@type': 'Organization', name: article.site },
    isBasedOn: safeUrl(article.url) ?? undefined,
    description: article.lead ?? undefined,
  };
  return html`<meta property="og:type" content="article">
<meta property="og:site_name" content="${site.siteName}">
<meta property="og:title" content="${title}">
<meta property="og:url" content="${pageUrl}">
${article.lead ? html`<meta property="og:description" content="${article.lead}">` : ''}
${image ? html`<meta property="og:image" content="${image}">` : ''}
${published ? html`<meta property="article:published_time" content="${published}">` : ''}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
${jsonLdBlock(ld)}`;
}
