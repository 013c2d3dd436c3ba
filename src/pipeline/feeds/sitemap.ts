/**
 * Sitemaps (https://www.sitemaps.org/protocol.html), with the Google News extension
 * (<news:news>: publication name and language, publication_date, title), and sitemap indexes.
 * feedsmith does not read them; linkedom's XML mode does, and decodes CDATA and XML entities for us.
 * Elements are matched by local name, so any namespace prefix (news:, n:, sm:) works.
 */
import { DOMParser } from 'linkedom';
import { toIsoDate } from './dates.js';
import { cleanText, htmlToText, httpUrl, languageTag, uniqueItems } from './normalize.js';
import type { DomDocument, DomElement as Element } from './dom.js';
import type { FeedItem, ParsedFeed } from './types.js';

/** A `<urlset>` sitemap (news or plain) as a ParsedFeed of kind 'sitemap'. */
export function fromSitemap(text: string, feedUrl: string): ParsedFeed {
  const urls = children(rootOf(text), 'url');
  const items = uniqueItems(urls.map((url) => sitemapItem(url, feedUrl)));
  const publication = urls.map((url) => child(child(url, 'news'), 'publication')).find((el) => el !== null) ?? null;
  return {
    kind: 'sitemap',
    title: htmlToText(textOf(child(publication, 'name'))),
    siteUrl: null,
    language: languageTag(textOf(child(publication, 'language'))),
    items,
  };
}

/** A `<sitemapindex>` as a ParsedFeed of kind 'sitemap-index': its items are the child sitemaps. */
export function fromSitemapIndex(text: string, feedUrl: string): ParsedFeed {
  const sitemaps = children(rootOf(text), 'sitemap');
  const items = uniqueItems(sitemaps.map((sitemap) => addressOnly(sitemap, feedUrl)));
  return { kind: 'sitemap-index', title: null, siteUrl: null, language: null, items };
}

function sitemapItem(url: Element, feedUrl: string): FeedItem | null {
  const address = httpUrl(textOf(child(url, 'loc')), feedUrl);
  if (!address) return null;
  const news = child(url, 'news');
  return {
    url: address,
    title: htmlToText(textOf(child(news, 'title'))),
    publishedAt: toIsoDate(textOf(child(news, 'publication_date')) ?? textOf(child(url, 'lastmod'))),
    summary: null,
    author: null,
    language: languageTag(textOf(child(child(news, 'publication'), 'language'))),
    guid: null,
  };
}

function addressOnly(sitemap: Element, feedUrl: string): FeedItem | null {
  const address = httpUrl(textOf(child(sitemap, 'loc')), feedUrl);
  if (!address) return null;
  const lastmod = toIsoDate(textOf(child(sitemap, 'lastmod')));
  return { url: address, title: null, publishedAt: lastmod, summary: null, author: null, language: null, guid: null };
}

function rootOf(text: string): Element | null {
  const document = new DOMParser().parseFromString(text, 'text/xml') as unknown as DomDocument;
  return document.documentElement;
}

function localName(el: Element): string {
  return el.tagName.split(':').pop()!.toLowerCase();
}

function children(parent: Element | null, name: string): Element[] {
  return parent ? Array.from(parent.children).filter((el) => localName(el) === name) : [];
}

function child(parent: Element | null, name: string): Element | null {
  return children(parent, name)[0] ?? null;
}

function textOf(el: Element | null): string | null {
  return cleanText(el?.textContent);
}
