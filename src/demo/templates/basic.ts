/**
 * The template of the four smaller outlets (French, German, Portuguese, English): semantic HTML5,
 * furniture words in the outlet's language from its labels table.
 */
import { escapeHtml, formatLocalDate } from '../html.js';
import { sectionPath, slugify, type Site, type SiteArticle } from '../site.js';
import { articleMeta, baseStyle, feedLink, mostRead, shareLinks } from './shared.js';

function chrome(site: Site, title: string, head: string, main: string): string {
  const { outlet } = site;
  const l = outlet.labels;
  const menu = outlet.menu
    .map((s) => `<li><a href="${sectionPath(outlet, slugify(s))}">${escapeHtml(s)}</a></li>`)
    .join('');
  const popular = mostRead(site)
    .map((a) => `<li><a href="${a.path}">${escapeHtml(a.headline)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="${outlet.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title>
${head}
${feedLink(site)}
${baseStyle}
</head>
<body>
<a class="skip" href="#main">${l.skip}</a>
<header class="masthead"><p class="brand"><a href="/">${escapeHtml(outlet.name)}</a></p>
<nav class="sections"><ul>${menu}</ul></nav></header>
<main id="main">
${main}
<aside class="popular"><h2>${l.mostRead}</h2><ol>${popular}</ol></aside>
</main>
<section class="signup"><h2>${l.newsletter}</h2><form action="/newsletter" method="post"><input type="email" name="email"> <button>${l.newsletterButton}</button></form></section>
<footer><p>© ${escapeHtml(outlet.name)}. ${l.rights}</p><p>${l.demoNotice}</p></footer>
<div class="consent" role="dialog"><p>${l.cookies}</p><button>${l.cookiesAccept}</button></div>
</body>
</html>
`;
}

export function basicArticle(site: Site, article: SiteArticle): string {
  const { outlet } = site;
  const l = outlet.labels;
  const share = shareLinks(article, l.share)
    .map((s) => `<a href="${s.href}">${s.label}</a>`)
    .join(' ');
  const main = `<article>
<header>
<p class="section"><a href="${sectionPath(outlet, article.sectionSlug)}">${escapeHtml(article.section)}</a></p>
<h1>${escapeHtml(article.headline)}</h1>
<p class="dek">${escapeHtml(article.standfirst)}</p>
<p class="byline">${l.by} <span class="author">${escapeHtml(article.author)}</span>, <time datetime="${article.publishedAt.toISOString()}">${formatLocalDate(article.publishedAt, outlet.locale, outlet.timeZone)}</time></p>
<nav class="share">${share}</nav>
</header>
<figure><img src="/img/${article.image.file}" alt="${escapeHtml(article.image.alt)}"><figcaption>${escapeHtml(article.image.caption)} — ${escapeHtml(article.image.credit)}</figcaption></figure>
<div class="story-body">
${article.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</div>
</article>`;
  return chrome(site, `${article.headline} | ${article.section} | ${outlet.name}`, articleMeta(site, article), main);
}

export function basicIndex(site: Site, heading: string, articles: SiteArticle[]): string {
  const items = articles
    .map((a) => `<li><h2><a href="${a.path}">${escapeHtml(a.headline)}</a></h2><p>${escapeHtml(a.standfirst)}</p></li>`)
    .join('\n');
  return chrome(
    site,
    heading === site.outlet.name ? heading : `${heading} | ${site.outlet.name}`,
    '',
    `<h1>${escapeHtml(heading)}</h1>\n<ul class="river">\n${items}\n</ul>`,
  );
}
