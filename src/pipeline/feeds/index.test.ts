import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HappeningsError } from '../../errors.js';
import { parseFeed, type ParsedFeed } from './index.js';

const testdata = new URL('./testdata/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, testdata), 'utf8');

interface Golden {
  source: string;
  feedUrl: string;
  feed: ParsedFeed;
}

const goldens = readdirSync(testdata)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => JSON.parse(read(name)) as Golden);

function badFeedError(text: string, feedUrl = 'https://example.com/feed'): HappeningsError {
  try {
    parseFeed(text, feedUrl);
  } catch (error) {
    expect(error).toBeInstanceOf(HappeningsError);
    return error as HappeningsError;
  }
  throw new Error('parseFeed accepted input it should have refused');
}

describe('parseFeed golden pairs (testdata/<name>.<ext> → <name>.expected.json)', () => {
  it('has a golden pair for every format', () => {
    const kinds = new Set(goldens.map((golden) => golden.feed.kind));
    expect([...kinds].sort()).toEqual(['atom', 'json', 'rdf', 'rss', 'sitemap', 'sitemap-index']);
  });

  for (const golden of goldens) {
    it(`normalizes ${golden.source}`, () => {
      expect(parseFeed(read(golden.source), golden.feedUrl)).toEqual(golden.feed);
    });
  }
});

describe('parseFeed items', () => {
  const rss = parseFeed(read('rss2.xml'), 'https://www.eldiariodelsur.es/rss/portada.xml');

  it('resolves relative links against the feed URL', () => {
    expect(rss.items.map((item) => item.url)).toContain(
      'https://www.eldiariodelsur.es/sociedad/sevilla-noche-calurosa_1_1234570.html',
    );
  });

  it('keeps the first of two items with the same URL and drops items without any URL', () => {
    const urls = rss.items.map((item) => item.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(rss.items.find((item) => item.guid === 'eds-1234567')?.title).toMatch(/alquiler/);
    expect(rss.items.some((item) => item.guid === 'promo-77')).toBe(false);
  });

  it('uses a permalink guid when the item has no link', () => {
    const live = rss.items.find((item) => item.title?.startsWith('Directo'));
    expect(live?.url).toBe(live?.guid);
  });

  it('keeps a guid as written, entity-like text included', () => {
    const feed = parseFeed(
      '<rss version="2.0"><channel><item><guid>https://ex.com/?id=1&amp;copy=2</guid></item></channel></rss>',
      'https://ex.com/feed',
    );
    expect(feed.items[0]).toMatchObject({ url: 'https://ex.com/?id=1&copy=2', guid: 'https://ex.com/?id=1&copy=2' });
  });

  it('resolves nested xml:base in Atom', () => {
    const atom = parseFeed(read('atom.xml'), 'https://elsewhere.example/feed');
    expect(atom.items[0]?.url).toBe('https://blog.lesnouvelleseco.fr/2025/06/bce-maintient-taux.html');
  });

  it('reads an RSS feed behind PHP warnings printed before it', () => {
    const junk =
      '<br />\n<b>Warning</b>:  Cannot modify header information in <b>/var/www/wp-includes/feed-rss2.php</b><br />\n';
    const feed = parseFeed(junk + read('rss2.xml'), 'https://www.eldiariodelsur.es/rss/portada.xml');
    expect(feed.items).toHaveLength(3);
  });

  it('reads an RSS feed with a UTF-8 byte order mark', () => {
    const feed = parseFeed(`\uFEFF${read('rss091.xml')}`, 'http://www.valleycourier.example/rss.xml');
    expect(feed.items).toHaveLength(2);
  });
});

describe('parseFeed on hostile feeds', () => {
  const hostile = parseFeed(read('hostile.xml'), 'https://news.example.net/rss');

  it('never yields a non-http(s) URL', () => {
    expect(hostile.items.map((item) => item.url)).toEqual(['https://news.example.net/real-story']);
    expect(hostile.siteUrl).toBeNull();
  });

  it('leaves no markup or script text in any field', () => {
    const text = JSON.stringify(hostile);
    expect(text).not.toMatch(/<script|alert\(1\)|steal\(\)|javascript:|onerror/i);
  });

  it('yields only http(s) item URLs whatever the link text', () => {
    fc.assert(
      fc.property(fc.string(), (link) => {
        const escaped = link.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const feed = parseFeed(
          `<rss version="2.0"><channel><title>t</title><item><link>${escaped}</link></item></channel></rss>`,
          'https://example.com/feed',
        );
        return feed.items.every((item) => /^https?:\/\//.test(item.url));
      }),
    );
  });

  it('throws only HappeningsError, whatever the body', () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.string().map((s) => `<rss version="2.0"><channel>${s}`),
      fc.string().map((s) => `<feed xmlns="http://www.w3.org/2005/Atom">${s}`),
      fc.string().map((s) => `<urlset><url><loc>${s}`),
    );
    fc.assert(
      fc.property(bodies, (body) => {
        try {
          parseFeed(body, 'https://example.com/feed');
        } catch (error) {
          return error instanceof HappeningsError && error.code === 'bad-feed';
        }
        return true;
      }),
    );
  });
});

describe('parseFeed on bad input', () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      'an HTML front page',
      'bad-front-page.html',
      /^feeds: expected a feed but got an HTML page \(https:\/\/example\.com\/feed\)$/,
    ],
    ['an XHTML page behind an XML declaration', 'bad-xhtml-page.xml', /got an HTML page/],
    ['an empty body', 'bad-empty.txt', /^feeds: the body is empty/],
    ['plain text', 'bad-text.txt', /neither XML nor JSON/],
    ['JSON that is not a JSON Feed', 'bad-not-jsonfeed.json', /JSON that is not a JSON Feed/],
    ['truncated JSON', 'bad-broken.json', /not valid JSON/],
    ['XML with an unknown root', 'bad-unknown-root.xml', /XML document with root <error>/],
    ['an OPML file', 'subscriptions.opml', /root <opml>/],
  ];

  for (const [what, file, message] of cases) {
    it(`refuses ${what} with one bad-feed error`, () => {
      const error = badFeedError(read(file));
      expect(error.stage).toBe('feeds');
      expect(error.code).toBe('bad-feed');
      expect(error.message).toMatch(message);
    });
  }

  it('refuses a zero-length body', () => {
    expect(badFeedError('').message).toMatch(/body is empty/);
  });
});
