import { describe, expect, it } from 'vitest';
import { discoverFeeds } from './discover.js';

const page = `<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Le Courrier du Lac</title>
<link rel="stylesheet" href="/css/site.css">
<link rel="alternate" type="application/rss+xml" title="Le Courrier du Lac &raquo; Flux des commentaires" href="/comments/feed/">
<link rel="alternate" type="application/rss+xml" title="À la une" href="/rss/une.xml">
<link rel="alternate" type="application/json" href="https://www.lecourrierdulac.fr/wp-json/wp/v2/posts/8812">
<link rel="alternate" type="application/json+oembed" href="https://www.lecourrierdulac.fr/wp-json/oembed/1.0/embed?url=x">
<link rel="alternate" type="application/atom+xml" title="Économie" href="https://www.lecourrierdulac.fr/economie/feed.atom">
<link rel="Alternate" type="application/feed+json; charset=utf-8" href="//cdn.lecourrierdulac.fr/feed.json">
<link rel="alternate" type="application/json" href="feed.json">
<link rel="alternate" hreflang="en" href="https://en.lecourrierdulac.fr/">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" type="application/rss+xml" href="/rss/une.xml">
<link rel="canonical" href="https://www.lecourrierdulac.fr/">
</head><body><a href="/rss/sport.xml" type="application/rss+xml">RSS sport</a></body></html>`;

describe('discoverFeeds', () => {
  it('lists the advertised feeds as absolute URLs, in page order with comment feeds last, once each', () => {
    expect(discoverFeeds(page, 'https://www.lecourrierdulac.fr/annecy/')).toEqual([
      'https://www.lecourrierdulac.fr/rss/une.xml',
      'https://www.lecourrierdulac.fr/economie/feed.atom',
      'https://cdn.lecourrierdulac.fr/feed.json',
      'https://www.lecourrierdulac.fr/annecy/feed.json',
      'https://www.lecourrierdulac.fr/comments/feed/',
    ]);
  });

  it('resolves against <base href> when the page has one', () => {
    const html =
      '<html><head><base href="https://static.example.es/noticias/"><link rel="alternate" type="application/rss+xml" href="rss.xml"></head></html>';
    expect(discoverFeeds(html, 'https://www.example.es/')).toEqual(['https://static.example.es/noticias/rss.xml']);
  });

  it('finds nothing on a page without feed links', () => {
    expect(discoverFeeds('<html><head><title>x</title></head><body></body></html>', 'https://ex.com/')).toEqual([]);
    expect(discoverFeeds('', 'https://ex.com/')).toEqual([]);
  });
});
