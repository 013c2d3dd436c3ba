/** The HTML page for a failed request: a status, one plain sentence, a way back. Never a stack. */
import { html, type SafeHtml } from '../html.js';
import { layout, type SiteContext } from '../layout.js';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Page not found',
  500: 'Something went wrong',
  503: 'Temporarily unavailable',
};

export function errorPage(site: SiteContext, status: number, message: string): SafeHtml {
  const title = TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'Request not served');
  return layout(site, {
    title,
    head: html`<meta name="robots" content="noindex">`,
    body: html`<h1>${title}</h1><p>${message}</p><p><a href="/">Go to the front page</a></p>`,
  });
}
