/** The admin pages: login, and one dashboard (add/import sources, per-source settings, health, failed items). */
import { timeTag } from '../format.js';
import { MAX_OVERRIDES_LENGTH, overridesText, readOverrides } from '../section-overrides.js';
import { SECTION_KEYS } from '../section-taxonomy.js';
import { html, safeUrl, type SafeHtml } from '../html.js';
import { layout, type SiteContext } from '../layout.js';
import type { AdminItemError, AdminModel, AdminSource } from './admin-data.js';

/** Longest body selector accepted: real ones are a few classes deep. */
export const MAX_SELECTOR_LENGTH = 200;

const NOINDEX = html`<meta name="robots" content="noindex">`;

export function loginPage(site: SiteContext, message: string | null): SafeHtml {
  return layout(site, {
    title: 'Admin: log in',
    head: NOINDEX,
    body: html`<h1>Log in</h1>
${message ? html`<p class="note" role="alert">${message}</p>` : ''}
<form method="post" action="/admin/login">
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Log in</button></p>
</form>`,
  });
}

export interface DashboardModel {
  csrf: string;
  sources: AdminSource[];
  errors: AdminItemError[];
  translation: string[];
  /** Which engine serves each language pair. */
  routes: string[];
  models: AdminModel[];
  message: string | null;
}

function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${csrf}">`;
}

function checkbox(id: string, name: string, label: string, checked: boolean): SafeHtml {
  return html`<input type="checkbox" id="${id}" name="${name}" value="1"${checked ? ' checked' : ''}> <label for="${id}">${label}</label>`;
}

function sourceRow(s: AdminSource, csrf: string, site: SiteContext): SafeHtml {
  const p = `s${s.id}`;
  const health = s.errorCount
    ? html`<strong>${s.errorCount} errors</strong>${s.lastErrorCode ? html` <code>${s.lastErrorCode}</code>` : ''} ${s.lastError ?? ''}`
    : html`${s.lastSuccessAt ? html`OK, ${timeTag(s.lastSuccessAt, site.language)}` : 'not fetched yet'}${
        // With no error counted, the last error is a poll's note: a cap it hit (pipeline/poll.ts).
        s.lastError ? html`<br><span class="meta">${s.lastError}</span>` : ''
      }`;
  const link = safeUrl(s.url);
  return html`<tr>
<th scope="row">${link ? html`<a href="/source/${s.id}">${s.name}</a>` : s.name}<br><span class="meta">${s.feedUrls.join(' ')}</span></th>
<td>${s.articleCount}</td>
<td>${health}</td>
<td><form method="post" action="/admin/sources/${s.id}">${csrfField(csrf)}
<p><label for="${p}-lang">Language hint</label> <input id="${p}-lang" name="language" size="5" value="${s.language ?? ''}"></p>
<p><label for="${p}-selector">Body selector</label> <input id="${p}-selector" name="bodySelector" size="24" maxlength="${MAX_SELECTOR_LENGTH}" value="${s.bodySelector ?? ''}" placeholder="automatic" aria-describedby="selector-help"></p>
<p><label for="${p}-sections">Sections</label> <input id="${p}-sections" name="sectionOverrides" size="24" maxlength="${MAX_OVERRIDES_LENGTH}" value="${overridesText(readOverrides(s.sectionOverrides))}" placeholder="by the rules" aria-describedby="sections-help"></p>
<p>${checkbox(`${p}-paused`, 'paused', 'Paused', s.paused)} ${checkbox(`${p}-excerpt`, 'excerptOnly', 'Excerpt only', s.excerptOnly)} ${checkbox(`${p}-translate`, 'translate', 'Translate', s.translate)}</p>
<p><button type="submit">Save ${s.name}</button></p></form>
<form method="post" action="/admin/sources/${s.id}/retranslate">${csrfField(csrf)}<p><button type="submit" aria-describedby="retranslate-help">Re-translate ${s.name}</button></p></form></td>
</tr>`;
}

function errorRow(e: AdminItemError, csrf: string, site: SiteContext): SafeHtml {
  return html`<tr><td><a href="${safeUrl(e.url) ?? '#'}" rel="noopener">${e.url}</a></td><td><code>${e.stage}/${e.code}</code> ${e.message}</td><td>${e.attempts}, ${timeTag(e.lastAt, site.language)}</td>
<td><form method="post" action="/admin/retry">${csrfField(csrf)}<input type="hidden" name="url" value="${e.url}"><button type="submit">Retry</button></form></td></tr>`;
}

