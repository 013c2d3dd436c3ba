import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { sanitizeHtml } from './index.js';

const BASE = 'https://news.example.com/world/2024/05/story.html';

/** Every element and attribute of the output, parsed back, for structural checks. */
function unsafeParts(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const problems: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'style', 'iframe', 'object', 'embed', 'form', 'input'].includes(tag)) problems.push(tag);
    for (const attr of Array.from(el.attributes as ArrayLike<{ name: string; value: string }>)) {
      if (attr.name.startsWith('on')) problems.push(attr.name);
      if (attr.name === 'style') problems.push('style');
      if (/^\s*(javascript|data|vbscript):/i.test(attr.value)) problems.push(attr.value);
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
    const out = sanitizeHtml('<p onclick="x()" style="color:red" class="c">hi <img src="/a.jpg" onerror="x()"></p>', BASE);
    expect(out).toBe('<p>hi <img src="https://news.example.com/a.jpg" /></p>');
  });

  it('drops javascript:, data: and vbscript: URLs but keeps the link text', () => {
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:x', 'data:text/html,x', 'vbscript:x']) {
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
    const out = sanitizeHtml('<a href="../tag/kremlin">Kremlin</a> <img data-src="//cdn.example.com/i.jpg" src="placeholder.gif">', BASE);
    expect(out).toContain('<a rel="noopener noreferrer nofollow" href="https://news.example.com/world/2024/tag/kremlin">Kremlin</a>');
    expect(out).toContain('src="https://cdn.example.com/i.jpg"');
  });

  it('keeps reading markup and text with its spaces', () => {
    const html = '<h2>Sub</h2><p>El <strong>Kremlin</strong>, dijo <b>Serguéi Shoigú </b>recibió</p><ul><li>a</li></ul>';
    expect(sanitizeHtml(html, BASE)).toBe(html);
  });

  it('never lets hostile input through (property)', () => {
    const pieces = fc.constantFrom(
      '<script>', '</script>', '<scr', 'ipt>', '<img src=x onerror=alert(1)>', '<a href="javascript:x">', '<a href=javascript:x>',
      '<svg onload=x>', '<iframe>', '<!--', '-->', '<![CDATA[', '"', "'", '>', '<', ' onclick=', '<p', 'style="x"',
      '<math><mi>', '</p>', '&lt;script&gt;', '<a href="  jav&#x09;ascript:x">', '<div ONMOUSEOVER="x">', 'javascript:',
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
