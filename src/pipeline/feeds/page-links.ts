/**
 * Article links of a section page, for a source that has no feed. A link counts as an article
 * when it stays on the page's site, its path looks like a story (a date or a long slug), and its
 * text reads like a headline. Navigation, tags and share links fail one of those tests.
 */
import { parseHTML } from 'linkedom';

/** Headlines run to several words; menu entries and "Read more" do not. */
const MIN_HEADLINE_CHARS = 25;
/** A slug of four or more hyphenated words, or a date or long number in the path. */
const STORY_PATH = /(\/\d{4}\/\d{1,2}\/)|(\d{5,})|([\p{L}\d]+-){3,}[\p{L}\d]+/u;
/** Links followed per poll of one section page. */
const MAX_LINKS = 40;

export function articleLinks(html: string, pageUrl: string): string[] {
  const { document } = parseHTML(html);
  const base = new URL(pageUrl);
  const found = new Set<string>();
  for (const a of document.querySelectorAll('a[href]')) {
    const url = storyUrl(a.getAttribute('href') ?? '', base);
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (url && text.length >= MIN_HEADLINE_CHARS) found.add(url);
    if (found.size >= MAX_LINKS) break;
  }
  return [...found];
}

function storyUrl(href: string, base: URL): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.hostname.replace(/^www\./, '') !== base.hostname.replace(/^www\./, ''))
    return null;
  url.hash = '';
  if (url.href === base.href || !STORY_PATH.test(decodeURIComponent(url.pathname))) return null;
  return url.href;
}
