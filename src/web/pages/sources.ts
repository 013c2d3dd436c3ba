/** `/sources`: every followed source with its fetch health, so readers and operators see what is stale. */
import { timeTag } from '../format.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { languageName } from '../language-names.js';
import { layout, type SiteContext } from '../layout.js';
import type { SourceView } from '../site-data.js';

function health(source: SourceView, site: SiteContext): SafeHtml {
  const last = source.lastSuccessAt
    ? html`Last fetched ${timeTag(source.lastSuccessAt, site.language)}`
    : html`Never fetched`;
  if (!source.errorCount) return html`${last}`;
  const code = source.lastErrorCode ? html`<code>${source.lastErrorCode}</code> ` : '';
  const plural = source.errorCount === 1 ? 'error' : 'errors';
  return html`${last}<br><strong>${source.errorCount} ${plural}</strong>${source.lastError || code ? html`: ${code}${source.lastError ?? ''}` : ''}`;
}

function sourceRow(source: SourceView, site: SiteContext): SafeHtml {
  const link = safeUrl(source.url);
  const home = link ? html`<br><a class="meta" href="${link}" rel="noopener">publisher's site</a>` : '';
  return html`<tr>
<td><a href="/source/${source.id}">${source.name}</a>${home}</td>
<td>${source.language ? languageName(source.language, site.language) : '—'}</td>
<td>${source.articleCount}</td>
<td>${health(source, site)}</td>
</tr>`;
}

export function sourcesPage(site: SiteContext, sources: SourceView[]): SafeHtml {
  const body = sources.length
    ? html`<table class="sources">
<thead><tr><th scope="col">Source</th><th scope="col">Language</th><th scope="col">Articles</th><th scope="col">Fetch health</th></tr></thead>
<tbody>${sources.map((s) => sourceRow(s, site))}</tbody>
</table>`
    : html`<p>No sources yet.</p>`;
  return layout(site, {
    title: 'Sources',
    canonicalUrl: `${site.siteUrl}/sources`,
    body: html`<h1>Sources</h1><p>${sources.length} followed ${sources.length === 1 ? 'source' : 'sources'}.</p>${body}`,
  });
}
