import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { articleJsonLd } from './jsonld.js';
import { dateInUrl, findPublishedAt, headerDates, textDate } from './dates.js';

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
    expect(
      dateOf('<html><body><div itemProp="datePublished" content="2024-11-22T22:28:12Z"></div></body></html>'),
    ).toBe('2024-11-22T22:28:12.000Z');
  });

  it('takes datePublished from any JSON-LD node before the header text, and dateModified last', () => {
    const graph =
      '{"@graph":[{"@type":"WebPage","datePublished":"2021-01-27T06:00:00+00:00","dateModified":"2021-04-01"}]}';
    expect(
      dateOf(
        `<html><head><script type="application/ld+json">${graph}</script></head><body><h1>T</h1><p>May 5, 2020</p></body></html>`,
      ),
    ).toBe('2021-01-27T06:00:00.000Z');
    const modifiedOnly = '{"@type":"Article","dateModified":"2025-07-09 11:50:26"}';
    expect(
      dateOf(
        `<html><head><script type="application/ld+json">${modifiedOnly}</script></head><body><p>x</p></body></html>`,
      ),
    ).toMatch(/^2025-07-09/);
  });

  it('reads a date written next to the headline', () => {
    const html =
      '<html><body><main><div><header><h1>How to use gym equipment</h1><p>By Sweat · August 16, 2019</p></header></div></main></body></html>';
    expect(dateOf(html)).toBe('2019-08-16T00:00:00.000Z');
  });
});

describe('written dates, more forms', () => {
  it('reads day-first dotted dates and dates in a "Last updated" line above the headline', () => {
    expect(textDate('12.12.2025')).toBe('2025-12-12');
    const html =
      '<html><body><div><div><div><span>Last updated:</span><span>Dec 12, 2025</span></div><h1>Blockchain SEO agencies</h1></div></div></body></html>';
    expect(dateOf(html)).toBe('2025-12-12T00:00:00.000Z');
  });
});

describe('month abbreviations and dashes', () => {
  it('reads day-month-year with dashes and abbreviated month names in several languages', () => {
    expect(textDate('By: Lena Ortiz on 04-ago-2021 5:11:10')).toBe('2021-08-04');
    expect(textDate('Updated 12-Mar-2024')).toBe('2024-03-12');
    expect(textDate('Publié le 3 févr. 2024')).toBe('2024-02-03');
    expect(textDate('Aktualisiert am 12. Okt. 2020')).toBe('2020-10-12');
    expect(textDate('pubblicato il 7 giu 2019')).toBe('2019-06-07');
    expect(textDate('rows 04-abc-2021 and 12-xyz-2024')).toBeNull();
  });

  it('dates a page by the dashed date beside its author link', () => {
    const html =
      '<html><body><div class="post"><div class="auth">By: <a href="/blog/author/lena-ortiz">Lena Ortiz</a> on 04-ago-2021 5:11:10</div><h1>Pipe materials compared</h1><p>Copper or plastic?</p></div></body></html>';
    expect(dateOf(html)).toBe('2021-08-04T00:00:00.000Z');
  });
});

