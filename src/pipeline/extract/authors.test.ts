import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { articleJsonLd } from './jsonld.js';
import { cleanByline, findByline } from './authors.js';
import { decodeEntities } from './entities.js';

function bylineOf(html: string, meta: Record<string, string> = {}, site = ''): string | null {
  const document = parseDocument(`<html><body>${html}</body></html>`);
  return findByline(document, articleJsonLd(document), (key) => meta[key] ?? null, site);
}

const ld = (json: object): string => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

describe('bylines', () => {
  it('cleans labels, trailing dates and placeholders', () => {
    expect(cleanByline('Written By: Tom May')).toBe('Tom May');
    expect(cleanByline('By Jane Roe Updated Feb 27, 2026')).toBe('Jane Roe');
    expect(cleanByline('Author')).toBeNull();
    expect(cleanByline('page.head.extra.author')).toBeNull();
    expect(cleanByline('Sat, 20 Dec, 2025 - 06:36')).toBeNull();
    expect(decodeEntities('Maria &amp; Katerina &#8217;')).toBe('Maria & Katerina \u2019');
  });

  it('resolves JSON-LD author references through the @graph and prefers people to organisations', () => {
    const graph = {
      '@graph': [
        { '@type': 'Article', author: { '@id': '#p1' } },
        { '@type': 'Person', '@id': '#p1', name: 'Krystyna' },
      ],
    };
    expect(bylineOf(ld(graph))).toBe('Krystyna');
    const org = { '@type': 'Article', author: { '@type': 'Organization', name: 'Cleveland Clinic' } };
    expect(bylineOf(`${ld(org)}<p class="author-by-line-text"><span>By </span>Holly Wilgus</p>`)).toBe('Holly Wilgus');
    expect(bylineOf(ld(org))).toBe('Cleveland Clinic');
  });

  it('reads byline markup: author links, name then job title, "Written by" labels', () => {
    expect(
      bylineOf(
        '<span>By <a href="/producers/x">Sofia Gonzalez</a></span><a href="/authors/sofia-gonzalez">Sofia Gonzalez</a>',
      ),
    ).toBe('Sofia Gonzalez');
    expect(bylineOf('<div class="post-author"><span>Rachel MacDonald</span><span>Writer</span></div>')).toBe(
      'Rachel MacDonald',
    );
    expect(bylineOf('<div><p>Written by</p><p>Edzel Tabing</p></div>')).toBe('Edzel Tabing');
    expect(bylineOf('<div class="byline">By <a>Ann Lee</a>, <a>Bo Chen</a></div>')).toBe('Ann Lee, Bo Chen');
  });

  it('takes <meta name=author> unless it is a URL', () => {
    expect(bylineOf('<p>x</p>', { author: 'By Jane Roe' })).toBe('Jane Roe');
    expect(bylineOf('<p>x</p>', { author: 'https://facebook.com/x' })).toBeNull();
  });
});

describe('bylines written as text', () => {
  it('reads a "By" line, the label alone or in its own element, and cuts dates, reading times and roles', () => {
    expect(bylineOf('<p class="text-with-icon">By Amy Wilhelm</p><a href="#c">0 comments</a>')).toBe('Amy Wilhelm');
    expect(bylineOf('<p class="x">by: <!-- -->Ziyi Xu<!-- -->, <!-- -->Dec 17, 2025</p>')).toBe('Ziyi Xu');
    expect(
      bylineOf(
        '<div><div><p>By <!-- -->Preetam Jinka</p><p>Co-founder and Chief Architect</p></div><span>Dec 17, 2025</span></div>',
      ),
    ).toBe('Preetam Jinka');
    expect(bylineOf('<h3>Written by Cassidy Horton</h3>')).toBe('Cassidy Horton');
    expect(cleanByline('Eliz - Product marketer')).toBe('Eliz');
    expect(cleanByline('Bo Chen · 12.03.2024 · 6 min read')).toBe('Bo Chen');
  });

  it('is not fooled by sentences or labels that are not names', () => {
    expect(bylineOf('<p>By the way, the council met on Monday.</p>')).toBeNull();
    expect(bylineOf('<div class="author"><span>Recipe by</span> <a>PJ Hamel</a></div>')).toBe('PJ Hamel');
    expect(bylineOf('<div class="author">Insights from <b>Liza Burke</b></div>')).toBe('Liza Burke');
  });

  it("ranks the site's own name (the publisher standing in for a writer) after a person", () => {
    const org = { '@type': 'NewsArticle', author: { '@type': 'Person', name: 'USA TODAY' } };
    expect(bylineOf(`${ld(org)}<div class="gnt_ar_by">Brian Truitt</div>`, {}, 'USA TODAY')).toBe('USA TODAY');
    expect(bylineOf(`${ld(org)}<p>By Brian Truitt</p>`, {}, 'USA TODAY')).toBe('Brian Truitt');
    expect(bylineOf('<p>x</p>', { author: 'Buzzsprout' }, 'buzzsprout.com')).toBe('Buzzsprout');
    expect(bylineOf('<p>By Alban Brooke</p>', { author: 'Buzzsprout' }, 'buzzsprout.com')).toBe('Alban Brooke');
  });
});
