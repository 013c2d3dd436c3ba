import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { parseDocument } from 'htmlparser2';
import { sanitizeChildren, sanitizeHtml } from './index.js';

const BASE = 'https://news.example.com/world/2024/05/story.html';

/** What may come out: reading tags, and per tag the attributes it keeps (written out here, not imported,
 *  so that a change to the allow-list in index.ts has to change this test too). */
const MAY_KEEP: Record<string, string[]> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  time: ['datetime'],
  ol: ['start', 'reversed'],
  ...Object.fromEntries(
    [
      'abbr',
      'b',
      'blockquote',
      'br',
      'caption',
      'cite',
      'code',
      'dd',
      'del',
      'div',
      'dl',
      'dt',
      'em',
      'figcaption',
      'figure',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'hr',
      'i',
      'ins',
      'li',
      'mark',
      'p',
      'pre',
      'q',
      's',
      'section',
      'small',
      'strong',
      'sub',
      'sup',
      'table',
      'tbody',
      'tfoot',
      'thead',
      'tr',
      'u',
      'ul',
    ].map((tag) => [tag, []]),
  ),
};

/** Every element and attribute of the output, parsed back as a browser would, that is not allowed. */
function unsafeParts(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const problems: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    const allowed = MAY_KEEP[tag];
    if (!allowed) problems.push(tag);
    for (const attr of Array.from(el.attributes as ArrayLike<{ name: string; value: string }>)) {
      if (!allowed?.includes(attr.name)) problems.push(`${tag}[${attr.name}]`);
      if ((attr.name === 'href' || attr.name === 'src') && !/^(https?|mailto):/.test(attr.value))
        problems.push(attr.value);
    }
  }
  return problems;
}

describe('sanitizeHtml', () => {
  it('removes scripts and styles with their content', () => {
    const out = sanitizeHtml('<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>', BASE);
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('removes event handlers and style attributes', () => {
    const out = sanitizeHtml(
      '<p onclick="x()" style="color:red" class="c">hi <img src="/a.jpg" onerror="x()"></p>',
      BASE,
    );
    expect(out).toBe('<p>hi <img src="https://news.example.com/a.jpg" /></p>');
  });

  it('drops javascript:, data: and vbscript: URLs but keeps the link text', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:x',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      const out = sanitizeHtml(`<a href="${href}">text</a>`, BASE);
      expect(out).toBe('<a rel="noopener noreferrer nofollow">text</a>');
    }
    expect(sanitizeHtml('<img src="data:image/png;base64,AAAA">', BASE)).toBe('');
  });

  it('removes iframes, objects, embeds and forms with their content', () => {
    const out = sanitizeHtml(
      '<p>x</p><iframe src="https://evil.example/"><p>in</p></iframe><object data="a.swf">o</object><embed src="b">' +
        '<form action="/subscribe"><label>Email</label><input name="e"><button>Go</button></form><p>y</p>',
      BASE,
    );
    expect(out).toBe('<p>x</p><p>y</p>');
  });

  it('absolutizes relative links and images and marks links', () => {
    const out = sanitizeHtml(
      '<a href="../tag/kremlin">Kremlin</a> <img data-src="//cdn.example.com/i.jpg" src="placeholder.gif">',
      BASE,
    );
    expect(out).toContain(
      '<a rel="noopener noreferrer nofollow" href="https://news.example.com/world/2024/tag/kremlin">Kremlin</a>',
    );
    expect(out).toContain('src="https://cdn.example.com/i.jpg"');
  });

  it('keeps reading markup and text with its spaces', () => {
    const html =
      '<h2>Sub</h2><p>El <strong>Kremlin</strong>, dijo <b>Serguéi Shoigú </b>recibió</p><ul><li>a</li></ul>';
    expect(sanitizeHtml(html, BASE)).toBe(html);
  });

  it('escapes text and attribute values', () => {
    const out = sanitizeHtml(
      '<p>a &lt;b&gt; &amp; c</p><a title=\'x"><script>y\' href="/q?a=1&amp;b=&quot;2">t</a>',
      BASE,
    );
    expect(out).toBe(
      '<p>a &lt;b&gt; &amp; c</p><a rel="noopener noreferrer nofollow" href="https://news.example.com/q?a=1&amp;b=%222" title="x&quot;&gt;&lt;script&gt;y">t</a>',
    );
  });

  it('drops empty attributes that need a value, keeps alt="" and boolean ones', () => {
    const out = sanitizeHtml(
      '<ol reversed start=""><li><img src="/a.jpg" alt="" title="" width=""></li></ol><table><tr><td colspan="">x</td></tr></table>',
      BASE,
    );
    expect(out).toBe(
      '<ol reversed><li><img src="https://news.example.com/a.jpg" alt="" /></li></ol><table><tr><td>x</td></tr></table>',
    );
  });

  it('turns h1 into h2 and unwraps unknown tags, keeping their text', () => {
    expect(sanitizeHtml('<h1>T</h1><span class="x">a</span><custom-el>b</custom-el><!-- c -->', BASE)).toBe(
      '<h2>T</h2>ab',
    );
  });

  it('reads a tree that is already parsed as it reads the same markup', () => {
    const html =
      '<div><h1>T</h1><p>a <a href="/x" onclick="y()">b</a><img data-src="/i.jpg"></p><script>z()</script><form>f</form></div>';
    expect(sanitizeChildren(parseDocument(html), BASE)).toBe(sanitizeHtml(html, BASE));
  });

  it('survives nesting deeper than a recursive walk would', () => {
    const depth = 8000; // 16,000 levels (the parser, not the walk, is what makes deeper tests slow)
    const out = sanitizeHtml(`${'<div><span>'.repeat(depth)}x`, BASE);
    expect(out.startsWith('<div><div>')).toBe(true);
    expect(out).toContain('x');
  });

  it('never lets hostile input through (property)', () => {
    const pieces = fc.constantFrom(
      '<script>',
      '</script>',
      '<scr',
      'ipt>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:x">',
      '<a href=javascript:x>',
      '<svg onload=x>',
      '<iframe>',
      '<!--',
      '-->',
      '<![CDATA[',
      '"',
      "'",
      '>',
      '<',
      ' onclick=',
      '<p',
      'style="x"',
      '<math><mi>',
      '</p>',
      '&lt;script&gt;',
      '<a href="  jav&#x09;ascript:x">',
      '<div ONMOUSEOVER="x">',
      'javascript:',
      '<title>',
      '<textarea>',
      '<xmp>',
      '<noscript>',
      '<plaintext>',
      '<template>',
      '<select><option>',
      '</a>',
      '<h1>',
      '<img data-src="javascript:x" alt="a">',
      "<a title='\"><script>'>",
      '<table><tr><td>',
      '<![CDATA[<script>]]>',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const out = sanitizeHtml(parts.join(''), BASE);
        expect(out.toLowerCase()).not.toContain('<script');
        expect(unsafeParts(out)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
