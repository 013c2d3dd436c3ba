/**
 * The byline, in order of trust: JSON-LD authors that are people (an {"@id"} reference resolved through the
 * page's @graph, as Yoast writes it) → <meta name=author> → byline markup (rel=author, author-page links,
 * itemprop=author, .byline, classes naming an author) → a "Written by" label's neighbour → authors that are
 * organisations → the feed's author (the caller's hint). Each candidate is cleaned ("By", "Written by:",
 * trailing dates and job titles after a line break) and must look like names: up to six words each, no
 * digits, not a bare label or a template placeholder. Calibrated on shared/data/wcxb-dev-articles.
 */
import { TEXT_NODE, all, collapse, textOf, type DomDocument, type DomElement, type DomNode, closest, elementChildren, nextElement, textContent, tagOf, childrenOf } from './dom.js';
import { allJsonLd, isObject, type JsonObject } from './jsonld.js';

export type MetaLookup = (key: string) => string | null;

const MARKUP = [
  '[rel=author]', 'a[href*="/author/"]', 'a[href*="/authors/"]', '[itemprop=author] [itemprop=name]', '[itemprop=author]',
  '.byline a', '.byline', '.author-name', '[class*=author-name]', '[class*=authorName]', '[class*=author_name]',
  '.article-author', '.author', '[class*=byline]', '[class*=author]',
].join(', ');

/** Bare labels and placeholders that byline markup sometimes holds instead of a name. */
const NOT_A_NAME = /^(author|authors|authors:|the author|written by|by|admin|administrator|staff|editor|guest|anonymous|unknown|posted by|autor|auteur|redacción)$/i;
const PREFIX = /^\s*((written|posted|guide|words|reviewed|story|text|reporting)\s+by|by|por|par|von|door|di|av|af|de|автор|author|autor|auteur)\b\s*:?\s*/iu;

export function findByline(document: DomDocument, ld: JsonObject | null, meta: MetaLookup): string | null {
  const { people, organisations } = ldAuthors(document, ld);
  if (people.length > 0) return people.join(', ');
  const fromMeta = cleanByline(meta('author') ?? meta('article:author') ?? meta('parsely-author') ?? meta('sailthru.author'));
  if (fromMeta && !/^https?:|^www\./i.test(fromMeta)) return fromMeta;
  return markupByline(document) ?? labelledByline(document) ?? (organisations.length > 0 ? organisations.join(', ') : null);
}

function ldAuthors(document: DomDocument, ld: JsonObject | null): { people: string[]; organisations: string[] } {
  const graph = allJsonLd(document);
  const byId = new Map(graph.filter((o) => typeof o['@id'] === 'string').map((o) => [o['@id'] as string, o]));
  const source = ld?.author !== undefined ? ld : graph.find((o) => o.author !== undefined) ?? null;
  const value = source?.author;
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const people: string[] = [];
  const organisations: string[] = [];
  for (const item of list) {
    const object = isObject(item) && typeof item['@id'] === 'string' && typeof item.name !== 'string' ? byId.get(item['@id']) ?? item : item;
    const name = cleanByline(typeof object === 'string' ? object : isObject(object) && typeof object.name === 'string' ? object.name : null);
    if (!name) continue;
    const type = isObject(object) ? String(object['@type'] ?? '') : '';
    (/Organization|Corporation|NewsMediaOrganization/.test(type) ? organisations : people).push(name);
  }
  return { people, organisations };
}

function markupByline(document: DomDocument): string | null {
  for (const el of all(document, MARKUP)) {
    if (closest(el, 'footer, nav, .comments, #comments, [class*=comment]')) continue;
    const name = cleanByline(ownText(el));
    if (name) return name;
  }
  return null;
}

/** "Written by" / "Author" in an element of its own, the name in the next one. */
function labelledByline(document: DomDocument): string | null {
  for (const el of all(document, 'span, div, p, b, strong, dt')) {
    if (elementChildren(el).length > 0 || !/^(written by|author|by|autor|auteur|por)\s*:?$/i.test(textOf(el))) continue;
    const name = cleanByline(textOf(nextElement(el)));
    if (name) return name;
  }
  return null;
}

/** The first name-bearing run of text in a byline element: its text nodes, with labels ("By", "Written
 *  by") skipped and runs joined across connectors (",", "and", "&"), so "Name<span>Job title</span>" gives
 *  the name and "By <a>A</a>, <a>B</a>" gives "A, B". Elements past 400 characters are bios, not bylines. */
function ownText(el: DomElement): string {
  if ((textContent(el) ?? '').length > 400) return '';
  const pieces: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = collapse(textContent(node));
      if (text) pieces.push(text);
      return;
    }
    const tag = tagOf(node);
    if (tag === 'script' || tag === 'style' || tag === 'svg') return;
    for (let i = 0; i < childrenOf(node).length; i++) walk(childrenOf(node)[i]!);
  };
  walk(el);
  const runs: string[] = [];
  for (const piece of pieces) {
    const last = runs[runs.length - 1];
    const joins = last !== undefined && (CONNECTOR_END.test(last) || CONNECTOR_START.test(piece) || LABEL.test(last));
    if (joins) runs[runs.length - 1] = /^[,;.]/.test(piece) ? `${last}${piece}` : `${last} ${piece}`;
    else runs.push(piece);
  }
  return runs.map((run) => collapse(run.replace(PREFIX, ''))).find((run) => run && !LABEL.test(run)) ?? '';
}

const CONNECTOR_END = /(,|&|\band|\by|\bet|\bund)\s*$/i;
const CONNECTOR_START = /^(,|&|and\b|y\b|et\b|und\b)/i;
const LABEL = /^((written|posted|guide|words|reviewed|story|text|reporting)\s+by|by|por|par|von|author|autor|auteur)\s*:?$/i;

/** A cleaned byline, or null when the text does not read as one or more names. */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = decodeEntities(raw).split(/\n\s*\n|\s{3,}|\|/)[0]!;
  text = collapse(text).replace(/^[\s,;:|·•-]+/, '').replace(PREFIX, '').replace(PREFIX, '');
  text = text.replace(/\s*[-–—,|·•]?\s*(updated|published|posted|last updated)\b.*$/i, '').trim();
  const names = text.split(/\s*(?:,|&|\band\b|\by\b|\bet\b|\bund\b|\be\b)\s*/u).filter(Boolean);
  if (!text || names.length === 0 || names.length > 8) return null;
  const plausible = names.every((name) => name.split(' ').length <= 6 && !/\d|@|https?:|\{|\}|^[a-z]+\.[a-z.]+$/.test(name) && !NOT_A_NAME.test(name));
  return plausible && !NOT_A_NAME.test(text) ? text : null;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}
