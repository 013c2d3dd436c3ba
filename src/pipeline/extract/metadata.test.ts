import { describe, it, expect } from 'vitest';
import { parseDocument } from './dom.js';
import { isoDate, readMetadata, withoutByPrefix } from './metadata.js';
import { labelKind } from './furniture.js';

const URL_ = 'https://www.example.es/mundo/2023/02/14/nota.html';
const read = (head: string, body = '') =>
  readMetadata(parseDocument(`<html><head>${head}</head><body>${body}</body></html>`), URL_, {});

describe('readMetadata', () => {
  it('takes the title once, without section and site suffixes', () => {
    expect(
      read(
        '<title>Sube el paro en enero | Economía | El Diario</title>',
        '<h1>El Diario</h1><h1>Sube el paro en enero</h1>',
      ).title,
    ).toBe('Sube el paro en enero');
    expect(
      read('<title>Sube el paro - El Diario</title><meta property="og:site_name" content="El Diario">').title,
    ).toBe('Sube el paro');
    expect(
      read(
        '<title>x</title><meta property="og:title" content="Sube el paro | El Diario"><meta property="og:site_name" content="El Diario">',
      ).title,
    ).toBe('Sube el paro');
  });

  it('takes no piece of the headline set as an h1 for the headline', () => {
    const og = '<title>x</title><meta property="og:title" content="10 Free Accounting Tools for Small Businesses">';
    expect(read(og, '<h1>10</h1><p>Tools that cost nothing.</p>').title).toBe(
      '10 Free Accounting Tools for Small Businesses',
    );
    expect(read(og, '<h1>Free Accounting Tools</h1>').title).toBe('Free Accounting Tools');
  });

  it('reads a title its publisher escaped twice as written', () => {
    expect(
      read(
        '<title>x</title><meta property="og:title" content="Tools for 2026: Python, SQL &amp;#x26; AI &amp;amp; more">',
      ).title,
    ).toBe('Tools for 2026: Python, SQL & AI & more');
    expect(read('<title>Tom &amp;amp; Jerry &amp;#8217;s day</title>').title).toBe('Tom & Jerry ’s day');
  });

  it('falls back from page to URL to hints for the date, and to the host for the site', () => {
    const meta = read('<title>t</title>');
    expect(meta.publishedAt).toBe('2023-02-14T00:00:00.000Z');
    expect(meta.site).toBe('example.es');
    expect(
      readMetadata(parseDocument('<p>x</p>'), 'https://a.example/x', { publishedAt: '2022-05-01T10:00:00Z' })
        .publishedAt,
    ).toBe('2022-05-01T10:00:00.000Z');
  });

  it('reads language from og:locale and canonical from og:url', () => {
    const meta = read('<meta property="og:locale" content="pt_BR"><meta property="og:url" content="/nota">');
    expect(meta.languageHint).toBe('pt-BR');
    expect(meta.canonicalUrl).toBe('https://www.example.es/nota');
  });
});

describe('helpers', () => {
  it('strips byline prefixes in several languages', () => {
    expect(
      ['By Jane Roe', 'Por Ana Gil', 'Par Luc Petit', 'Von Jonas Becker', 'By: Jane Roe'].map(withoutByPrefix),
    ).toEqual(['Jane Roe', 'Ana Gil', 'Luc Petit', 'Jonas Becker', 'Jane Roe']);
    expect(withoutByPrefix('Byron Smith')).toBe('Byron Smith');
  });

  it('rejects implausible dates', () => {
    expect(isoDate('yesterday')).toBeNull();
    expect(isoDate('1970-01-01')).toBeNull();
    expect(isoDate('2999-01-01')).toBeNull();
  });

  it("keeps the offset the page wrote, so the date stays on the page's own day", () => {
    expect(isoDate('2024-06-19T14:32:00+02:00')).toBe('2024-06-19T14:32:00.000+02:00');
    expect(isoDate('2025-09-04T23:30:00-0400')).toBe('2025-09-04T23:30:00.000-04:00');
    expect(isoDate('Thu, 04 Sep 2025 19:24:33 -0400')).toBe('2025-09-04T19:24:33.000-04:00');
    expect(isoDate('2021-01-27T06:00:00+00:00')).toBe('2021-01-27T06:00:00.000Z');
    expect(isoDate('2025-07-09 11:50:26')).toBe('2025-07-09T11:50:26.000Z');
    expect(Date.parse(isoDate('2025-09-04T23:30:00-04:00')!)).toBe(Date.parse('2025-09-05T03:30:00Z'));
  });

  it('reads month-first dashes and never takes a year for a zone', () => {
    expect(isoDate('03-09-2026')).toBe('2026-03-09T00:00:00.000Z');
    expect(isoDate('2025-02-30')).toBeNull();
  });

  it('recognises furniture labels in many languages, not prose that starts like one', () => {
    expect(
      [
        'LEE TAMBIÉN',
        'Leia também:',
        'Lire aussi :',
        'Leggi anche',
        'Lesen Sie auch:',
        'Читайте также',
        'Lo más leído',
        'Meistgelesen',
        'Mais lidas',
        'Самое читаемое',
        'Te puede interesar',
        'Share this article:',
      ].map(labelKind),
    ).toEqual([
      'related',
      'related',
      'related',
      'related',
      'related',
      'related',
      'most-read',
      'most-read',
      'most-read',
      'most-read',
      'related',
      'share',
    ]);
    expect(labelKind('Share prices fell sharply on Monday')).toBeNull();
  });
});
