/**
 * Stories: the clustering stage's groups of articles about one event, with the columns the site
 * shows (title, first seen, last update, outlets, languages, first outlet) and redirects for
 * stories merged into another. Writes are verbs, reads nouns.
 */
import type { Generated, Kysely, Selectable } from 'kysely';
import type { StoreContext } from './dialect.js';
import type { Database, StoriesTable, StoryArticlesTable } from './schema.js';

/** Columns added by migrations 0008 (story details), 0011 (link details) and 0012 (link ids), typed here so schema.ts stays as shipped. */
export type StoryDatabase = Database & {
  stories: StoriesTable & {
    merged_into: number | null;
    first_source_id: number | null;
    languages: string;
    countries: string;
  };
  story_articles: StoryArticlesTable & { why: string | null; countries: string; link_id: Generated<number> };
};

export function storyDb(db: Kysely<Database>): Kysely<StoryDatabase> {
  return db as unknown as Kysely<StoryDatabase>;
}

export interface StoryMember {
  articleId: number;
  title: string;
  language: string | null;
  sourceId: number | null;
  publishedAt: string;
  similarity: number | null;
  /** The article this one is a syndicated copy of (it joined that article's story unscored). */
  duplicateOf: number | null;
  /** Why it joined (what `happenings cluster --explain` prints); null: not recorded. */
  why?: StoryLinkWhy | null;
  /** ISO 3166-1 alpha-2 codes of the places it names, most mentioned first. */
  countries?: string[];
}

/** Why an article is in its story. */
export interface StoryLinkWhy {
  /** True when the article started the story. */
  created: boolean;
  similarity: number;
  /** The terms that weighed most in the match (names as "n:…", known entities "e:…", numbers "#…"). */
  sharedTerms: string[];
  /** Stories merged into this one when the article joined (the clusterer's ids, as `cluster --explain` prints them). */
  merged: number[];
  /** The same merges as stored story ids (StoryTracker.catchUp replays them in other workers). */
  mergedStories?: number[];
  /** Odd input noted on the way: empty, no-date, future-date, unknown-language, numbers-only. */
  oddities: string[];
}

export interface Story {
  id: number;
  title: string;
  language: string | null;
  articleCount: number;
  sourceCount: number;
  languages: string[];
  /** Countries of the places its articles name, most articles first. */
  countries: string[];
  firstSourceId: number | null;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  /** Set when this story was merged into another (follow it). */
  mergedInto: number | null;
}

