/**
 * The publisher's section of an article page ("Politics", "Deportes"), for the front page's
 * section filter. In order: 1. <meta property="article:section">, 2. JSON-LD "articleSection",
 * 3. the address's first path segment when it reads as a section name (/sport/…/story-slug).
 * Read with the rest of the metadata (metadata.ts) from the parsed page: the parser has decoded
 * the entities (an out-of-range one becomes U+FFFD, never an error).
 */
import { collapse, type DomDocument } from './dom.js';
import { allJsonLd, type JsonObject } from './jsonld.js';

/** Longest section name kept: "Science & environment" fits; longer is a sentence, not a section. */
export const MAX_SECTION_LENGTH = 40;

/** What a section name may be: a letter or digit first, then letters, digits, spaces and a little punctuation. */
const SECTION_NAME = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} &'’.,/-]*$/u;
/** Characters outside that set, dropped from a publisher's name ("¡Política!", "Mundo (AFP)"). */
const NOT_IN_SECTION_NAME = /[^\p{L}\p{N}\p{M} &'’.,/-]+/gu;

/**
 * True for a name the site can filter by: every section extraction keeps passes, so a section linked
 * on a page never answers 400 (web/params.ts reads `?section=` with this).
 */
export function isSectionName(text: string): boolean {
  return text.length <= MAX_SECTION_LENGTH && SECTION_NAME.test(text) && /\p{L}/u.test(text);
}

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

export function findSection(
  document: DomDocument,
  ld: JsonObject | null,
  url: string,
  meta: (key: string) => string | null,
): string | null {
  return clean(meta('article:section')) ?? clean(jsonLdSection(document, ld)) ?? urlSection(url);
}

/** The article object's articleSection, else the first JSON-LD object's that names one (a string or a list). */
function jsonLdSection(document: DomDocument, ld: JsonObject | null): string | null {
  for (const object of ld ? [ld, ...allJsonLd(document)] : allJsonLd(document)) {
    const value = object.articleSection;
    const section = Array.isArray(value) ? value[0] : value;
    if (typeof section === 'string') return collapse(section);
  }
  return null;
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
  const collapsed = text?.replace(NOT_IN_SECTION_NAME, ' ').replace(/\s+/g, ' ').trim() ?? '';
  const name = collapsed.replace(/^[^\p{L}\p{N}]+/u, '');
  return isSectionName(name) ? name : null;
}
