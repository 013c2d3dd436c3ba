import { describe, expect, it } from 'vitest';
import { htmlToText, httpUrl, languageTag, resolveBase, summaryText, uniqueItems } from './normalize.js';
import type { FeedItem } from './types.js';

describe('htmlToText', () => {
  it('keeps word boundaries at block elements and line breaks', () => {
    expect(htmlToText('<p>Uno</p><p>dos<br>tres</p><ul><li>a</li><li>b</li></ul>')).toBe('Uno dos tres a b');
  });

  it('drops scripts, styles and their text', () => {
    expect(htmlToText('<style>p{}</style><p>Texte<script>alert(1)</script> visible</p>')).toBe('Texte visible');
  });

  it('decodes entities, named and numeric', () => {
    expect(htmlToText('caf&eacute; &amp; th&#233; &#x2014; &nbsp;fin')).toBe('café & thé — fin');
  });

  it('strips markup that was escaped twice', () => {
    expect(htmlToText('&lt;p&gt;Hola &lt;b&gt;mundo&lt;/b&gt;&lt;/p&gt;')).toBe('Hola mundo');
  });

  it('leaves a lone "<" in text alone', () => {
    expect(htmlToText('5 < 6 and 7 > 3')).toBe('5 < 6 and 7 > 3');
  });

  it('survives markup nested far deeper than the call stack', () => {
    const depth = 50_000;
    const deep = `${'<span>'.repeat(depth)}deep &amp; &#233;<script>x()</script>${'</span>'.repeat(depth)}`;
    expect(htmlToText(deep)).toBe('deep & é');
    expect(htmlToText('<p>and after <b>it</b></p>')).toBe('and after it');
  });

  it('gives null for nothing or only markup', () => {
    expect(htmlToText(undefined)).toBeNull();
    expect(htmlToText('<img src="x.jpg"><br/>')).toBeNull();
  });
});

describe('summaryText', () => {
  it('cuts a long text at a word boundary and marks the cut', () => {
    const long = `<p>${'palabra '.repeat(300)}</p>`;
    const summary = summaryText(long)!;
    expect(summary.length).toBeLessThanOrEqual(1_001);
    expect(summary.endsWith('palabra…')).toBe(true);
  });

  it('keeps a short text whole', () => {
    expect(summaryText('<p>Court.</p>')).toBe('Court.');
  });
});

describe('httpUrl', () => {
  it('resolves relative addresses against the base', () => {
    expect(httpUrl('../b/c.html?x=1#top', 'https://ex.com/a/feed.xml')).toBe('https://ex.com/b/c.html?x=1#top');
    expect(httpUrl('//cdn.ex.com/a', 'https://ex.com/')).toBe('https://cdn.ex.com/a');
  });

  it('refuses other schemes, whatever their case or padding', () => {
    for (const raw of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
      'ftp://ex.com/f',
    ]) {
      expect(httpUrl(raw, 'https://ex.com/')).toBeNull();
    }
  });

  it('refuses a relative address when there is no base', () => {
    expect(httpUrl('/a/b')).toBeNull();
    expect(httpUrl('https://ex.com/a')).toBe('https://ex.com/a');
  });
});

describe('resolveBase', () => {
  it('resolves each xml:base against the one around it and skips unusable ones', () => {
    expect(resolveBase('https://ex.com/feed', 'https://blog.ex.com/', '/2025/', undefined, '06/')).toBe(
      'https://blog.ex.com/2025/06/',
    );
    expect(resolveBase('https://ex.com/feed', 'http://[bad')).toBe('https://ex.com/feed');
  });
});

describe('languageTag', () => {
  it('writes tags in BCP 47 case', () => {
    expect(languageTag('en-us')).toBe('en-US');
    expect(languageTag('FR_ca')).toBe('fr-CA');
    expect(languageTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(languageTag(' es ')).toBe('es');
  });

  it('refuses what is not a tag', () => {
    expect(languageTag('English')).toBeNull();
    expect(languageTag('')).toBeNull();
    expect(languageTag('fr, en')).toBeNull();
  });
});

describe('uniqueItems', () => {
  const item = (url: string, title: string): FeedItem => ({
    url,
    title,
    publishedAt: null,
    summary: null,
    author: null,
    language: null,
    guid: null,
  });

  it('keeps the first item of each URL and drops missing ones', () => {
    const kept = uniqueItems([
      item('https://a/1', 'first'),
      null,
      item('https://a/1', 'second'),
      item('https://a/2', 'x'),
    ]);
    expect(kept.map((i) => i.title)).toEqual(['first', 'x']);
  });
});
