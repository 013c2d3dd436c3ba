import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleArticle, type TestStore } from '../store/store.testkit.js';
import { storeSiteData } from './store-data.js';
import { gate } from './store-data-reuse.js';
import { storeDb } from '../store/db.testkit.js';
import { createWebApp } from './app.js';
import type { ArticleView } from './site-data.js';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(async () => {
  await t.cleanup();
});

const data = () => storeSiteData({ store: t.store, language: 'en', translationNote: async () => null });

async function save(
  url: string,
  title: string,
  extra: Parameters<typeof sampleArticle>[0] = {},
  sourceId: number | null = null,
) {
  const { articleId } = await t.store.saveArticle({
    ...sampleArticle({ url, canonicalUrl: url, title, ...extra }),
    sourceId,
    feedId: null,
    seenAt: '2024-05-07T10:00:00Z',
  });
  return articleId;
}

describe('storeSiteData over a real store', () => {
  it('reads too: similar articles by title words, never the article itself', async () => {
    const a = await save('https://n.example/a', 'Harbour reopens after storm');
    const b = await save('https://n.example/b', 'Storm damage to the harbour wall', {
      paragraphs: ['Waves broke the wall.'],
    });
    await save('https://n.example/c', 'Elections called for June', {
      paragraphs: ['Voters will choose a new council.'],
      html: '<p>Voters</p>',
    });
    const related = await data().readToo(a, 5);
    expect(related.map((r) => r.id)).toEqual([b]);
  });

  it('puts articles of the same story first in Read too, and reads stories and entities', async () => {
    const a = await save('https://n.example/a', 'Harbour reopens after storm');
    const b = await save('https://n.example/b', 'Quay repairs finished', {
      paragraphs: ['Other words entirely.'],
      html: '<p>x</p>',
    });
    const now = '2024-05-07T10:00:00Z';
    const db = storeDb(t.store);
    const story = await db
      .insertInto('stories')
      .values({
        title: 'Harbour',
        language: 'en',
        signature: '{}',
        article_count: 2,
        source_count: 2,
        first_published_at: now,
        last_published_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('story_articles')
      .values(
        [a, b].map((id) => ({ story_id: story.id, article_id: id, similarity: 1, duplicate_of: null, added_at: now })),
      )
      .execute();
    const e = await db
      .insertInto('entities')
      .values({
        kind: 'place',
        name: 'Harbour Town',
        normalized_name: 'harbour town',
        wikidata_id: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('article_entities')
      .values({ article_id: a, entity_id: e.id, mentions: 3, salience: null })
      .execute();
    const site = data();
    expect((await site.readToo(a, 5))[0]!.id).toBe(b);
    const top = await site.topStories({ limit: 5 });
    expect(top.map((s) => [s.pagePath, s.articleCount, s.languages])).toEqual([[`/story/${story.id}`, 2, ['en']]]);
    const view = await site.storyById(story.id);
    expect(view!.articles.map((x) => x.id).sort()).toEqual([a, b].sort());
    expect(view!.entities.map((x) => x.name)).toEqual(['Harbour Town']);
    expect((await site.entityById(e.id))!.articles.map((x) => x.id)).toEqual([a]);
    expect(await site.entitiesOf(a)).toEqual([
      { id: e.id, name: 'Harbour Town', kind: 'place', pagePath: `/entity/${e.id}` },
    ]);
    expect(await site.storyById(999)).toBeNull();
    // A story merged into another (by the stories module) points there.
    const other = await db
      .insertInto('stories')
      .values({
        title: 'Old',
        language: 'en',
        signature: '{}',
        article_count: 0,
        source_count: 0,
        first_published_at: now,
        last_published_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`update stories set merged_into = ${story.id} where id = ${other.id}`.execute(db);
    expect((await site.storyById(other.id))!.mergedInto).toBe(story.id);
  });

  it('counts views into Most read, lists languages, and filters search by language, source and date', async () => {
    const { source } = await t.store.createSource({ name: 'Diario', url: 'https://d.example/' });
    const es = await save(
      'https://d.example/1',
      'Puerto reabre tras la tormenta',
      { language: 'es', publishedAt: '2024-05-01T08:00:00Z' },
      source.id,
    );
    const en = await save('https://n.example/1', 'Harbour reopens after storm');
    const site = data();
    await site.recordView(es);
    await site.recordView(es);
    await site.recordView(en);
    expect((await site.popularArticles({ days: 7, limit: 5 })).map((a) => a.id)).toEqual([es, en]);
    expect((await site.languages()).sort()).toEqual(['en', 'es']);
    const find = (extra: object) =>
      site.search({ q: 'harbour', limit: 10, offset: 0, ...extra }).then((r) => r.map((a) => a.id));
    expect((await find({})).sort()).toEqual([en, es].sort());
    expect(await find({ language: 'es' })).toEqual([es]);
    expect(await find({ sourceId: source.id })).toEqual([es]);
    expect(await find({ to: '2024-05-03' })).toEqual([es]);
    expect(await find({ from: '2024-05-03' })).toEqual([en]);
  });

  it('gives search lines equal to the front page lines of the same articles, newest first unless asked for relevance', async () => {
    const { source } = await t.store.createSource({ name: 'Diario', url: 'https://d.example/' });
    const es = await save(
      'https://d.example/2',
      'Puerto y tormenta',
      {
        language: 'es',
        subtitle: 'Subtítulo',
        paragraphs: ['El puerto cierra.', 'Segundo.'],
        publishedAt: '2024-05-01T08:00:00Z',
      },
      source.id,
    );
    await t.store.saveTranslation(es, {
      language: 'en',
      sourceLanguage: 'es',
      engine: 'apertium',
      engineVersion: '3.8',
      title: 'Harbour and storm',
      subtitle: null,
      paragraphs: ['The harbour closes.', 'Second.'],
      html: '<p>The harbour closes.</p>',
      protectedNames: [],
      translatedAt: '2024-05-07T10:05:00Z',
    });
    const en = await save('https://n.example/2', 'Council meets', {
      paragraphs: ['The harbour board came too.'],
      publishedAt: '2024-05-02T08:00:00Z',
    });
    const site = data();
    const front = await site.latestArticles({ limit: 10, offset: 0 });
    const found = await site.search({ q: 'harbour', limit: 10, offset: 0 });
    expect(found.map((a) => a.id)).toEqual([en, es]);
    expect(found).toEqual(front.filter((a) => a.id === en || a.id === es));
    expect(found[1]).toMatchObject({
      title: 'Harbour and storm',
      lead: 'The harbour closes.',
      translatedFrom: 'es',
      sourceName: 'Diario',
    });
    // Relevance: the headline holding the word comes first.
    expect((await site.search({ q: 'harbour', limit: 10, offset: 0, sort: 'relevance' })).map((a) => a.id)).toEqual([
      es,
      en,
    ]);
    // Another query listing the same articles reuses their lines (the same objects), in its own order.
    const again = await site.search({ q: 'harbour closes', limit: 10, offset: 0 });
    expect(again.map((a) => a.id)).toEqual([es]);
    expect(again[0]).toBe(found[1]);
  });

  it('marks articles of an excerpt-only source', async () => {
    const { source } = await t.store.createSource({ name: 'Paywalled', url: 'https://p.example/' });
    await t.store.updateSource(source.id, { excerptOnly: true });
    const id = await save('https://p.example/1', 'Short', {}, source.id);
    expect((await data().articleById(id))!.excerptOnly).toBe(true);
    expect((await data().sourceById(source.id))!.excerptOnly).toBe(true);
  });
});

describe('storeSiteData: a translated article', () => {
  it('carries the translated image caption with the translation', async () => {
    const id = await save('https://d.example/foto', 'La alcaldesa en el pleno', {
      language: 'es',
      image: 'https://d.example/a.jpg',
      imageCaption: 'La alcaldesa durante el pleno',
    });
    await t.store.saveTranslation(id, {
      language: 'en',
      sourceLanguage: 'es',
      engine: 'apertium',
      engineVersion: '3.8',
      title: 'The mayor at the session',
      subtitle: null,
      imageCaption: 'The mayor during the session',
      paragraphs: ['The mayor spoke.'],
      html: '<p>The mayor spoke.</p>',
      protectedNames: [],
      translatedAt: '2024-05-07T10:05:00Z',
    });
    const view = (await data().articleById(id))!;
    expect(view.imageCaption).toBe('La alcaldesa durante el pleno');
    expect(view.translation!.imageCaption).toBe('The mayor during the session');
  });

  it('gives the API the model, the pivot and how many names were repaired', async () => {
    const id = await save('https://d.example/gs', 'Reunião em Lisboa', { language: 'pt' });
    await t.store.saveTranslation(id, {
      language: 'en',
      sourceLanguage: 'pt',
      engine: 'neural',
      engineVersion: '2020-02-26',
      model: 'opus-mt-pt-en',
      via: 'es',
      nameRepairs: [
        { name: 'Casa Rosada', found: 'Pink House', action: 'retranslated' },
        { name: 'Ana Pérez', found: null, action: 'unrepaired' },
      ],
      title: 'Meeting in Lisbon',
      subtitle: null,
      paragraphs: ['They met.'],
      html: '<p>They met.</p>',
      protectedNames: [],
      translatedAt: '2024-05-07T10:05:00Z',
    });
    const app = createWebApp({ data: data(), siteName: 'H', language: 'en' });
    const body = (await (await app.request(`/api/v1/articles/${id}`)).json()) as ArticleView;
    expect(body.translation).toMatchObject({ model: 'opus-mt-pt-en', via: 'es', nameRepairs: 2, unrepairedNames: 1 });
  });
});

describe('gate', () => {
  it('runs at most max at a time, starts the rest in the order they came, and survives failures', async () => {
    const turn = gate(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        turn(async () => {
          started.push(i);
          most = Math.max(most, ++running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running -= 1;
          if (i % 4 === 0) throw new Error(`task ${i}`);
          return i;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
    expect(await turn(async () => 'free again')).toBe('free again');
  });
});

describe('top stories on the front page', () => {
  it('gives each story its newest headline per outlet (up to three), its newest lead image and its latest time', async () => {
    const db = storeDb(t.store);
    const at = (h: number) => `2024-05-07T${String(h).padStart(2, '0')}:00:00.000Z`;
    const a = await save('https://one.example/a', 'Harbour: first report', { site: 'One', publishedAt: at(8) });
    const b = await save('https://two.example/b', 'Harbour: second outlet', {
      site: 'Two',
      publishedAt: at(9),
      image: null,
    });
    const c = await save('https://one.example/c', 'Harbour: One again, newer', {
      site: 'One',
      publishedAt: at(10),
      image: 'https://one.example/c.jpg',
    });
    const d = await save('https://three.example/d', 'Harbour: third outlet', {
      site: 'Three',
      publishedAt: at(11),
      image: null,
    });
    const e = await save('https://four.example/e', 'Harbour: fourth outlet', {
      site: 'Four',
      publishedAt: at(12),
      image: null,
    });
    const now = new Date().toISOString();
    const story = await db
      .insertInto('stories')
      .values({
        title: 'Harbour',
        language: 'en',
        signature: '{}',
        article_count: 5,
        source_count: 4,
        first_published_at: at(8),
        last_published_at: at(12),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('story_articles')
      .values(
        [a, b, c, d, e].map((id) => ({
          story_id: story.id,
          article_id: id,
          similarity: 1,
          duplicate_of: null,
          added_at: now,
        })),
      )
      .execute();
    const [top] = await data().topStories({ limit: 5 });
    expect(top!.headlines!.map((h) => [h.site, h.title])).toEqual([
      ['Four', 'Harbour: fourth outlet'],
      ['Three', 'Harbour: third outlet'],
      ['One', 'Harbour: One again, newer'],
    ]);
    expect(top!.image).toBe('https://one.example/c.jpg');
    expect(top!.latestAt).toBe(at(12));
  });
});
