/**
 * `/article/:id/:slug`: one article. The headline once (h1), subtitle, byline, date, the source
 * with a link to the original, the lead image, the text (translation, original or both), where
 * the translation came from, who else carried it, and the source's own related links.
 */
import { timeTag } from '../format.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { languageName, sameLanguage } from '../language-names.js';
import { layout, type SiteContext } from '../layout.js';
import { sectionLabel } from '../section-labels.js';
import { normalSectionName } from '../section-taxonomy.js';
import type { ArticleSummary, ArticleView, EntityChip } from '../site-data.js';
import { articleMeta, entityChips, readToo, shareLinks } from './article-extras.js';
import { nameRepairNote, provenance } from './provenance.js';
import { bilingualText, langAttributes, singleText, viewSwitch, type TextView } from './article-text.js';

export interface ArticlePageModel {
  article: ArticleView;
  view: TextView;
  translationNote: string | null;
  readToo?: ArticleSummary[];
  entities?: EntityChip[];
  /** Public mode and a source that allows excerpts only: title, lead and the link, no more. */
  excerptOnly?: boolean;
}

export function articlePage(site: SiteContext, model: ArticlePageModel): SafeHtml {
  const { article, view } = model;
  const title = headline(article, view).title;
  const pageUrl = `${site.siteUrl}${article.pagePath}`;
  const text = model.excerptOnly
    ? excerpt(article, view)
    : html`${viewSwitch(article, view)}
${leadImage(site, article, view)}
${articleText(site, article, view)}
${teaserNote(article)}`;
  return layout(site, {
    title,
    description: article.lead,
    canonicalUrl: pageUrl,
    head: articleMeta(site, article, title, pageUrl),
    body: html`<article>
${articleHeader(site, article, view)}
${languageNote(site, model)}
${text}
${entityChips(model.entities ?? [])}
${tagList(site, article, view)}
</article>
${shareLinks(pageUrl, title)}
${readToo(site, model.readToo ?? [])}
${carriedBy(site, article)}
${relatedLinks(article)}`,
  });
}

/** The lead only, with the way to the whole article at its publisher. */
function excerpt(article: ArticleView, view: TextView): SafeHtml {
  const text = view !== 'original' && article.translation ? article.translation : article.original;
  const lead = text.paragraphs[0] ?? article.lead ?? '';
  const language =
    view !== 'original' && article.translation ? article.translation.language : article.original.language;
  const link = safeUrl(article.url);
  return html`<div class="body"${langAttributes(language)}><p>${lead}</p></div>
<p class="note">${article.site} publishes this article in full on its own site. ${link ? html`<a href="${link}" rel="noopener">Read the whole article on ${article.site}</a>.` : ''}</p>`;
}

/** The headline in the language of the view; the side-by-side view leads with the translation. */
function headline(
  article: ArticleView,
  view: TextView,
): { title: string; subtitle: string | null; language: string | null } {
  const t = view === 'original' ? null : article.translation;
  return t
    ? { title: t.title, subtitle: t.subtitle, language: t.language }
    : { title: article.original.title, subtitle: article.original.subtitle, language: article.original.language };
}

function articleHeader(site: SiteContext, article: ArticleView, view: TextView): SafeHtml {
  const h = headline(article, view);
  const link = safeUrl(article.url);
  const source = link ? html`<a href="${link}" rel="noopener">${article.site}</a>` : html`${article.site}`;
  return html`<header>
<h1${langAttributes(h.language)}>${h.title}</h1>
${h.subtitle ? html`<p class="subtitle"${langAttributes(h.language)}>${h.subtitle}</p>` : ''}
${article.byline ? html`<p class="byline">${article.byline}</p>` : ''}
<p class="meta">${article.publishedAt ? html`${timeTag(article.publishedAt, site.language)} · ` : ''}Source: ${source}${sourcePageLink(article)}${sectionLine(site, article)}</p>
</header>`;
}

/** " (all its articles)": the source's page on this site, beside the link to the original. */
function sourcePageLink(article: ArticleView): SafeHtml {
  return article.sourceId
    ? html` (<a href="/source/${article.sourceId}">all from ${article.sourceName ?? article.site}</a>)`
    : html``;
}

/** " · Section: Sport (their section: Deportes)": the site's section, and the publisher's own name for it. */
function sectionLine(site: SiteContext, article: ArticleView): SafeHtml {
  const own = article.section;
  const key = article.siteSection;
  if (!key && !own) return html``;
  const label = key ? sectionLabel(key, site.language) : null;
  const theirs =
    own && (!label || normalSectionName(own) !== normalSectionName(label))
      ? html`${label ? ' (' : ''}<span${langAttributes(article.original.language)}>${own}</span>${label ? ` at ${article.site})` : ` at ${article.site}`}`
      : '';
  return html` · Section: ${key ? html`<a href="/section/${key}">${label}</a>` : ''}${theirs}`;
}

