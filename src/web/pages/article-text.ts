/**
 * The text of an article in one of three views: the translation, the original, or both side by
 * side (paragraphs aligned by index, each column marked with its language and direction).
 */
import { html, raw, type SafeHtml } from '../html.js';
import { withOurImages } from '../images/body-images.js';
import type { ImageLinks } from '../images/images.js';
import { languageName, textDirection } from '../language-names.js';
import type { ArticleView, TranslationText } from '../site-data.js';
import { translatorName } from './provenance.js';

export type TextView = 'translation' | 'original' | 'both';

const VIEWS: readonly TextView[] = ['translation', 'original', 'both'];

/** The view asked for, when the article has a translation to offer; the original otherwise. */
export function chooseTextView(requested: string | undefined, article: ArticleView): TextView {
  if (!article.translation) return 'original';
  return VIEWS.find((v) => v === requested) ?? 'translation';
}

/** ` lang="es" dir="ltr"`, or nothing when the language is unknown. */
export function langAttributes(language: string | null | undefined): SafeHtml {
  return language ? html` lang="${language}" dir="${textDirection(language)}"` : html``;
}

/** Sanitized HTML when there is some (its images served from this site), else the plain paragraphs (escaped). */
function bodyHtml(text: { html: string; paragraphs: string[] }, images?: ImageLinks): SafeHtml {
  if (text.html.trim()) return raw(withOurImages(text.html, images));
  return html`${text.paragraphs.map((p) => html`<p>${p}</p>`)}`;
}

export function singleText(article: ArticleView, view: 'translation' | 'original', images?: ImageLinks): SafeHtml {
  const text = view === 'translation' && article.translation ? article.translation : article.original;
  return html`<div class="body"${langAttributes(text.language)}>${bodyHtml(text, images)}</div>`;
}

function cell(text: string, language: string | null): SafeHtml {
  return html`<td${langAttributes(language)}>${text}</td>`;
}

/** Both texts as a two-column table, one row per paragraph index; a missing side stays empty. */
export function bilingualText(article: ArticleView, translation: TranslationText, siteLanguage: string): SafeHtml {
  const from = article.original.language;
  const to = translation.language;
  const rows = Math.max(article.original.paragraphs.length, translation.paragraphs.length);
  const body: SafeHtml[] = [];
  for (let i = 0; i < rows; i += 1) {
    body.push(
      html`<tr>${cell(article.original.paragraphs[i] ?? '', from)}${cell(translation.paragraphs[i] ?? '', to)}</tr>`,
    );
  }
  const fromName = from ? languageName(from, siteLanguage) : 'Original';
  // The column says who translated it, and through which language when a pivot was used.
  const via = translation.via ? `, via ${languageName(translation.via, siteLanguage)}` : '';
  return html`<table class="bilingual">
<caption class="meta">Original and translation by ${translatorName(translation)}, paragraph by paragraph</caption>
<colgroup><col${langAttributes(from)}><col${langAttributes(to)}></colgroup>
<thead><tr><th scope="col"${langAttributes(siteLanguage)}>${fromName} (original)</th><th scope="col"${langAttributes(siteLanguage)}>${languageName(to, siteLanguage)} (translation${via})</th></tr></thead>
<tbody>
<tr class="titles">${cell(article.original.title, from)}${cell(translation.title, to)}</tr>
${article.original.subtitle || translation.subtitle ? html`<tr class="subtitles">${cell(article.original.subtitle ?? '', from)}${cell(translation.subtitle ?? '', to)}</tr>` : ''}
${body}
</tbody>
</table>`;
}

/** Links to the three views; the current one is marked for screen readers and styled as text. */
export function viewSwitch(article: ArticleView, current: TextView): SafeHtml {
  if (!article.translation) return html``;
  const labels: Record<TextView, string> = { translation: 'Translation', original: 'Original', both: 'Side by side' };
  const items = VIEWS.map((v) => {
    const current_ = v === current ? html` aria-current="page"` : '';
    return html`<li><a href="${article.pagePath}?view=${v}"${current_}>${labels[v]}</a></li>`;
  });
  return html`<nav aria-label="Text version"><ul class="views">${items}</ul></nav>`;
}
