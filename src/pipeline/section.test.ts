import { describe, expect, it } from 'vitest';
import { articleSection } from './section.js';

describe('articleSection', () => {
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
    expect(articleSection(`<script>{"articleSection": ["Deportes", "Fútbol"]}</script>`, 'https://x.example/a')).toBe(
      'Deportes',
    );
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
});
