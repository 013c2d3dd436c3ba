/** Small text helpers shared by the demo templates and feeds. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text of an inline HTML fragment (the demo's paragraphs only use a few inline tags). */
export function stripTags(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Paragraph fragments made absolute: the demo's inline links are root-relative. */
export function absolutize(fragment: string, origin: string): string {
  return fragment.replace(/href="\//g, `href="${origin}/`);
}

export function formatLocalDate(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale.replace('_', '-'), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

/** JSON inside <script>: "</" must not close the element early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/<\//g, '<\\/');
}
