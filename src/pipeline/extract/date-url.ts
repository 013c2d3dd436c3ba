/**
 * A publication day written in the page's URL.
 */
import { MONTHS } from './date-text.js';

/** /2024/03/15/, /2024-03-15-, /20240315/, /2023/october/03/ in the path. */
export function dateInUrl(url: string): string | null {
  const match = /\/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/\-_.+]|$)/.exec(url);
  if (match) return `${match[1]}-${match[2]}-${match[3]}`;
  const named = /\/((?:19|20)\d\d)\/([a-z]{3,9})\/(0?[1-9]|[12]\d|3[01])(?=\/|$)/i.exec(url);
  const month = named ? MONTHS[named[2]!.toLowerCase()] : undefined;
  return named && month ? `${named[1]}-${String(month).padStart(2, '0')}-${named[3]!.padStart(2, '0')}` : null;
}
