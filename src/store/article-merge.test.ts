import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleChanges, articleValues } from './article-merge.js';
import { sampleArticle } from './store.testkit.js';
import type { ArticleInput } from './types.js';

const text = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ minLength: 1, maxLength: 30 }));
const maybeText = fc.option(text, { nil: null });

const extraction: fc.Arbitrary<ArticleInput> = fc
  .record({
    title: text,
    subtitle: maybeText,
    byline: maybeText,
    image: maybeText,
    imageCaption: maybeText,
    site: text,
    publishedAt: fc.option(fc.constantFrom('2024-05-06T08:30:00Z', 'garbage', '2023-01-01'), { nil: null }),
    paragraphs: fc.array(text, { maxLength: 4 }),
    tags: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 }),
    isTeaser: fc.boolean(),
    language: fc.option(fc.constantFrom('en', 'es'), { nil: null }),
  })
  .map((parts) => sampleArticle({ ...parts, related: [] }));

const stored = (input: ArticleInput) => ({ id: 1, ...articleValues(input, '2024-05-06T09:00:00.000Z') });
const filled = (value: unknown) => value !== null && value !== '' && value !== '[]';

describe('articleChanges', () => {
  it('never turns a filled stored field empty, whatever the new extraction', () => {
    fc.assert(
      fc.property(extraction, extraction, (before, after) => {
        const row = stored(before);
        const merged = { ...row, ...articleChanges(row, articleValues(after, '2024-05-07T00:00:00.000Z')) };
        for (const key of [
          'title',
          'subtitle',
          'byline',
          'image',
          'image_caption',
          'site',
          'published_at',
          'paragraphs',
          'tags',
          'language',
        ] as const) {
          if (filled(row[key])) expect(filled(merged[key]), key).toBe(true);
        }
        expect(merged.first_seen_at).toBe(row.first_seen_at);
        expect(merged.url).toBe(row.url);
      }),
    );
  });

  it('changes nothing when the same extraction comes again', () => {
    fc.assert(
      fc.property(extraction, (input) => {
        const row = stored(input);
        expect(articleChanges(row, articleValues(input, '2024-05-08T00:00:00.000Z'))).toEqual({});
      }),
    );
  });

  it('keeps a full body over a much shorter one, and takes a longer correction', () => {
    const row = stored(sampleArticle());
    const cut = articleValues(sampleArticle({ paragraphs: ['The harbour reopened.'] }), '2024-05-07T00:00:00.000Z');
    expect(articleChanges(row, cut).paragraphs).toBeUndefined();
    const longer = sampleArticle({
      paragraphs: [...sampleArticle().paragraphs, 'Correction: repairs took eight days.'],
    });
    expect(
      JSON.parse(articleChanges(row, articleValues(longer, '2024-05-07T00:00:00.000Z')).paragraphs ?? '[]'),
    ).toHaveLength(3);
  });
});