/** Creates a story for its first article; returns its id. */
export async function createStory({ db }: StoreContext, first: StoryMember): Promise<number> {
  const now = new Date().toISOString();
  const row = await storyDb(db)
    .insertInto('stories')
    .values({
      title: first.title,
      language: first.language,
      signature: '{}',
      article_count: 0,
      source_count: 0,
      first_published_at: first.publishedAt,
      last_published_at: first.publishedAt,
      created_at: now,
      updated_at: now,
      merged_into: null,
      first_source_id: first.sourceId,
      languages: '[]',
      countries: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The story already carries the first article's title: whatever its language, it is the one to keep.
  await addStoryArticle({ db } as StoreContext, row.id, first, first.language ?? '');
  return row.id;
}

/**
 * Puts an article in a story (moving it from any other) and refreshes the story's counts. Its title
 * becomes the story's when it is in `titleLanguage` (the site's), or the story has none in it yet.
 */
export async function addStoryArticle(
  ctx: StoreContext,
  storyId: number,
  member: StoryMember,
  titleLanguage: string,
): Promise<void> {
  const db = storyDb(ctx.db);
  await db.deleteFrom('story_articles').where('article_id', '=', member.articleId).execute();
  await db
    .insertInto('story_articles')
    .values({
      story_id: storyId,
      article_id: member.articleId,
      similarity: member.similarity,
      duplicate_of: member.duplicateOf,
      added_at: new Date().toISOString(),
      why: member.why ? JSON.stringify(member.why) : null,
      countries: JSON.stringify(member.countries ?? []),
    })
    .execute();
  await refreshStory(
    ctx,
    storyId,
    member.language === titleLanguage || (member.language !== null && !(await hasTitleIn(ctx, storyId, titleLanguage)))
      ? member
      : null,
  );
}

async function hasTitleIn({ db }: StoreContext, storyId: number, language: string): Promise<boolean> {
  const row = await storyDb(db).selectFrom('stories').select('language').where('id', '=', storyId).executeTakeFirst();
  return row?.language === language;
}

/**
 * The outlets of the article's story, counted again: a syndicated copy adds an outlet, not an article,
 * and the story's line ("1 article from 2 outlets") and top-story rank read the count. No story yet:
 * nothing to do (the story counts its articles' outlets when it is made).
 */
export async function recountStorySources(trx: Kysely<Database>, articleId: number): Promise<void> {
  await trx
    .updateTable('stories')
    .set((eb) => ({
      source_count: eb
        .selectFrom('story_articles')
        .innerJoin('article_sources', 'article_sources.article_id', 'story_articles.article_id')
        .select((e) => e.fn.count<number>('article_sources.source_id').distinct().as('n'))
        .whereRef('story_articles.story_id', '=', 'stories.id'),
    }))
    .where('id', '=', (eb) =>
      eb.selectFrom('story_articles').select('story_id').where('story_articles.article_id', '=', articleId),
    )
    .execute();
}

/** Recounts articles, outlets and languages; `titleFrom` offers a better title (site language first). */
async function refreshStory(ctx: StoreContext, storyId: number, titleFrom: StoryMember | null): Promise<void> {
  const db = storyDb(ctx.db);
  const members = await db
    .selectFrom('story_articles')
    .innerJoin('articles', 'articles.id', 'story_articles.article_id')
    .leftJoin('article_sources', 'article_sources.article_id', 'articles.id')
    .select([
      'articles.id',
      'articles.language',
      'articles.published_at',
      'articles.first_seen_at',
      'article_sources.source_id',
      'story_articles.countries',
    ])
    .where('story_articles.story_id', '=', storyId)
    .execute();
  const times = members.map((m) => m.published_at ?? m.first_seen_at).sort();
  const languages = [...new Set(members.map((m) => m.language).filter((l): l is string => l !== null))].sort();
  await db
    .updateTable('stories')
    .set({
      article_count: new Set(members.map((m) => m.id)).size,
      source_count: new Set(members.map((m) => m.source_id).filter((s) => s !== null)).size,
      languages: JSON.stringify(languages),
      countries: JSON.stringify(storyCountries(members)),
      first_published_at: times[0] ?? null,
      last_published_at: times.at(-1) ?? null,
      updated_at: new Date().toISOString(),
      ...(titleFrom ? { title: titleFrom.title, language: titleFrom.language } : {}),
    })
    .where('id', '=', storyId)
    .execute();
}

/** Countries named by the most articles first (each article counts a country once). */
function storyCountries(members: { id: number; countries: string }[]): string[] {
  const counts = new Map<string, number>();
  const seen = new Set<number>();
  for (const m of members) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    for (const c of JSON.parse(m.countries || '[]') as string[]) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/** Moves every article of `fromId` into `intoId`; `fromId` stays as a redirect. */
export async function mergeStories(ctx: StoreContext, fromId: number, intoId: number): Promise<void> {
  const db = storyDb(ctx.db);
  await db.updateTable('story_articles').set({ story_id: intoId }).where('story_id', '=', fromId).execute();
  await db
    .updateTable('stories')
    .set({ merged_into: intoId, article_count: 0, source_count: 0 })
    .where('id', '=', fromId)
    .execute();
  await db.updateTable('stories').set({ merged_into: intoId }).where('merged_into', '=', fromId).execute();
  await refreshStory(ctx, intoId, null);
}

/** A story by id (a merged story's row, with mergedInto set: the site redirects). */
export async function storyById({ db }: StoreContext, id: number): Promise<Story | null> {
  const r = await storyDb(db).selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? storyFromRow(r) : null;
}

/** Stories most recently updated, merged ones left out. */
export async function storiesLatest(
  { db }: StoreContext,
  options: { limit: number; minArticles?: number },
): Promise<Story[]> {
  const rows = await storyDb(db)
    .selectFrom('stories')
    .selectAll()
    .where('merged_into', 'is', null)
    .where('article_count', '>=', options.minArticles ?? 1)
    .orderBy('last_published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map(storyFromRow);
}

/** The articles of a story, first published first, with why they joined. */
export async function storyArticles({ db }: StoreContext, storyId: number): Promise<StoryLink[]> {
  const rows = await storyDb(db)
    .selectFrom('story_articles')
    .innerJoin('articles', 'articles.id', 'story_articles.article_id')
    .select([
      'articles.id',
      'story_articles.similarity',
      'story_articles.duplicate_of',
      'story_articles.why',
      'articles.published_at',
      'articles.first_seen_at',
    ])
    .where('story_articles.story_id', '=', storyId)
    .execute();
  return rows
    .sort((a, b) => (a.published_at ?? a.first_seen_at).localeCompare(b.published_at ?? b.first_seen_at))
    .map((r) => ({
      articleId: r.id,
      similarity: r.similarity,
      duplicateOf: r.duplicate_of,
      why: r.why ? (JSON.parse(r.why) as StoryLinkWhy) : null,
    }));
}

/** One article of a story, with why it joined. */
export interface StoryLink {
  articleId: number;
  similarity: number | null;
  duplicateOf: number | null;
  why: StoryLinkWhy | null;
}

function storyFromRow(r: Selectable<StoryDatabase['stories']>): Story {
  return {
    id: r.id,
    title: r.title,
    language: r.language,
    articleCount: r.article_count,
    sourceCount: r.source_count,
    languages: JSON.parse(r.languages || '[]') as string[],
    countries: JSON.parse(r.countries || '[]') as string[],
    firstSourceId: r.first_source_id,
    firstPublishedAt: r.first_published_at,
    lastPublishedAt: r.last_published_at,
    mergedInto: r.merged_into,
  };
}

/** A stored article with its story, for rebuilding the clusterer's memory at start. */
export interface StoryMemberRow {
  articleId: number;
  storyId: number;
  /** The link's number: links are numbered in the order they were written (a re-link gets a new one). */
  linkId: number;
  publishedAt: string | null;
  firstSeenAt: string;
  /** The article it is a syndicated copy of (it joined that article's story unscored). */
  duplicateOf: number | null;
  /** Stored stories merged into its story when it joined. */
  mergedStories: number[];
}

/**
 * Articles in a story published (else first seen) since `since`, oldest first; with `afterLinkId`,
 * only those linked after that link (other workers' links, for StoryTracker.catchUp).
 */
export async function recentStoryMembers(
  { db }: StoreContext,
  since: string,
  afterLinkId = 0,
): Promise<StoryMemberRow[]> {
  const rows = await storyDb(db)
    .selectFrom('story_articles')
    .innerJoin('articles', 'articles.id', 'story_articles.article_id')
    .select([
      'articles.id as articleId',
      'story_articles.story_id as storyId',
      'story_articles.link_id as linkId',
      'articles.published_at as publishedAt',
      'articles.first_seen_at as firstSeenAt',
      'story_articles.duplicate_of as duplicateOf',
      'story_articles.why',
    ])
    .where('story_articles.link_id', '>', afterLinkId)
    .where((eb) => eb.or([eb('articles.published_at', '>=', since), eb('articles.first_seen_at', '>=', since)]))
    .execute();
  return rows
    .map(({ why, ...r }) => ({ ...r, linkId: Number(r.linkId), mergedStories: mergedStoriesOf(why) }))
    .sort(
      (a, b) => (a.publishedAt ?? a.firstSeenAt).localeCompare(b.publishedAt ?? b.firstSeenAt) || a.linkId - b.linkId,
    );
}

function mergedStoriesOf(why: string | null): number[] {
  return why?.includes('"mergedStories"') ? ((JSON.parse(why) as StoryLinkWhy).mergedStories ?? []) : [];
}

/** Advisory lock key for clustering ("stor" in ASCII): one worker process clusters an article at a time. */
const storiesLockKey = 0x73746f72;

/**
 * Runs `work` (catch up, cluster one article, write its link) while no other process does, on the
 * db it is handed: on PostgreSQL workers take turns through an advisory lock, in one transaction;
 * on SQLite it just runs.
 */
export async function withStoriesLocked<T>(
  { db, dialect }: StoreContext,
  work: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return dialect.exclusively(db, storiesLockKey, work);
}
