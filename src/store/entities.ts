/**
 * Entities (people, organisations, places) and their links to articles. One row per entity across
 * its spellings: the enrich stage gives the key form (src/pipeline/enrich/spellings.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { StoreContext } from './dialect.js';
import type { Database, EntitiesTable } from './schema.js';

type EntityDatabase = Database & { entities: EntitiesTable & { article_count: number } };
const entityDb = (db: Kysely<Database>) => db as unknown as Kysely<EntityDatabase>;

export interface EntityMention {
  kind: string;
  name: string;
  /** Folded key: one entity across spellings and case. */
  normalizedName: string;
  mentions: number;
}

export interface Entity {
  id: number;
  kind: string;
  name: string;
  articleCount: number;
}

/** Links an article to its entities (creating them), replacing earlier links, and recounts them. */
export async function saveArticleEntities(
  { db }: StoreContext,
  articleId: number,
  mentions: EntityMention[],
): Promise<void> {
  const edb = entityDb(db);
  const before = await edb
    .selectFrom('article_entities')
    .select('entity_id')
    .where('article_id', '=', articleId)
    .execute();
  await edb.deleteFrom('article_entities').where('article_id', '=', articleId).execute();
  const touched = new Set(before.map((b) => b.entity_id));
  for (const m of mentions) {
    await edb
      .insertInto('entities')
      .values({
        kind: m.kind,
        name: m.name,
        normalized_name: m.normalizedName,
        wikidata_id: null,
        created_at: new Date().toISOString(),
        article_count: 0,
      })
      .onConflict((oc) => oc.columns(['kind', 'normalized_name']).doNothing())
      .execute();
    const entity = await edb
      .selectFrom('entities')
      .select('id')
      .where('kind', '=', m.kind)
      .where('normalized_name', '=', m.normalizedName)
      .executeTakeFirstOrThrow();
    await edb
      .insertInto('article_entities')
      .values({ article_id: articleId, entity_id: entity.id, mentions: m.mentions, salience: null })
      .onConflict((oc) => oc.columns(['article_id', 'entity_id']).doUpdateSet({ mentions: m.mentions }))
      .execute();
    touched.add(entity.id);
  }
  for (const id of touched) {
    const { n } = await edb
      .selectFrom('article_entities')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    await edb
      .updateTable('entities')
      .set({ article_count: Number(n) })
      .where('id', '=', id)
      .execute();
  }
}

export async function entityById({ db }: StoreContext, id: number): Promise<Entity | null> {
  const r = await entityDb(db)
    .selectFrom('entities')
    .select(['id', 'kind', 'name', 'article_count'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { id: r.id, kind: r.kind, name: r.name, articleCount: r.article_count } : null;
}

/** Ids of the articles naming the entity, newest first. */
export async function entityArticles(
  { db }: StoreContext,
  entityId: number,
  options: { limit: number },
): Promise<number[]> {
  const rows = await entityDb(db)
    .selectFrom('article_entities')
    .innerJoin('articles', 'articles.id', 'article_entities.article_id')
    .select('articles.id')
    .where('article_entities.entity_id', '=', entityId)
    .orderBy('articles.first_seen_at', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => r.id);
}

export interface EntityRow {
  id: number;
  kind: string;
  name: string;
}

/** An article's entities, most mentioned first. */
export async function entitiesOfArticle({ db }: StoreContext, articleId: number, limit = 12): Promise<EntityRow[]> {
  return db
    .selectFrom('article_entities')
    .innerJoin('entities', 'entities.id', 'article_entities.entity_id')
    .select(['entities.id', 'entities.kind', 'entities.name'])
    .where('article_entities.article_id', '=', articleId)
    .orderBy('article_entities.mentions', 'desc')
    .limit(limit)
    .execute();
}

/** The entities of a story's articles, most articles first. */
export async function entitiesOfStory({ db }: StoreContext, storyId: number, limit = 16): Promise<EntityRow[]> {
  return db
    .selectFrom('story_articles')
    .innerJoin('article_entities', 'article_entities.article_id', 'story_articles.article_id')
    .innerJoin('entities', 'entities.id', 'article_entities.entity_id')
    .select(({ fn }) => ['entities.id', 'entities.kind', 'entities.name', fn.countAll<number>().as('n')])
    .where('story_articles.story_id', '=', storyId)
    .groupBy('entities.id')
    .orderBy('n', 'desc')
    .limit(limit)
    .execute()
    .then((rows) => rows.map(({ id, kind, name }) => ({ id, kind, name })));
}

/** One entity and its newest articles. */
export async function entityRowById(
  { db }: StoreContext,
  id: number,
  limit = 50,
): Promise<(EntityRow & { articleIds: number[] }) | null> {
  const entity = await db.selectFrom('entities').select(['id', 'kind', 'name']).where('id', '=', id).executeTakeFirst();
  if (!entity) return null;
  const rows = await db
    .selectFrom('article_entities')
    .innerJoin('articles', 'articles.id', 'article_entities.article_id')
    .select('articles.id')
    .where('article_entities.entity_id', '=', id)
    .orderBy(sql`coalesce(articles.published_at, articles.first_seen_at)`, 'desc')
    .limit(limit)
    .execute();
  return { ...entity, articleIds: rows.map((r) => r.id) };
}
