import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HappeningsError } from '../../errors.js';
import { generateOpml, parseOpml, type OpmlOutline } from './index.js';

const read = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

describe('parseOpml', () => {
  it('flattens nested outlines, taking the category from the enclosing outline', () => {
    expect(parseOpml(read('subscriptions.opml'))).toEqual([
      {
        title: 'Le Courrier du Lac',
        xmlUrl: 'https://www.lecourrierdulac.fr/rss.rdf',
        htmlUrl: 'https://www.lecourrierdulac.fr/',
        language: 'fr',
        category: 'Actualités',
      },
      {
        title: 'El Diario del Sur',
        xmlUrl: 'https://www.eldiariodelsur.es/rss/portada.xml',
        htmlUrl: 'https://www.eldiariodelsur.es/',
        language: 'es-ES',
        category: 'Europe',
      },
      {
        title: 'Harbour Tech Weekly',
        xmlUrl: 'https://harbourtech.example.com/feed.json?utm=a&b=c',
        htmlUrl: null,
        language: null,
        category: 'Tech & science',
      },
      {
        title: 'The Valley Courier',
        xmlUrl: 'http://www.valleycourier.example/rss.xml',
        htmlUrl: null,
        language: null,
        category: '/Local/US',
      },
    ]);
  });

  for (const [what, text] of [
    ['an HTML page', read('bad-opml.txt')],
    ['an RSS feed', read('rss2.xml')],
    ['an empty body', ''],
    ['plain text', 'not xml at all'],
  ] as const) {
    it(`throws bad-input on ${what}`, () => {
      let thrown: unknown;
      try {
        parseOpml(text);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(HappeningsError);
      expect((thrown as HappeningsError).code).toBe('bad-input');
      expect((thrown as HappeningsError).message).toMatch(/^feeds: not an OPML file/);
    });
  }

  it('gives an empty list for an OPML file without feeds', () => {
    expect(parseOpml('<opml version="2.0"><head><title>x</title></head><body></body></opml>')).toEqual([]);
  });
});

describe('generateOpml', () => {
  const outlines: OpmlOutline[] = [
    {
      title: 'El Diario del Sur',
      xmlUrl: 'https://www.eldiariodelsur.es/rss/portada.xml',
      htmlUrl: 'https://www.eldiariodelsur.es/',
      language: 'es-ES',
      category: 'Noticias',
    },
    {
      title: 'Harbour "Tech" <Weekly> & co',
      xmlUrl: 'https://harbourtech.example.com/feed.json?a=1&b=2',
      htmlUrl: null,
      language: 'en-GB',
      category: 'Tech & science',
    },
    {
      title: 'Le Courrier du Lac',
      xmlUrl: 'https://www.lecourrierdulac.fr/rss.rdf',
      htmlUrl: null,
      language: null,
      category: null,
    },
    {
      title: 'La Provence',
      xmlUrl: 'https://www.laprovence-quotidien.example/sitemap.xml',
      htmlUrl: null,
      language: 'fr',
      category: 'Noticias',
    },
  ];

  it('round-trips: parsing what it generates gives the same outlines', () => {
    const parsed = parseOpml(generateOpml('Happenings — sources', outlines));
    const byUrl = (a: OpmlOutline, b: OpmlOutline): number => a.xmlUrl.localeCompare(b.xmlUrl);
    expect([...parsed].sort(byUrl)).toEqual([...outlines].sort(byUrl));
  });

  it('writes an OPML 2.0 document with the title and one folder per category', () => {
    const text = generateOpml('Mes sources', outlines);
    expect(text).toMatch(/<opml version="2.0">/);
    expect(text).toContain('Mes sources');
    expect(text.match(/<outline text="Noticias"/g)).toHaveLength(1);
    expect(text).toContain('xmlUrl="https://harbourtech.example.com/feed.json?a=1&amp;b=2"');
  });
});
