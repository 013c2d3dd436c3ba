import { describe, expect, it } from 'vitest';
import { escapeHtml, html, kept, raw, safeUrl, utf8Of } from './html.js';

describe('html', () => {
  it('escapes every interpolated string', () => {
    const title = '<script>alert("x")</script> & \'more\'';
    expect(html`<h1>${title}</h1>`.value).toBe(
      '<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;</h1>',
    );
  });

  it('keeps raw() and nested html as they are', () => {
    const inner = html`<em>${'a<b'}</em>`;
    expect(html`<p>${inner}${raw('<b>ok</b>')}</p>`.value).toBe('<p><em>a&lt;b</em><b>ok</b></p>');
  });

  it('joins arrays, escaping each item, and renders nullish and booleans as nothing', () => {
    expect(html`${['<a>', html`<b>`]}|${null}|${undefined}|${false}|${0}`.value).toBe('&lt;a&gt;<b>||||0');
  });

  it('escapes quotes so values cannot break out of attributes', () => {
    expect(html`<a title="${'x" onclick="y'}">`.value).toBe('<a title="x&quot; onclick=&quot;y">');
    expect(escapeHtml("'")).toBe('&#39;');
  });
});

describe('kept pieces', () => {
  const item = (title: string) => kept(html`<li>${title} — «${'<b>'}»</li>`);

  it('render a page with the same text as plain templates, and the same UTF-8 bytes', () => {
    const items = [item('Zürich'), item('東京'), item('Ελλάδα')];
    const page = html`<title>${'Búsqueda — “q”'}</title><ol>${items}</ol>${html`<p>${items[0]}</p>`}<footer>${'é'}</footer>`;
    const plain = html`<title>${'Búsqueda — “q”'}</title><ol>${items.map((i) => raw(i.value))}</ol>${html`<p>${raw(items[0]!.value)}</p>`}<footer>${'é'}</footer>`;
    expect(page.value).toBe(plain.value);
    expect(`${page}`).toBe(plain.value);
    expect(utf8Of(page).equals(Buffer.from(plain.value))).toBe(true);
    expect(utf8Of(plain).equals(Buffer.from(plain.value))).toBe(true);
  });

  it('encode a kept piece once, however many pages send it', () => {
    const shared = item('Sevilla');
    const first = shared.bytes;
    utf8Of(html`<ol>${[shared]}</ol>`);
    utf8Of(html`<ul>${shared}</ul>`);
    expect(shared.bytes).toBe(first);
    expect(kept(shared)).toBe(shared);
  });

  it('still escape everything else in a pieced template', () => {
    const page = html`${item('a')}<p title="${'x" onclick="y'}">${'<script>'}</p>`;
    expect(page.value).toContain('<p title="x&quot; onclick=&quot;y">&lt;script&gt;</p>');
  });
});

describe('safeUrl', () => {
  it('keeps http(s) URLs and site paths', () => {
    expect(safeUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeUrl('/article/1/x')).toBe('/article/1/x');
  });

  it('refuses script, data and protocol-relative URLs', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl(' JavaScript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<script>')).toBeNull();
    expect(safeUrl('//evil.example/x')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});
