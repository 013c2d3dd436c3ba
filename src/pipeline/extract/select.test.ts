import { describe, it, expect } from 'vitest';
import { selectAll as cssSelectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { parseDocument, parseFragment, type DomElement } from './dom.js';
import { all, first, is } from './select.js';

const selectAll = (selector: string, root: AnyNode | AnyNode[]): DomElement[] =>
  cssSelectAll<AnyNode, Element>(selector, root);

const PAGE = `<html><body>
  <nav class="menu top">x</nav><amp-ad></amp-ad><amp-sidebar id="s"></amp-sidebar>
  <div class="article-standfirst lead">a</div><p class="lead">b</p><p class="leader">c</p>
  <h2 class="subheadline x">d</h2><h3 class="subheadline">e</h3><span itemprop="alternativeHeadline">f</span>
  <a rel="author" href="/author/jane">Jane</a><a href="/authors/x" class="author-name">X</a>
  <div class="byline"><a href="/p">P</a></div><div class="post-author_name">Q</div><div class="AUTHOR">R</div>
  <div itemprop="author"><span itemprop="name">N</span></div><section role="navigation" id="comments-3">S</section>
  <div id="comments" class="comments-area c">T</div><ul class="comment-list"><li class="a b c">U</li></ul>
</body></html>`;

const SELECTORS = [
  '.standfirst, .article-standfirst, .subtitle, p.lead, h2.subheadline, [itemprop=alternativeHeadline]',
  '[rel=author], a[href*="/author/"], a[href*="/authors/"], [itemprop=author] [itemprop=name], [itemprop=author], .byline a, .byline, .author-name, [class*=author_name], [class*=author]',
  'amp-ad, amp-embed, amp-sidebar, nav',
  'nav, form, [role=navigation], [role=banner], dialog',
  '#comments, #disqus_thread, .comments-area, .comment-list, [id^=comments-]',
  '.a.b, [class~=c], [class$=area], [class^=comm], [id|=comments]',
  '[class], [id]',
  'div.byline, h3.subheadline, #s',
];

const names = (els: DomElement[]): string[] =>
  els.map((el) => `${el.name}.${el.attribs.class ?? ''}#${el.attribs.id ?? ''}:${el.children.length}`);

describe('selectors', () => {
  it('find what css-select finds, in document order, over a document and under an element', () => {
    const document = parseDocument(PAGE);
    const fragment = parseFragment(PAGE);
    for (const selector of SELECTORS) {
      const expected = names(selectAll(selector, document));
      expect(expected.length).toBeGreaterThan(0);
      expect(names(all(document, selector)), selector).toEqual(expected);
      expect(names(all(fragment, selector)), selector).toEqual(names(selectAll(selector, fragment.children)));
      expect(first(document, selector)).toBe(all(document, selector)[0]);
    }
  });

  it('answers `is` as css-select does for each element', () => {
    const document = parseDocument(PAGE);
    for (const selector of SELECTORS) {
      const matched = new Set(selectAll(selector, document));
      for (const el of all(document, '*')) expect(is(el, selector), `${selector} on ${el.name}`).toBe(matched.has(el));
    }
  });
});

describe('selector lists with [class*=...]', () => {
  it('match as css-select does when other alternatives hold the same text', () => {
    const document = parseDocument(
      '<div class="author-name">a</div><p class="byline x">b</p><span class="post-authorName">c</span><i class="authors">d</i><b class="writer">e</b><a class="by">f</a>',
    );
    for (const selector of [
      '.byline, .author-name, [class*=authorName], [class*=author], [class*=byline]',
      '[class*=author], .author, [class*="author-name"]',
      '.writer, [class*=auth], [class*=author]',
    ]) {
      const matched = new Set(selectAll(selector, document));
      expect(matched.size).toBeGreaterThan(1);
      for (const el of all(document, '*'))
        expect(is(el, selector), `${selector} on ${el.attribs.class}`).toBe(matched.has(el));
    }
  });
});
