/**
 * Name protection for engines that take HTML (DeepL, LibreTranslate): plain text goes out as HTML with
 * each name in `<span translate="no">`, which DeepL's tag_handling=html honours; what comes back is
 * turned into plain text again. The post-check in the HTTP engines puts back a name that is still lost.
 */
import { findNames } from './protect-names.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function protectAsHtml(text: string): string {
  let out = '';
  let at = 0;
  for (const span of findNames(text)) {
    out += `${escape(text.slice(at, span.start))}<span translate="no">${escape(span.name)}</span>`;
    at = span.end;
  }
  return out + escape(text.slice(at));
}

export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** HTML names protected the same way: text nodes' names wrapped, tags untouched. */
export function protectHtml(html: string): string {
  return html.replace(/(<[^>]*>)|([^<]+)/g, (all, tag: string | undefined, text: string | undefined) =>
    tag ? all : protectAsHtml(htmlToText(text ?? '')),
  );
}

/** Unwraps the spans protectHtml added, leaving every other tag as the engine returned it. */
export function unprotectHtml(html: string): string {
  return html.replace(/<span translate="no">([^<]*)<\/span>/g, '$1');
}
