/**
 * El Diario del Sur's templates: a classic Spanish news page with every piece of furniture
 * extraction must strip (skip link, cookie banner, menu, breadcrumb, share bar, "LEE TAMBIÉN" box
 * inside the body, "Lo más leído", newsletter form, footer).
 */
import { escapeHtml, formatLocalDate } from '../html.js';
import { sectionPath, slugify, type Site, type SiteArticle } from '../site.js';
import { articleMeta, baseStyle, feedLink, mostRead, readAlsoLinks, shareLinks } from './shared.js';

function chrome(site: Site, title: string, head: string, main: string, breadcrumb: string): string {
  const { outlet } = site;
  const l = outlet.labels;
  const menu = outlet.menu
    .map((s) => `<li><a href="${sectionPath(outlet, slugify(s))}">${escapeHtml(s)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${outlet.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${head}
${feedLink(site)}
${baseStyle}
</head>
<body class="diario">
<a class="skip-link" href="#contenido">${l.skip}</a>
<div class="cookie-banner" role="dialog" aria-label="Cookies"><p>${l.cookies}</p><button type="button">${l.cookiesAccept}</button> <a href="/privado/cookies.html">Más información</a></div>
<header class="site-header">
<a class="site-logo" href="/">${escapeHtml(outlet.name)}</a>
<nav class="main-menu" aria-label="Secciones"><ul>${menu}</ul></nav>
</header>
${breadcrumb}
<main id="contenido">
${main}
<aside class="most-read"><h2>${l.mostRead}</h2><ol>${mostRead(site)
    .map((a) => `<li><a href="${a.path}">${escapeHtml(a.headline)}</a></li>`)
    .join('')}</ol></aside>
</main>
<section class="newsletter"><h2>${l.newsletter}</h2>
<form action="/boletin" method="post"><label>Correo electrónico <input type="email" name="email" placeholder="tu@correo.es"></label> <button type="submit">${l.newsletterButton}</button></form></section>
<footer class="site-footer">
<nav><a href="/aviso-legal">Aviso legal</a> · <a href="/privacidad">Política de privacidad</a> · <a href="/contacto">Contacto</a></nav>
<p>© ${site.builtAt.getUTCFullYear()} ${escapeHtml(outlet.name)}. ${l.rights}</p>
<p class="demo-notice">${l.demoNotice}</p>
</footer>
</body>
</html>
`;
}

function breadcrumb(site: Site, section: string): string {
  const home = site.outlet.labels.home;
  return `<nav class="breadcrumb" aria-label="Migas de pan"><a href="/">${home}</a> › <a href="${sectionPath(site.outlet, slugify(section))}">${escapeHtml(section)}</a></nav>`;
}

function body(site: Site, article: SiteArticle): string {
  const box = readAlsoLinks(site, article)
    .map((a) => `<li><a href="${a.path}">${escapeHtml(a.headline)}</a></li>`)
    .join('');
  const parts = article.paragraphs.map((p, i) => {
    const paragraph = `<p>${p}</p>`;
    if (i !== article.readAlso?.after || !box) return paragraph;
    return `${paragraph}\n<aside class="lee-tambien"><h3>${site.outlet.labels.readAlso}</h3><ul>${box}</ul></aside>`;
  });
  return parts.join('\n');
}

export function diarioArticle(site: Site, article: SiteArticle): string {
  const { outlet } = site;
  const l = outlet.labels;
  const share = shareLinks(article, l.share)
    .map((s) => `<li><a href="${s.href}" rel="nofollow">${s.label}</a></li>`)
    .join('');
  const tags = article.tags.map((t) => `<li><a href="/tema/${slugify(t)}">${escapeHtml(t)}</a></li>`).join('');
  const main = `<article class="noticia">
<header class="noticia-cabecera">
<p class="antetitulo">${escapeHtml(article.section)}</p>
<h1>${escapeHtml(article.headline)}</h1>
<p class="entradilla">${escapeHtml(article.standfirst)}</p>
<div class="firma"><span class="autor">${l.by} <a href="/autor/${slugify(article.author)}" rel="author">${escapeHtml(article.author)}</a></span>
<time datetime="${article.publishedAt.toISOString()}">${formatLocalDate(article.publishedAt, outlet.locale, outlet.timeZone)}</time></div>
<ul class="compartir">${share}</ul>
</header>
<figure class="foto-principal"><img src="/img/${article.image.file}" alt="${escapeHtml(article.image.alt)}" width="1200" height="675">
<figcaption>${escapeHtml(article.image.caption)} <span class="credito">${escapeHtml(article.image.credit)}</span></figcaption></figure>
<div class="cuerpo-noticia">
${body(site, article)}
</div>
<footer class="noticia-pie"><h2>Temas</h2><ul class="temas">${tags}</ul></footer>
</article>`;
  const title = `${article.headline} | ${article.section} | ${outlet.name}`;
  return chrome(site, title, articleMeta(site, article), main, breadcrumb(site, article.section));
}

export function diarioIndex(site: Site, heading: string, articles: SiteArticle[]): string {
  const teasers = articles
    .map(
      (
        a,
      ) => `<article class="teaser"><figure><img src="/img/${a.image.file}" alt="${escapeHtml(a.image.alt)}" width="400" height="225"></figure>
<h2><a href="${a.path}">${escapeHtml(a.headline)}</a></h2><p>${escapeHtml(a.standfirst)}</p>
<time datetime="${a.publishedAt.toISOString()}">${formatLocalDate(a.publishedAt, site.outlet.locale, site.outlet.timeZone)}</time></article>`,
    )
    .join('\n');
  const main = `<h1 class="seccion-titulo">${escapeHtml(heading)}</h1>\n<div class="lista-noticias">\n${teasers}\n</div>`;
  const title = heading === site.outlet.name ? heading : `${heading} | ${site.outlet.name}`;
  return chrome(
    site,
    title,
    `<meta property="og:site_name" content="${escapeHtml(site.outlet.name)}">`,
    main,
    breadcrumb(site, heading),
  );
}