describe('what the header says a date is', () => {
  it('reads slashed dates by their unambiguous part, else month first in US English and day first elsewhere', () => {
    expect(textDate('Updated: 10/31/2024')).toBe('2024-10-31');
    expect(textDate('Posted on the 15/12/2025 at 19:00')).toBe('2025-12-15');
    expect(textDate('2/4/2026')).toBe('2026-02-04');
    expect(textDate('2/4/2026', false)).toBe('2026-04-02');
  });

  it('finds dates written with month names in the URL', () => {
    expect(dateInUrl('https://w.example/blog/2023/october/03/how-many-types')).toBe('2023-10-03');
    expect(dateInUrl('https://w.example/blog/2023/week/03/x')).toBeNull();
  });

  it('labels header dates as published or updated', () => {
    const header =
      '<html><body><header><h1>Phases of a renovation</h1><p>By Claire · Published Apr 26, 2023 · Updated Aug 20, 2025</p></header></body></html>';
    expect(headerDates(parseDocument(header))).toEqual([
      { day: '2023-04-26', kind: 'published' },
      { day: '2025-08-20', kind: 'updated' },
    ]);
  });

  it('prefers a date the header calls the publication over a declared one that disagrees', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type":"Article","datePublished":"2025-11-29T17:28:31+00:00"}</script></head><body><h1>Free accounting tools</h1><p>Published August 13, 2025</p></body></html>';
    expect(dateOf(html)).toBe('2025-08-13T00:00:00.000Z');
    const same =
      '<html><head><script type="application/ld+json">{"@type":"Article","datePublished":"2025-08-13T17:28:31-04:00"}</script></head><body><h1>Free accounting tools</h1><p>Published August 13, 2025</p></body></html>';
    expect(dateOf(same)).toBe('2025-08-13T17:28:31.000-04:00');
  });

  it('keeps the publication a page <meta> states over a later "Updated" date in the header', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type":"Article","datePublished":"2019-08-14T13:00:00Z"}</script></head><body><h1>Certifications</h1><p>Updated Sep 17, 2025</p></body></html>';
    const meta = (key: string): string | null => (key === 'article:published_time' ? '2019-08-14T13:00:00Z' : null);
    expect(findPublishedAt(parseDocument(html), null, 'https://example.com/story', meta)).toBe(
      '2019-08-14T13:00:00.000Z',
    );
  });

  it('dates a guide by the revision its header shows when only schema.org data declares the publication', () => {
    const ld = '{"@type":"Article","datePublished":"2019-08-14T13:00:00Z","dateModified":"2025-09-17T08:30:00-04:00"}';
    const page = (header: string): string =>
      `<html><head><script type="application/ld+json">${ld}</script></head><body><h1>Certifications</h1><p>By Ana Ruiz · ${header}</p><p>Body.</p></body></html>`;
    expect(dateOf(page('Updated Sep 17, 2025'))).toBe('2025-09-17T08:30:00.000-04:00');
    expect(dateOf(page('Sep 17, 2025'))).toBe('2025-09-17T08:30:00.000-04:00'); // unlabelled, but the declared modification's day
    expect(dateOf(page('Sep 12, 2025'))).toBe('2019-08-14T13:00:00.000Z'); // unlabelled and no declared day: the publication stays
    expect(dateOf(page('Updated Jan 2, 2019'))).toBe('2019-08-14T13:00:00.000Z'); // not later than the publication
  });

  it('falls back to a labelled date anywhere on a page that declares nothing', () => {
    const html =
      '<html><body><h1>Webcams</h1><p>Live views of the valley.</p><div><p>x</p><p>y</p><p>z</p></div><p>Last updated: November 13, 2025</p></body></html>';
    expect(dateOf(html)).toBe('2025-11-13T00:00:00.000Z');
  });
});

describe('a declared publication the CMS re-stamps', () => {
  const page = (ld: string, header: string): string =>
    `<html><head><script type="application/ld+json">${ld}</script></head><body><article><h1>Pricing a yoga class</h1><p>Maya Lind · ${header}</p><p>Body text.</p></article></body></html>`;

  it('takes the earlier day the header shows when publication and modification are one stamp', () => {
    const same = '{"@type":"Article","datePublished":"2025-06-24T09:00:00Z","dateModified":"2025-06-24T09:00:00Z"}';
    expect(dateOf(page(same, 'August 25, 2024'))).toBe('2024-08-25T00:00:00.000Z');
    const modifiedBefore = '{"@type":"Article","datePublished":"2025-06-12","dateModified":"2025-06-10"}';
    expect(dateOf(page(modifiedBefore, 'November 2, 2022'))).toBe('2022-11-02T00:00:00.000Z');
    const publishedOnly = '{"@type":"Article","datePublished":"2024-08-07T12:01:51Z"}';
    expect(dateOf(page(publishedOnly, 'Dec 30, 2013'))).toBe('2013-12-30T00:00:00.000Z');
  });

  it('keeps the declared publication when the header day is the same moment in another zone', () => {
    const utc = '{"@type":"Article","datePublished":"2025-12-19T03:05:00Z","dateModified":"2025-12-19T03:30:00Z"}';
    expect(dateOf(page(utc, 'December 18, 2025'))).toBe('2025-12-19T03:05:00.000Z');
  });

  it('keeps the declared publication when a later modification is declared apart from it', () => {
    const updated = '{"@type":"Article","datePublished":"2025-03-04T10:00:00Z","dateModified":"2025-10-06T10:00:00Z"}';
    expect(dateOf(page(updated, 'August 12, 2024'))).toBe('2025-03-04T10:00:00.000Z');
  });
});

