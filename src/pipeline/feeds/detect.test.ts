import { describe, expect, it } from 'vitest';
import { looksLikeHtml, rootName, sniff } from './detect.js';

describe('looksLikeHtml', () => {
  const html = [
    '<!DOCTYPE html><html><head></head></html>',
    '\n\n  <!doctype HTML>\n<html lang="fr">',
    '<html>',
    '<!-- cache: HIT --><html><body>x</body></html>',
    '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">',
    '<head><title>Login</title></head>',
    '\uFEFF<!DOCTYPE html>',
  ];
  const notHtml = [
    '<?xml version="1.0"?><rss version="2.0"><channel><description>&lt;html&gt;</description></channel></rss>',
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd"><rss version="0.91">',
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>html</title></feed>',
    '{"version":"https://jsonfeed.org/version/1.1"}',
    '',
  ];

  for (const text of html)
    it(`says yes to ${JSON.stringify(text.slice(0, 40))}`, () => expect(looksLikeHtml(text)).toBe(true));
  for (const text of notHtml)
    it(`says no to ${JSON.stringify(text.slice(0, 40))}`, () => expect(looksLikeHtml(text)).toBe(false));
});

describe('rootName', () => {
  it('reads the local name past the prolog, stylesheets, comments and a DOCTYPE with a subset', () => {
    const text = `<?xml version="1.0"?>\n<?xml-stylesheet href="a.xsl"?>\n<!-- x -->\n<!DOCTYPE rdf:RDF [ <!ENTITY nbsp "&#160;"> ]>\n<rdf:RDF xmlns:rdf="x">`;
    expect(rootName(text)).toBe('rdf');
    expect(rootName('<sitemapindex xmlns="s">')).toBe('sitemapindex');
  });

  it('gives null when there is no element', () => {
    expect(rootName('just text')).toBeNull();
  });
});

describe('sniff', () => {
  it('tells each kind of body apart', () => {
    expect(sniff(' \n\t')).toEqual({ type: 'empty' });
    expect(sniff('  {"a":1}')).toEqual({ type: 'json' });
    expect(sniff('<urlset>')).toEqual({ type: 'xml', root: 'urlset', body: '<urlset>' });
    expect(sniff('<!doctype html>')).toEqual({ type: 'html' });
    expect(sniff('502 Bad Gateway')).toEqual({ type: 'text' });
    expect(sniff('<Error><Code>x</Code></Error>')).toMatchObject({ type: 'xml', root: 'error' });
  });

  it('finds a feed behind junk printed before it', () => {
    const feed = '<?xml version="1.0"?>\n<rss version="2.0"></rss>';
    expect(sniff(`Warning: Undefined variable $x in /var/www/functions.php on line 12\n${feed}`)).toEqual({
      type: 'xml',
      root: 'rss',
      body: feed,
    });
    expect(sniff(`<br />\n<b>Notice</b>: wp_deregister_script was called incorrectly<br />\n${feed}`)).toMatchObject({
      root: 'rss',
    });
  });
});
