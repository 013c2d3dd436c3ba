/**
 * Runs every case folder in testdata/: `source.html` through extractArticle, checked against
 * `expected.json`. Keys named like Article fields are compared exactly; the others are checks:
 *   url (input address), hints (ExtractHints), error (expected HappeningsError code),
 *   mustNotContain (absent from paragraphs and html), htmlContains (present in html),
 *   paragraphsContain (each a substring of some paragraph), titleCountInParagraphs.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { HappeningsError } from '../../errors.js';
import type { Article, ExtractHints } from '../../model.js';
import { extractArticle } from './index.js';

const TESTDATA = new URL('./testdata/', import.meta.url);
const CHECK_KEYS = new Set([
  'url',
  'hints',
  'error',
  'mustNotContain',
  'htmlContains',
  'paragraphsContain',
  'titleCountInParagraphs',
]);

interface Expected extends Partial<Article> {
  url: string;
  hints?: ExtractHints;
  error?: string;
  mustNotContain?: string[];
  htmlContains?: string[];
  paragraphsContain?: string[];
  titleCountInParagraphs?: number;
}

const cases = readdirSync(TESTDATA, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('extractArticle on testdata cases', () => {
  it('has the cases the extractor promises', () => {
    expect(cases).toContain('seed-case-es-aggregator');
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const slug of cases) {
    it(slug, () => {
      const html = readFileSync(new URL(`${slug}/source.html`, TESTDATA), 'utf8');
      const expected = JSON.parse(readFileSync(new URL(`${slug}/expected.json`, TESTDATA), 'utf8')) as Expected;
      if (expected.error) {
        let thrown: unknown;
        try {
          extractArticle(html, expected.url, expected.hints);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(HappeningsError);
        expect((thrown as HappeningsError).code).toBe(expected.error);
        // One line that says what the page was and where it came from.
        const message = (thrown as HappeningsError).message;
        if (expected.error === 'no-article') expect(message).toBe(`extract: no article body found (${expected.url})`);
        else if (expected.error === 'consent-wall')
          expect(message).toBe(
            `extract: the page's text is a consent notice (cookie banner), not the article (${expected.url})`,
          );
        else
          expect(message).toMatch(
            new RegExp(
              `^extract: the publisher answered with a bot check \\(".+"\\).*\\(${expected.url.replace(/[.?]/g, '\\$&')}\\)$`,
            ),
          );
        expect(message).not.toContain('\n');
        return;
      }
      const article = extractArticle(html, expected.url, expected.hints);
      for (const [key, value] of Object.entries(expected)) {
        if (!CHECK_KEYS.has(key)) expect(article[key as keyof Article], key).toEqual(value);
      }
      const text = article.paragraphs.join('\n');
      for (const phrase of expected.mustNotContain ?? []) {
        expect(text, `paragraphs contain "${phrase}"`).not.toContain(phrase);
        expect(article.html, `html contains "${phrase}"`).not.toContain(phrase);
      }
      for (const fragment of expected.htmlContains ?? []) expect(article.html).toContain(fragment);
      for (const fragment of expected.paragraphsContain ?? []) {
        expect(
          article.paragraphs.some((p) => p.includes(fragment)),
          fragment,
        ).toBe(true);
      }
      if (expected.titleCountInParagraphs !== undefined) {
        const count = article.paragraphs.filter((p) => p.includes(article.title)).length;
        expect(count).toBe(expected.titleCountInParagraphs);
      }
    });
  }
});