/** Says where the text came from: who translated it, or why it is shown untranslated. */
function languageNote(site: SiteContext, model: ArticlePageModel): SafeHtml {
  const { article, view } = model;
  const from = article.original.language;
  if (article.translation) {
    const line = provenance(article.translation, from, site.language);
    const extra = view === 'original' ? ' The original text is shown.' : ' Machine translation may contain mistakes.';
    const names = view === 'original' ? '' : nameRepairNote(article.translation);
    return html`<p class="note">${line}.${extra}${names ? ` ${names}` : ''}</p>`;
  }
  if (!from || sameLanguage(from, site.language)) return html``;
  const why = model.translationNote ? html` ${model.translationNote}` : '';
  return html`<p class="note">This article is shown in its original language, ${languageName(from, site.language)}; no translation is available.${why}</p>`;
}

function articleText(site: SiteContext, article: ArticleView, view: TextView): SafeHtml {
  if (view === 'both' && article.translation) return bilingualText(article, article.translation, site.language);
  return singleText(article, view === 'both' ? 'translation' : view, site.images);
}

/** Image file names ("IMG_2041.jpg") are not captions; readers and screen readers get nothing from them. */
const FILE_NAME = /^[\w\-. ()]+\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$/i;

/** A file name written into a caption ("IMG_2041.jpg Foto: J. Pérez"), as a whole word. */
const FILE_NAME_WORD = /(^|\s)[\w\-.]+\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)(?=\s|$)/gi;

export function usableCaption(caption: string | null, image: string | null): string | null {
  const whole = caption?.trim();
  if (!whole || FILE_NAME.test(whole) || whole === fileNameOf(image)) return null;
  const text = whole.replace(FILE_NAME_WORD, '$1').replace(/\s+/g, ' ').trim();
  return text && /\p{L}/u.test(text) ? text : null;
}

function fileNameOf(url: string | null): string {
  const last = url?.split(/[?#]/)[0]?.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * The lead image in a fixed 16:9 box (width/height attributes plus CSS aspect-ratio) so the text
 * never jumps when it loads, served from this site (images/images.ts); left out until it is cached.
 */
function leadImage(site: SiteContext, article: ArticleView, view: TextView): SafeHtml {
  const src = site.images?.src(safeUrl(article.image), 800);
  if (!src) return html``;
  // The caption in the reader's language when it was translated (not in the original view), else as the source wrote it.
  const translated =
    view === 'original' ? null : usableCaption(article.translation?.imageCaption ?? null, article.image);
  const caption = translated ?? usableCaption(article.imageCaption, article.image);
  const language = translated && article.translation ? article.translation.language : article.original.language;
  return html`<figure${langAttributes(language)}>
<img class="lead-image" src="${src}" alt="${caption ?? ''}" width="800" height="450" decoding="async">
${caption ? html`<figcaption>${caption}</figcaption>` : ''}
</figure>`;
}

function teaserNote(article: ArticleView): SafeHtml {
  if (!article.isTeaser) return html``;
  const link = safeUrl(article.url);
  return html`<p class="note">This is only the beginning of the article. ${link ? html`<a href="${link}" rel="noopener">Read the whole article on ${article.site}</a>.` : ''}</p>`;
}

/**
 * The publisher's tags, in the original's language: shown where the text is (the original view, or
 * an article in the site's language). A translated view shows no line in another language under its
 * entity chips (which are the site-language way to the same people and places); tags are not translated.
 */
function tagList(site: SiteContext, article: ArticleView, view: TextView): SafeHtml {
  if (!article.tags.length) return html``;
  const from = article.original.language;
  const translatedView = view !== 'original' && !!article.translation;
  if (translatedView && from && !sameLanguage(from, site.language)) return html``;
  const label = from && !sameLanguage(from, site.language) ? `Tags (${languageName(from, site.language)})` : 'Tags';
  return html`<p class="meta">${label}: <span${langAttributes(from)}>${article.tags.join(', ')}</span></p>`;
}

/** Other outlets that carried the same article (syndicated copies), the first one marked. */
function carriedBy(site: SiteContext, article: ArticleView): SafeHtml {
  const others = article.carriers.filter((c) => c.url !== article.url && safeUrl(c.url));
  if (!others.length) return html``;
  const items = others.map(
    (c) =>
      html`<li><a href="${safeUrl(c.url)}" rel="noopener">${c.sourceName}</a>${c.sourceId ? html` (<a href="/source/${c.sourceId}">source page</a>)` : ''} <span class="meta">${timeTag(c.seenAt, site.language)}${c.isFirst ? ' · first seen' : ''}</span></li>`,
  );
  return html`<section aria-labelledby="carried-by"><h2 id="carried-by">Also carried by</h2><ul>${items}</ul></section>`;
}

function relatedLinks(article: ArticleView): SafeHtml {
  const links = article.related.filter((r) => safeUrl(r.url));
  if (!links.length) return html``;
  const items = links.map(
    (r) =>
      html`<li><a href="${safeUrl(r.url)}" rel="noopener"${langAttributes(article.original.language)}>${r.title}</a></li>`,
  );
  return html`<section aria-labelledby="from-source"><h2 id="from-source">From the source</h2><ul>${items}</ul></section>`;
}