export function dashboardPage(site: SiteContext, model: DashboardModel): SafeHtml {
  const { csrf } = model;
  return layout(site, {
    title: 'Admin',
    head: NOINDEX,
    body: html`<h1>Admin</h1>
${model.message ? html`<p class="note" role="status">${model.message}</p>` : ''}
<form method="post" action="/admin/logout">${csrfField(csrf)}<button type="submit">Log out</button></form>
<h2>Add a source</h2>
<form method="post" action="/admin/sources">${csrfField(csrf)}
<p><label for="add-url">Feed, news sitemap or page URL</label> <input id="add-url" name="url" type="url" required size="40"></p>
<p><label for="add-name">Name (optional)</label> <input id="add-name" name="name"> <label for="add-lang">Language hint</label> <input id="add-lang" name="language" size="5"></p>
<p>${checkbox('add-page', 'page', 'It is a web page, not a feed', false)}</p>
<p><button type="submit">Add source</button></p></form>
<h2>Import OPML</h2>
<form method="post" action="/admin/import" enctype="multipart/form-data">${csrfField(csrf)}
<p><label for="opml">OPML file</label> <input id="opml" name="opml" type="file" accept=".opml,.xml,text/xml,text/x-opml" required></p>
<p><button type="submit">Import</button></p></form>
<h2>Translation</h2>
<ul>${model.translation.map((line) => html`<li>${line}</li>`)}</ul>
${translationDetails(model)}
<h2>Sources and fetch health</h2>
<p id="retranslate-help" class="meta">Re-translate: the source's stored articles are translated again in the background with the engine that now serves their language (after a model is installed, say); articles already translated by it are left alone. Progress goes to the log.</p>
<p id="selector-help" class="meta">Body selector: a CSS selector (e.g. <code>article .story-body</code>) naming the article text on a source's pages, for sites where the automatic choice is wrong. Empty: automatic.</p>
<p id="sections-help" class="meta">Sections: the source's own section names mapped to the site's sections, <code>Deportes = sport; Región = local</code>, or everything from it to one, <code>* = local</code>. The site's sections: ${SECTION_KEYS.join(', ')}. Applied when pages are shown (nothing is fetched again). Empty: by the rules.</p>
<table class="sources"><thead><tr><th scope="col">Source</th><th scope="col">Articles</th><th scope="col">Health</th><th scope="col">Settings</th></tr></thead>
<tbody>${model.sources.map((s) => sourceRow(s, csrf, site))}</tbody></table>
<h2>Failed pages</h2>
${model.errors.length ? html`<table class="sources"><thead><tr><th scope="col">Page</th><th scope="col">Error</th><th scope="col">Attempts, last</th><th scope="col">Action</th></tr></thead><tbody>${model.errors.map((e) => errorRow(e, csrf, site))}</tbody></table>` : html`<p>No failed pages.</p>`}`,
  });
}

/** Which engine serves each pair, and the installed models with their size and version. */
function translationDetails(model: DashboardModel): SafeHtml {
  const models = model.models.length
    ? html`<table class="models"><caption>Installed translation models</caption><thead><tr><th scope="col">Pair</th><th scope="col">Size</th><th scope="col">Version</th><th scope="col">Installed</th></tr></thead>
<tbody>${model.models.map(modelRow)}</tbody></table>`
    : html`<p>No translation models installed (<code>happenings models add de-en</code> installs one).</p>`;
  const routes = model.routes.length
    ? html`<h3>Which engine serves each language</h3>
<ul class="routes">${model.routes.map((line) => html`<li>${line}</li>`)}</ul>`
    : '';
  return html`${routes}
${models}`;
}

function modelRow(m: AdminModel): SafeHtml {
  const version = m.repo ? html`${m.repo} <code>${m.revision.slice(0, 7)}</code>` : html`placed by hand (local)`;
  return html`<tr><th scope="row">${m.pair}</th><td>${(m.sizeBytes / 1_000_000).toFixed(1)} MB</td><td>${version}${m.licence ? html`<br><span class="meta">${m.licence}</span>` : ''}</td><td>${m.installedAt ?? ''}</td></tr>`;
}
