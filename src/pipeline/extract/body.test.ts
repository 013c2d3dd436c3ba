import { describe, it, expect } from 'vitest';
import { extractArticle } from './index.js';

const URL_ = 'https://example.com/news/2025/01/01/story';
const sentence = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i + 1} about ${topic}, with enough words in it to read as a sentence of prose.</p>`,
  ).join('');

/** A page whose longest prose is not the story: a long "background" box beside a short story. */
const PAGE = `<html><body>
  <div class="story"><h1>Ferry service resumes</h1>${sentence('the ferry', 3)}</div>
  <div class="background">${sentence('the history of the harbour', 12)}</div>
</body></html>`;

describe('ExtractHints.bodySelector', () => {
  it('takes the element it matches as the body', () => {
    const article = extractArticle(PAGE, URL_, { bodySelector: '.story' });
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs.every((p) => p.includes('the ferry'))).toBe(true);
  });

  it('leaves the choice to the scorer when absent or matching nothing', () => {
    for (const hints of [{}, { bodySelector: '.no-such-box' }, { bodySelector: '[[broken' }]) {
      const article = extractArticle(PAGE, URL_, hints);
      expect(article.paragraphs.some((p) => p.includes('the history of the harbour'))).toBe(true);
    }
  });
});

describe('image captions', () => {
  it('stay in the HTML beside their image but are not paragraphs of the story', () => {
    const page = `<html><body><article><h1>Ferry service resumes</h1>${sentence('the ferry', 5)}
      <figure><img src="https://example.com/ferry.jpg"><figcaption>The first ferry leaves the harbour on Monday morning.</figcaption></figure>
      </article></body></html>`;
    const article = extractArticle(page, URL_);
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs.join('\n')).not.toContain('first ferry leaves');
    expect(article.html).toContain('<figcaption>The first ferry leaves the harbour on Monday morning.</figcaption>');
  });
});
