/**
 * What every store adapter must do with translations and search: one translation per language, matches
 * in original and translated text, their order, an index in step with updates, FTS syntax as plain
 * words. Run by each adapter's test file against a fresh store (SQLite and PostgreSQL).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sampleArticle, type TestStore } from './store.testkit.js';
import type { Translation } from './types.js';

export function describeSearchContract(open: () => Promise<TestStore>): void {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  const seenAt = '2024-05-06T09:00:00.000Z';

  const spanish: Translation = {
    language: 'es',
    sourceLanguage: 'en',
    engine: 'apertium',
    engineVersion: '3.9',
    title: 'El puerto reabre tras la tormenta',
    subtitle: null,
    imageCaption: 'El puerto, el lunes.',
    paragraphs: ['El puerto reabrió el lunes tras una semana de reparaciones.'],
    html: '<p>El puerto reabrió el lunes tras una semana de reparaciones.</p>',
    protectedNames: ['Ana Pérez'],
    translatedAt: '2024-05-06T09:05:00Z',
  };

  describe('translations and search', () => {
    it('stores one translation per language, replacing an older one', async () => {
      t = await open();
      const { articleId } = await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      await t.store.saveTranslation(articleId, { ...spanish, title: 'Borrador' });
      await t.store.saveTranslation(articleId, spanish);
      expect(await t.store.translationsOf(articleId)).toEqual([
        { ...spanish, translatedAt: '2024-05-06T09:05:00.000Z', model: null, via: null, nameRepairs: [] },
      ]);
      expect((await t.store.translationOf(articleId, 'es'))?.protectedNames).toEqual(['Ana Pérez']);
      await t.store.saveTranslation(articleId, { ...spanish, language: 'de', imageCaption: undefined });
      expect((await t.store.translationOf(articleId, 'de'))?.imageCaption).toBeNull();
      expect(await t.store.translationOf(articleId, 'fr')).toBeNull();
    });

    it('stores the model, the pivot and the name repairs, and reads them back', async () => {
      t = await open();
      const { articleId } = await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      const neural: Translation = {
        ...spanish,
        engine: 'neural',
        model: 'opus-mt-en-es',
        via: 'fr',
        nameRepairs: [
          { name: 'Casa Rosada', found: 'Pink House', action: 'substituted' },
          { name: 'Ana Pérez', found: null, action: 'unrepaired' },
        ],
      };
      await t.store.saveTranslation(articleId, neural);
      const back = await t.store.translationOf(articleId, 'es');
      expect(back).toMatchObject({ model: 'opus-mt-en-es', via: 'fr', nameRepairs: neural.nameRepairs });
      expect((await t.store.translationsInto([articleId], 'es')).get(articleId)?.via).toBe('fr');
      // Replacing it with a rule-based, direct translation clears all three.
      await t.store.saveTranslation(articleId, spanish);
      expect(await t.store.translationOf(articleId, 'es')).toMatchObject({ model: null, via: null, nameRepairs: [] });
    });

    it('finds articles by original and translated text, accents optional', async () => {
      t = await open();
      const { articleId } = await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      const other = await t.store.saveArticle({
        ...sampleArticle({
          url: 'https://n.example/zurich',
          title: 'Zürich opens a library',
          paragraphs: ['Books for everyone.'],
        }),
        sourceId: null,
        feedId: null,
        seenAt,
      });
      expect((await t.store.search('ferry timetables', { limit: 5 })).map((a) => a.id)).toEqual([articleId]);
      expect(await t.store.search('reparaciones', { limit: 5 })).toEqual([]);
      await t.store.saveTranslation(articleId, spanish);
      expect((await t.store.search('reparaciones puerto', { limit: 5 })).map((a) => a.id)).toEqual([articleId]);
      expect((await t.store.search('zurich', { limit: 5 })).map((a) => a.id)).toEqual([other.articleId]);
    });

    it('orders matches newest first, or by how many query words their headlines hold (original or translated)', async () => {
      t = await open();
      const save = async (url: string, title: string) =>
        (
          await t!.store.saveArticle({
            ...sampleArticle({ url, title, paragraphs: ['A storm closed the harbour for the day.'] }),
            sourceId: null,
            feedId: null,
            seenAt,
          })
        ).articleId;
      const both = await save('https://n.example/both', 'Tormenta en el puerto');
      const one = await save('https://n.example/one', 'Harbour closed');
      const none = await save('https://n.example/none', 'A quiet day');
      // Only the translation's headline holds both words.
      await t.store.saveTranslation(both, { ...spanish, title: 'Storm in the harbour' });
      expect(await t.store.searchIds('storm harbour', { limit: 5, order: 'newest' })).toEqual([none, one, both]);
      expect(await t.store.searchIds('storm harbour', { limit: 5, order: 'relevance' })).toEqual([both, one, none]);
      expect(await t.store.searchIds('storm harbour', { limit: 2, offset: 1, order: 'relevance' })).toEqual([
        one,
        none,
      ]);
    });

    it('lists matches by publication date, not by the order they were stored in (issue 19)', async () => {
      t = await open();
      const save = async (slug: string, publishedAt: string | null, language = 'en') =>
        (
          await t!.store.saveArticle({
            ...sampleArticle({ url: `https://n.example/${slug}`, fingerprint: `fp-${slug}`, publishedAt, language }),
            sourceId: null,
            feedId: null,
            seenAt: '2024-12-07T00:00:00Z',
          })
        ).articleId;
      // A feed lists its newest item first, so it is stored before the older ones.
      const dec6 = await save('dec6', '2024-12-06T16:20:00Z');
      const dec5late = await save('dec5late', '2024-12-05T21:00:00+01:00', 'es');
      const dec5 = await save('dec5', '2024-12-05T09:00:00Z');
      const undated = await save('undated', null);
      const newest = { limit: 10, order: 'newest' } as const;
      expect(await t.store.searchIds('harbour', newest)).toEqual([undated, dec6, dec5late, dec5]);
      expect(await t.store.searchIds('harbour', { ...newest, limit: 2, offset: 1 })).toEqual([dec6, dec5late]);
      expect(await t.store.searchIds('harbour', { ...newest, language: 'en' })).toEqual([undated, dec6, dec5]);
      expect((await t.store.search('harbour', { limit: 10, order: 'newest' })).map((a) => a.id)).toEqual([
        undated,
        dec6,
        dec5late,
        dec5,
      ]);
      // Ties in relevance (every headline holds the word) are newest published first too.
      expect(await t.store.searchIds('harbour', { limit: 10, order: 'relevance' })).toEqual([
        undated,
        dec6,
        dec5late,
        dec5,
      ]);
      // The undated article gets its date later: indexed once, at its new place.
      await save('undated', '2024-12-04T00:00:00Z');
      expect(await t.store.searchIds('harbour', newest)).toEqual([dec6, dec5late, dec5, undated]);
    });

    it('keeps the index in step when an article is updated', async () => {
      t = await open();
      const teaser = sampleArticle({ paragraphs: ['Short lead.'], isTeaser: true });
      await t.store.saveArticle({ ...teaser, sourceId: null, feedId: null, seenAt });
      expect(await t.store.search('timetables', { limit: 5 })).toHaveLength(0);
      await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      expect(await t.store.search('timetables', { limit: 5 })).toHaveLength(1);
      expect(await t.store.search('lead', { limit: 5 })).toHaveLength(0);
    });

    it('treats FTS syntax in user input as plain words', async () => {
      t = await open();
      await t.store.saveArticle({ ...sampleArticle(), sourceId: null, feedId: null, seenAt });
      for (const query of [
        '"harbour',
        'harbour AND',
        'NOT',
        'harbour*',
        'title:harbour',
        '(',
        '',
        '   ',
        'NEAR(a b)',
        '^harbour',
        "harbour's -storm",
      ]) {
        await expect(t.store.search(query, { limit: 5 })).resolves.toBeInstanceOf(Array);
      }
      expect(await t.store.search('"harbour', { limit: 5 })).toHaveLength(1);
      expect(await t.store.search('harbour AND', { limit: 5 })).toHaveLength(0);
    });
  });
}
