/**
 * La Gaceta del Norte's templates: a different CMS from El Diario del Sur (div soup with "gdn-"
 * classes, microdata, an ordered-list breadcrumb, a comments block, tags above the body), so that
 * nothing site-specific learned on one outlet carries over to the other by accident.
 */
import { escapeHtml, formatLocalDate } from '../html.js';
import { sectionPath, slugify, type Site, type SiteArticle } from '../site.js';
import { articleMeta, baseStyle, feedLink, mostRead, readAlsoLinks, shareLinks } from './shared.js';

function chrome(site: Site, title: string, head: string, content: string): string {
  const { outlet } = site;
  const l = outlet.labels;
  const menu = outlet.menu
    .map((s) => `<a class="gdn-menu__item" href="${sectionPath(outlet, slugify(s))}">${escapeHtml(s)}</a>`)
    .join('\n');
  const visto = mostRead(site)
    .map(
      (a, i) =>
        `<div class="gdn-rank"><span class="gdn-rank__n">${i + 1}</span><a href="${a.path}">${escapeHtml(a.headline)}</a></div>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="es-ES">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${escapeHtml(title)}</title>
${head}
${feedLink(site)}
${baseStyle}
</head>
<body>
<div id="page">
<a href="#gdn-main" class="gdn-skip">${l.skip}</a>
<div class="gdn-topbar"><span class="gdn-topbar__date">Edición Norte</span> <a href="/suscripciones">Suscríbete</a> <a href="/login">Iniciar sesión</a></div>
<div class="gdn-brand"><a href="/"><span class="gdn-brand__name">${escapeHtml(outlet.name)}</span></a></div>
<div class="gdn-menu" role="navigation">${menu}</div>
<div id="gdn-main" class="gdn-layout">
<div class="gdn-layout__content">
${content}
</div>
<div class="gdn-layout__sidebar"><div class="gdn-widget gdn-widget--ranking"><div class="gdn-widget__title">${l.mostRead}</div>${visto}</div>
<div class="gdn-widget gdn-widget--ad">Publicidad</div></div>
</div>
<div class="gdn-newsletter"><div class="gdn-newsletter__title">${l.newsletter}</div><form action="/newsletter/alta" method="post"><input type="email" name="correo" aria-label="Correo"><input type="submit" value="${l.newsletterButton}"></form></div>
<div class="gdn-footer"><div class="gdn-footer__links"><a href="/quienes-somos">Quiénes somos</a> | <a href="/publicidad">Publicidad</a> | <a href="/cookies">Cookies</a></div>
<div class="gdn-footer__copy">${escapeHtml(outlet.name)} S.L. ${l.rights}</div><div class="gdn-footer__demo">${l.demoNotice}</div></div>
<div id="gdn-cookies" class="gdn-consent"><div class="gdn-consent__text">${l.cookies}</div><a class="gdn-consent__ok" href="#">${l.cookiesAccept}</a></div>
</div>
</body>
</html>
`;
}

function breadcrumb(site: Site, section: string): string {
  const items = [
    [site.outlet.labels.home, '/'],
    [section, sectionPath(site.outlet, slugify(section))],
  ];
  const li = items.map(
    ([name, href], i) =>
      `<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="${href}"><span itemprop="name">${escapeHtml(name ?? '')}</span></a><meta itemprop="position" content="${i + 1}"></li>`,
  );
  return `<ol class="gdn-breadcrumbs" itemscope itemtype="https://schema.org/BreadcrumbList">${li.join('')}</ol>`;
}

function body(site: Site, article: SiteArticle): string {
  const related = readAlsoLinks(site, article)
    .map((a) => `<a class="gdn-related__link" href="${a.path}">${escapeHtml(a.headline)}</a>`)
    .join('');
  return article.paragraphs
    .map((p, i) => {
      const paragraph = `<p class="gdn-p">${p}</p>`;
      if (i !== article.readAlso?.after || !related) return paragraph;
      return `${paragraph}\n<div class="gdn-related"><span class="gdn-related__title">${site.outlet.labels.readAlso}</span>${related}</div>`;
    })
    .join('\n');
}

export function gacetaArticle(site: Site, article: SiteArticle): string {
  const { outlet } = site;
  const l = outlet.labels;
  const share = shareLinks(article, l.share)
    .map((s) => `<a class="gdn-share__btn" href="${s.href}" aria-label="${s.label}" title="${s.label}">${s.label}</a>`)
    .join('');
  const tags = article.tags.map((t) => `<a href="/temas/${slugify(t)}" rel="tag">${escapeHtml(t)}</a>`).join(', ');
  const content = `${breadcrumb(site, article.section)}
<div class="gdn-article" itemscope itemtype="https://schema.org/NewsArticle">
<div class="gdn-tags">Temas: ${tags}</div>
<h1 class="gdn-title" itemprop="headline">${escapeHtml(article.headline)}</h1>
<h2 class="gdn-subtitle" itemprop="description">${escapeHtml(article.standfirst)}</h2>
<div class="gdn-signature"><span class="gdn-signature__author" itemprop="author">${escapeHtml(article.author)}</span> | <span class="gdn-signature__place">Bilbao</span> | <time class="gdn-signature__date" itemprop="datePublished" datetime="${article.publishedAt.toISOString()}">${formatLocalDate(article.publishedAt, outlet.locale, outlet.timeZone)}</time></div>
<div class="gdn-share">${share}</div>
<div class="gdn-media"><img itemprop="image" src="/img/${article.image.file}" alt="${escapeHtml(article.image.alt)}"><div class="gdn-media__caption">${escapeHtml(article.image.caption)} / ${escapeHtml(article.image.credit)}</div></div>
<section class="gdn-body" itemprop="articleBody">
${body(site, article)}
</section>
<div class="gdn-comments"><div class="gdn-comments__title">Comentarios (12)</div><p>Para comentar es necesario estar registrado en La Gaceta del Norte.</p></div>
</div>`;
  return chrome(site, `${article.headline} - ${outlet.name}`, articleMeta(site, article), content);
}

export function gacetaIndex(site: Site, heading: string, articles: SiteArticle[]): string {
  const cards = articles
    .map(
      (a) =>
        `<div class="gdn-card"><a class="gdn-card__title" href="${a.path}">${escapeHtml(a.headline)}</a><div class="gdn-card__sub">${escapeHtml(a.standfirst)}</div></div>`,
    )
    .join('\n');
  const content = `${breadcrumb(site, heading)}\n<div class="gdn-section-title">${escapeHtml(heading)}</div>\n${cards}`;
  return chrome(site, `${heading} - ${site.outlet.name}`, '', content);
}
