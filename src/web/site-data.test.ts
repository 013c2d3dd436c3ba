import { describe, expect, it } from 'vitest';
import { articlePath, slugify } from './site-data.js';

describe('articlePath', () => {
  it('builds /article/<id>/<slug> from the title', () => {
    expect(articlePath(42, 'Valencia approves its new mobility plan')).toBe(
      '/article/42/valencia-approves-its-new-mobility-plan',
    );
  });

  it('makes slugs ASCII and lower-case, accents folded', () => {
    expect(slugify('Señal: la GRÈVE continúe à Łódź — 2024!')).toBe('senal-la-greve-continue-a-lodz-2024');
    expect(slugify('Straße & Ærø')).toBe('strasse-aero');
    // Accents written as combining marks stay inside their word; compatibility forms fold.
    expect(slugify('Cafe\u0301 Zu\u0308rich: ﬁnal Ａ1')).toBe('cafe-zurich-final-a1');
  });

  it('falls back to "article" when no Latin letter or digit is left', () => {
    expect(slugify('Новости дня')).toBe('article');
    expect(slugify('   ')).toBe('article');
  });

  it('cuts long titles at a word boundary, at most 80 characters', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('word')).toBe(true);
    expect(slugify('a'.repeat(200))).toHaveLength(80);
    expect(slugify(`${'x'.repeat(80)} y`)).toBe('x'.repeat(80));
    expect(slugify(`${'x'.repeat(79)} yz`)).toBe('x'.repeat(79));
  });
});
