/**
 * Bad input end to end through the web layer: a hostile article body, as the pipeline's sanitize
 * stage leaves it, renders inert; hostile query strings and absurd numbers get clear 4xx answers.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../pipeline/sanitize/index.js';
import { fakeArticle, testApp } from './web.testkit.js';

const HOSTILE_BODY = `<p>Before.</p><script>alert(1)</script><iframe src="https://evil.example/"></iframe>
<p><a href="javascript:alert(2)">click</a> <a href="https://ok.example/">fine</a></p>
<p style="width: expression(alert(3))" onclick="alert(4)">Styled</p><img src="x" onerror="alert(5)">
<svg><script>alert(6)</script></svg><object data="evil.swf"></object><p>After.</p>`;

describe('hostile input', () => {
  it('renders a hostile article body inert', async () => {
    const html = sanitizeHtml(HOSTILE_BODY, 'https://news.example/a');
    const article = fakeArticle({
      id: 5,
      title: 'Hostile',
      original: { title: 'Hostile', subtitle: null, html, paragraphs: ['Before.', 'After.'], language: 'en' },
    });
    const page = await (await testApp({ articles: [article] }).app.request(article.pagePath)).text();
    const body = page.slice(page.indexOf('<main'), page.indexOf('</main>'));
    expect(body).toContain('Before.');
    expect(body).toContain('After.');
    expect(body).toContain('https://ok.example/');
    for (const bad of [/<script/i, /<iframe/i, /<object/i, /javascript:/i, /expression\(/i, /\son\w+=/i])
      expect(body).not.toMatch(bad);
  });

  it('answers absurd page numbers and hostile queries with 400s or 404s, never 500', async () => {
    const { app } = testApp();
    const cases = [
      '/?page=1000000000',
      '/?page=-1',
      '/?page=1e3',
      '/?lang=../../etc',
      '/search?q=x&source=abc',
      '/article/99999999999999999999',
      '/article/1%00',
      '/api/v1/articles?limit=1000000000',
    ];
    for (const path of cases) {
      const res = await app.request(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
    // Control characters and broken encodings are just words that match nothing.
    const odd = await app.request('/api/v1/search?q=%00%ff%22*:OR');
    expect(odd.status).toBe(200);
    expect(((await odd.json()) as { articles: unknown[] }).articles).toEqual([]);
  });
});