describe('declarations that disagree with each other or with the page', () => {
  const withMeta =
    (values: Record<string, string>) =>
    (key: string): string | null =>
      values[key] ?? null;

  it('takes the later of a JSON-LD and a <meta> publication that disagree (the earlier was left behind)', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2018-04-03T16:50:31Z"}</script></head><body><h1>Best running shoes</h1><p>Tested by our editors.</p></body></html>';
    const document = parseDocument(html);
    const dated = (meta: Record<string, string>): string | null =>
      findPublishedAt(document, articleJsonLd(document), 'https://example.com/gear/shoes', withMeta(meta));
    expect(dated({ 'article:published_time': '2025-12-19T18:06:00Z' })).toBe('2025-12-19T18:06:00.000Z');
    expect(dated({ 'article:published_time': '2016-01-02T10:00:00Z' })).toBe('2018-04-03T16:50:31.000Z');
    expect(dated({})).toBe('2018-04-03T16:50:31.000Z');
  });

  it('takes the later of the Article and another JSON-LD node when their publications disagree', () => {
    const graph = (webPage: string): string =>
      `{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"${webPage}"}]}`;
    const article =
      '{"@context":"https://schema.org","@type":"NewsArticle","headline":"MBA rankings","datePublished":"2023-05-17T00:00:00+0000"}';
    const page = (webPage: string): string =>
      `<html><head><script type="application/ld+json">${graph(webPage)}</script><script type="application/ld+json">${article}</script></head><body><h1>MBA rankings</h1><p>Text.</p></body></html>`;
    expect(dateOf(page('2023-05-18T04:39:05+00:00'))).toBe('2023-05-18T04:39:05.000Z');
    expect(dateOf(page('2023-05-17T09:00:00+00:00'))).toBe('2023-05-17T00:00:00.000Z'); // the same day: the Article's stamp
  });

  it("keeps the page's local day written in its URL when the declaration is the same instant in UTC", () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2025-12-19T03:05:00Z"}</script></head><body><h1>Night post</h1><p>Text.</p></body></html>';
    expect(dateOf(html, 'https://blog.example/2025/12/18/night-post')).toBe('2025-12-18T00:00:00.000Z');
    expect(dateOf(html, 'https://blog.example/2025/12/17/night-post')).toBe('2025-12-19T03:05:00.000Z'); // a day no zone reaches
    const timed = html.replace('<p>Text.</p>', '<p><time datetime="2025-12-18T19:05:00-08:00">Dec 18</time></p>');
    expect(dateOf(timed, 'https://blog.example/2025/12/18/night-post')).toBe('2025-12-18T19:05:00.000-08:00');
  });
});

describe('dates away from the headline', () => {
  it('does not date the page by a <time> in a teaser card for another story', () => {
    const card =
      '<article class="card"><h3><a href="/other-story">Soups you can freeze</a></h3><time datetime="2025-10-23">23 October 2025</time></article>';
    const html = `<html><body><section><h1>A week of meals on a budget</h1><time><span>Page updated:</span> <span>12 November 2025</span></time></section><p>Plan the week.</p>${card}</body></html>`;
    expect(dateOf(html)).toBe('2025-11-12T00:00:00.000Z');
  });

  it('keeps a <time> in the long <article> that holds the story, wherever the <h1> is', () => {
    const story = `<article><p><time datetime="2025-12-19T15:55:39-08:00">12/19 — 2025</time> by ibby</p><p>${'The school won nineteen awards this year. '.repeat(30)}</p></article>`;
    expect(dateOf(`<html><body><div><h1>Design awards</h1></div>${story}</body></html>`)).toBe(
      '2025-12-19T15:55:39.000-08:00',
    );
  });

  it('reads the date in the byline block around an author link, even under the text', () => {
    const html = `<html><body><article><h1>How apps are made</h1><div>${'<p>Step after step of the process.</p>'.repeat(40)}</div><div><p>Written by <a href="/blog/author/moses-kim">Moses Kim</a></p><p>April 8, 2024</p></div></article></body></html>`;
    expect(dateOf(html)).toBe('2024-04-08T00:00:00.000Z');
  });

  it('takes the day the text says the page was originally published when nothing is declared', () => {
    const html =
      '<html><body><h1>Living in a tiny home</h1><p>Sep 30, 2022</p><p>Pros and cons.</p><p>This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated.</p></body></html>';
    expect(dateOf(html)).toBe('2019-09-26T00:00:00.000Z');
    const declared = `<html><body><h1>Tiny homes</h1><p>Sep 30, 2022</p>${'<p>Small rooms, big ideas.</p>'.repeat(60)}<p>Originally published on 26 Sep 2019.</p></body></html>`;
    const meta = (key: string): string | null => (key === 'article:published_time' ? '2022-09-30T08:00:00Z' : null);
    expect(findPublishedAt(parseDocument(declared), null, 'https://example.com/story', meta)).toBe(
      '2022-09-30T08:00:00.000Z',
    );
  });
});
