import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';
import { isSectionName } from './section.js';
import { readMetadata } from './metadata.js';
import { parseShallow } from './shallow.js';

/** The section as extraction reads it with the rest of the page's metadata. */
function articleSection(html: string, url: string): string | null {
  return readMetadata(parseShallow(html).document, url, {}).section;
}

describe('articleSection', () => {
  it('keeps only names the site can filter by: punctuation outside the set dropped, never a name that answers 400', () => {
    const withMeta = (name: string) =>
      articleSection(`<head><meta property="article:section" content="${name}"></head>`, 'https://x.example/a');
    expect(withMeta('¡Política!')).toBe('Política');
    expect(withMeta('Mundo (AFP)')).toBe('Mundo AFP');
    expect(withMeta('«Sport»')).toBe('Sport');
    expect(withMeta('***')).toBeNull();
    for (const name of ['¡Política!', 'Mundo (AFP)', '«Sport»', 'Science &amp; environment', "L'actu: monde"]) {
      const kept = withMeta(name);
      if (kept !== null) expect(isSectionName(kept), kept).toBe(true);
    }
  });

  it('reads article:section first, entities decoded', () => {
    const page = `<head><meta content="Science &amp; environment" property="article:section"><script type="application/ld+json">{"articleSection":"Other"}</script></head>`;
    expect(articleSection(page, 'https://x.example/a')).toBe('Science & environment');
  });

  it('falls back to JSON-LD articleSection (a string or the first of a list)', () => {
    expect(
      articleSection(
        `<script type="application/ld+json">{"@type":"NewsArticle","articleSection":"Pol\\u00edtica"}</script>`,
        'https://x.example/a',
      ),
    ).toBe('Política');
    expect(
      articleSection(
        `<script type="application/ld+json">{"articleSection": ["Deportes", "Fútbol"]}</script>`,
        'https://x.example/a',
      ),
    ).toBe('Deportes');
  });

  it('falls back to a first path segment that reads as a section, never a slug or a bucket', () => {
    expect(articleSection('<p>x</p>', 'https://x.example/sport/2024/05/final-tonight')).toBe('Sport');
    expect(articleSection('<p>x</p>', 'https://x.example/local-news/harbour-reopens')).toBe('Local news');
    expect(articleSection('<p>x</p>', 'https://x.example/harbour-reopens-after-the-storm')).toBeNull();
    expect(articleSection('<p>x</p>', 'https://x.example/news/harbour')).toBeNull();
    expect(articleSection('<p>x</p>', 'https://x.example/2024/05/harbour')).toBeNull();
    expect(articleSection('<p>x</p>', 'file:///tmp/page.html')).toBeNull();
  });

  it('ignores empty and sentence-long sections', () => {
    expect(articleSection('<meta property="article:section" content=" ">', 'https://x.example/a')).toBeNull();
    expect(
      articleSection(`<meta property="article:section" content="${'word '.repeat(20)}">`, 'https://x.example/a'),
    ).toBeNull();
  });

  it('keeps the article when a numeric entity is out of range (it used to throw a RangeError)', () => {
    const body = '<p>The harbour reopened on Monday after a week of repairs to the storm-damaged quay.</p>'.repeat(4);
    const page = `<html><head><meta property="article:section" content="&#99999999;"><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>${body}</article></body></html>`;
    expect(articleSection(page, 'https://x.example/a')).toBeNull();
    const article = extractArticle(page, 'https://x.example/sport/harbour-reopens');
    expect(article.section).toBe('Sport');
    expect(article.paragraphs.length).toBeGreaterThan(0);
  });
});
