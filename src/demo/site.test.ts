import { describe, expect, it } from 'vitest';
import { demoOutlets } from './content/index.js';
import { buildSite, sectionPath, slugify } from './site.js';

const diario = demoOutlets[0]!;

describe('demo site', () => {
  it('dates every article in the few days before now', () => {
    const now = new Date('2026-11-14T10:25:00Z');
    const site = buildSite(diario, 'http://127.0.0.1:9', now);
    for (const article of site.articles) {
      const ageHours = (now.getTime() - article.publishedAt.getTime()) / 3_600_000;
      expect(ageHours).toBeGreaterThan(0);
      expect(ageHours).toBeLessThan(24 * 4);
    }
  });

  it('gives the same dates to two starts within one hour, so ETags stay stable', () => {
    const a = buildSite(diario, 'http://x', new Date('2026-11-14T10:01:00Z'));
    const b = buildSite(diario, 'http://x', new Date('2026-11-14T10:59:00Z'));
    expect(a.articles.map((x) => x.publishedAt.toISOString())).toEqual(
      b.articles.map((x) => x.publishedAt.toISOString()),
    );
  });

  it('sorts articles newest first and builds absolute URLs in the outlet style', () => {
    const site = buildSite(diario, 'http://127.0.0.1:9', new Date());
    const times = site.articles.map((a) => a.publishedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(site.articles[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:9\/internacional\/[a-z0-9-]+\.html$/);
  });

  it('has the article counts and unique slugs the brief promises', () => {
    expect(demoOutlets.map((o) => o.articles.length)).toEqual([8, 5, 2, 2, 2, 3]);
    const slugs = demoOutlets.flatMap((o) => o.articles.map((a) => `${o.id}/${a.slug}`));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('points every "read also" box at two other articles of the same outlet', () => {
    for (const outlet of demoOutlets) {
      for (const article of outlet.articles.filter((a) => a.readAlso)) {
        const targets = article.readAlso!.slugs.map((s) => outlet.articles.find((a) => a.slug === s));
        expect(
          targets.every((t) => t && t !== article),
          `${outlet.id}/${article.slug}`,
        ).toBe(true);
        expect(new Set(article.readAlso!.slugs).size).toBe(2);
      }
    }
  });

  it('writes section paths and slugs without accents', () => {
    expect(slugify('Economía')).toBe('economia');
    expect(sectionPath(diario, 'internacional')).toBe('/seccion/internacional');
  });
});
