/**
 * The outlets' feeds, one format each: RSS 2.0, Atom 1.0, a Google News sitemap and JSON Feed 1.1,
 * written with the namespaces and fields real news CMSs emit.
 */
import { absolutize, escapeHtml as xml, stripTags } from './html.js';
import type { Site, SiteArticle } from './site.js';

export interface FeedDocument {
  body: string;
  contentType: string;
}

export function renderFeed(site: Site): FeedDocument {
  switch (site.outlet.feed.format) {
    case 'rss':
      return { body: rss(site), contentType: 'application/rss+xml; charset=utf-8' };
    case 'atom':
      return { body: atom(site), contentType: 'application/atom+xml; charset=utf-8' };
    case 'news-sitemap':
      return { body: newsSitemap(site), contentType: 'application/xml; charset=utf-8' };
    case 'json-feed':
      return { body: jsonFeed(site), contentType: 'application/feed+json; charset=utf-8' };
  }
}

/** The newest article's date: what the feed's Last-Modified says. */
export function feedUpdatedAt(site: Site): Date {
  return site.articles[0]?.publishedAt ?? site.builtAt;
}

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const fullHtml = (site: Site, a: SiteArticle) =>
  a.paragraphs.map((p) => `<p>${absolutize(p, site.origin)}</p>`).join('');

function rss(site: Site): string {
  const { outlet } = site;
  const items = site.articles.map(
    (a) => `<item>
<title>${xml(a.headline)}</title>
<link>${a.url}</link>
<guid isPermaLink="true">${a.url}</guid>
<pubDate>${a.publishedAt.toUTCString()}</pubDate>
<dc:creator>${xml(a.author)}</dc:creator>
<category>${xml(a.section)}</category>
<description>${xml(a.standfirst)}</description>
${outlet.feed.fullContent ? `<content:encoded>${cdata(fullHtml(site, a))}</content:encoded>\n` : ''}<media:content url="${a.imageUrl}" medium="image" type="image/jpeg"/>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>${xml(outlet.feed.title)}</title>
<link>${site.origin}/</link>
<description>${xml(outlet.feed.description)}</description>
<language>${outlet.locale.replace('_', '-').toLowerCase()}</language>
<lastBuildDate>${feedUpdatedAt(site).toUTCString()}</lastBuildDate>
<atom:link href="${site.feedUrl}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`;
}

function atom(site: Site): string {
  const { outlet } = site;
  const host = new URL(site.origin).host.replace(/:.*/, '');
  const entries = site.articles.map(
    (a) => `<entry>
<id>tag:${host},2026:${a.slug}</id>
<title type="text">${xml(a.headline)}</title>
<link rel="alternate" type="text/html" href="${a.url}"/>
<published>${a.publishedAt.toISOString()}</published>
<updated>${a.publishedAt.toISOString()}</updated>
<author><name>${xml(a.author)}</name></author>
<category term="${xml(a.section)}"/>
<summary type="text">${xml(a.standfirst)}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${outlet.language}">
<id>${site.origin}/</id>
<title>${xml(outlet.feed.title)}</title>
<subtitle>${xml(outlet.feed.description)}</subtitle>
<updated>${feedUpdatedAt(site).toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${site.feedUrl}"/>
<link rel="alternate" type="text/html" href="${site.origin}/"/>
${entries.join('\n')}
</feed>
`;
}

function newsSitemap(site: Site): string {
  const { outlet } = site;
  const urls = site.articles.map(
    (a) => `<url>
<loc>${a.url}</loc>
<news:news>
<news:publication><news:name>${xml(outlet.name)}</news:name><news:language>${outlet.language}</news:language></news:publication>
<news:publication_date>${a.publishedAt.toISOString()}</news:publication_date>
<news:title>${xml(a.headline)}</news:title>
</news:news>
<image:image><image:loc>${a.imageUrl}</image:loc></image:image>
</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
${urls.join('\n')}
</urlset>
`;
}

function jsonFeed(site: Site): string {
  const { outlet } = site;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: outlet.feed.title,
    home_page_url: `${site.origin}/`,
    feed_url: site.feedUrl,
    description: outlet.feed.description,
    language: outlet.locale.replace('_', '-'),
    items: site.articles.map((a) => ({
      id: a.url,
      url: a.url,
      title: a.headline,
      summary: a.standfirst,
      content_html: fullHtml(site, a),
      content_text: a.paragraphs.map(stripTags).join('\n\n'),
      image: a.imageUrl,
      date_published: a.publishedAt.toISOString(),
      authors: [{ name: a.author }],
      tags: a.tags,
      language: outlet.language,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
