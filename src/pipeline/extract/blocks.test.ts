import { describe, it, expect } from 'vitest';
import { parseFragment } from './dom.js';
import { blockTexts } from './blocks.js';

const blocks = (html: string) => blockTexts(parseFragment(html));

describe('blockTexts', () => {
  it('keeps inline tags as the page wrote them, spaces inside or outside', () => {
    expect(
      blocks(
        '<p>hijo de <strong>Kim Jong Il</strong>father, <b>Serguéi Shoigú </b>recibió y<a href="#"> Peskov</a>.</p>',
      ),
    ).toEqual(['hijo de Kim Jong Ilfather, Serguéi Shoigú recibió y Peskov.']);
  });

  it('separates words at block ends and at <br>', () => {
    expect(blocks('<p>Sergei Shoigu</p><p>received</p>')).toEqual(['Sergei Shoigu', 'received']);
    expect(blocks('<p><a href="#">Putin</a><br>said</p>')).toEqual(['Putin said']);
    expect(blocks('<span>one<div>two</div>three</span>')).toEqual(['one', 'two', 'three']);
  });

  it('splits paragraphs at two <br> in a row', () => {
    expect(blocks('<div>first line<br> <br>second<br><br><br>third</div>')).toEqual(['first line', 'second', 'third']);
  });

  it('reads list items, quotes, captions, preformatted text and table rows in order', () => {
    const html =
      '<h2>Head</h2><ul><li>a</li><li>b</li></ul><blockquote>quote</blockquote><figure><img src="x.jpg"><figcaption>cap</figcaption></figure>' +
      '<pre>x  =  1</pre><table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table>';
    expect(blocks(html)).toEqual(['Head', 'a', 'b', 'quote', 'cap', 'x = 1', 'k | v', '1 | 2']);
  });

  it('skips scripts, styles and controls', () => {
    expect(blocks('<p>a<script>var x = 1;</script> b<style>p{}</style><button>Go</button></p>')).toEqual(['a b']);
  });
});
