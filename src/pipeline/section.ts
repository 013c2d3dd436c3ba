/**
 * The publisher's section of an article page ("Politics", "Deportes"), for the front page's
 * section filter. In order: 1. <meta property="article:section">, 2. JSON-LD "articleSection",
 * 3. the address's first path segment when it reads as a section name (/sport/…/story-slug).
 * Read from the raw page with patterns over the markup: no second parse of the page.
 */

/** Longest section name kept: "Science & environment" fits; longer is a sentence, not a section. */
const MAX_SECTION_LENGTH = 40;

/** First path segments that name no section: formats, generic buckets, language prefixes. */
const NOT_SECTIONS = new Set([
  'amp',
  'article',
  'articles',
  'articulo',
  'articulos',
  'artikel',
  'blog',
  'blogs',
  'content',
  'news',
  'noticia',
  'noticias',
  'nouvelles',
  'nachrichten',
  'page',
  'pages',
  'post',
  'posts',
  'story',
  'stories',
  'index',
  'item',
  'items',
  'www',
  'web',
  'html',
  'view',
  'node',
  'archive',
  'archives',
  'actualite',
  'actualites',
  'notizie',
  'noticies',
  'berriak',
  'ultima-hora',
]);

export function articleSection(html: string, url: string): string | null {
  const head = html.slice(0, 200_000);
  return clean(metaSection(head)) ?? clean(jsonLdSection(head)) ?? urlSection(url);
}

function metaSection(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/\b(?:property|name)\s*=\s*["']?article:section["'\s>/]/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (content) return decodeEntities(content[1] ?? content[2] ?? '');
  }
  return null;
}

function jsonLdSection(html: string): string | null {
  const found = /"articleSection"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|\[\s*"((?:[^"\\]|\\.)*)")/.exec(html);
  if (!found) return null;
  try {
    return JSON.parse(`"${found[1] ?? found[2] ?? ''}"`) as string;
  } catch {
    return null;
  }
}

/** "/sport/2024/05/final-tonight" → "Sport"; a one-segment address is the article's own slug. */
function urlSection(url: string): string | null {
  let segments: string[];
  try {
    const parsed = new URL(url);
    if (!parsed.protocol.startsWith('http')) return null;
    segments = parsed.pathname.split('/').filter(Boolean);
  } catch {
    return null;
  }
  const first = segments[0]?.toLowerCase();
  if (
    segments.length < 2 ||
    !first ||
    !/^[\p{L}]+(?:-[\p{L}]+)?$/u.test(first) ||
    first.length < 3 ||
    NOT_SECTIONS.has(first)
  )
    return null;
  const words = decodeURIComponent(first).replace(/-/g, ' ');
  return clean(words.charAt(0).toUpperCase() + words.slice(1));
}

function clean(text: string | null): string | null {
  const collapsed = text?.replace(/\s+/g, ' ').trim() ?? '';
  return collapsed && collapsed.length <= MAX_SECTION_LENGTH && /\p{L}/u.test(collapsed) ? collapsed : null;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
