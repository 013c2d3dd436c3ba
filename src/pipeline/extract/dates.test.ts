import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { articleJsonLd } from './jsonld.js';
import { dateInUrl, findPublishedAt, textDate } from './dates.js';

const noMeta = (): null => null;

function dateOf(html: string, url = 'https://example.com/story'): string | null {
  const document = parseDocument(html);
  return findPublishedAt(document, articleJsonLd(document), url, noMeta);
}

describe('publication dates', () => {
  it('reads written dates in several languages and orders', () => {
    expect(textDate('Posted on August 16, 2019 - Updated July 9, 2025')).toBe('2019-08-16');
    expect(textDate('Jun 08, 2023 • 11 Minute Read')).toBe('2023-06-08');
    expect(textDate('Publié le 3 août 2024')).toBe('2024-08-03');
    expect(textDate('12 de marzo de 2025')).toBe('2025-03-12');
    expect(textDate('- 2025/4/29')).toBe('2025-04-29');
    expect(textDate('no date at all, 12 apples')).toBeNull();
  });

  it('finds dates in URLs', () => {
    expect(dateInUrl('https://a.example/2024/03/15/story')).toBe('2024-03-15');
    expect(dateInUrl('https://a.example/news/story-2024')).toBeNull();
  });

  it('reads camel-cased dateTime and itemProp as React writes them', () => {
    expect(dateOf('<html><body><time dateTime="2025-04-29 21:00:25">x</time></body></html>')).toMatch(/^2025-04-29/);
    expect(dateOf('<html><body><div itemProp="datePublished" content="2024-11-22T22:28:12Z"></div></body></html>')).toBe('2024-11-22T22:28:12.000Z');
  });

  it('takes datePublished from any JSON-LD node before the header text, and dateModified last', () => {
    const graph = '{"@graph":[{"@type":"WebPage","datePublished":"2021-01-27T06:00:00+00:00","dateModified":"2021-04-01"}]}';
    expect(dateOf(`<html><head><script type="application/ld+json">${graph}</script></head><body><h1>T</h1><p>May 5, 2020</p></body></html>`)).toBe('2021-01-27T06:00:00.000Z');
    const modifiedOnly = '{"@type":"Article","dateModified":"2025-07-09 11:50:26"}';
    expect(dateOf(`<html><head><script type="application/ld+json">${modifiedOnly}</script></head><body><p>x</p></body></html>`)).toMatch(/^2025-07-09/);
  });

  it('reads a date written next to the headline', () => {
    const html = '<html><body><main><div><header><h1>How to use gym equipment</h1><p>By Sweat · August 16, 2019</p></header></div></main></body></html>';
    expect(dateOf(html)).toBe('2019-08-16T00:00:00.000Z');
  });
});

describe('written dates, more forms', () => {
  it('reads day-first dotted dates and dates in a "Last updated" line above the headline', () => {
    expect(textDate('12.12.2025')).toBe('2025-12-12');
    const html = '<html><body><div><div><div><span>Last updated:</span><span>Dec 12, 2025</span></div><h1>Blockchain SEO agencies</h1></div></div></body></html>';
    expect(dateOf(html)).toBe('2025-12-12T00:00:00.000Z');
  });
});
