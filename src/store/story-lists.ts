/**
 * Stories as the site lists them: the top stories, one story's row with its article ids, and the
 * story of an article. Read-only; the stories module (stories.ts) writes these tables.
 */
import { sql } from 'kysely';
import type { StoreContext } from './dialect.js';
import { parseJsonList } from './rows.js';
import { storyDb } from './stories.js';

export interface StoryListRow {
  id: number;
  title: string;
  articleCount: number;
  sourceCount: number;
  lastPublishedAt: string | null;
  updatedAt: string;
  /** Languages of its articles (kept on the story row by the stories module), when known. */
  languages?: string[];
}

/**
 * Stories with two or more articles, ranked by outlets × size × recency: score =
 * source_count × article_count / (hours since last article + 2)^1.5 (the gravity curve of link
 * aggregators: a day-old story needs ~10× the outlets of a fresh one). Candidates are the newest 500.
 */
export async function topStoryRows(
  { db }: StoreContext,
  options: { limit: number; now?: Date },
): Promise<StoryListRow[]> {
  const now = (options.now ?? new Date()).getTime();
  const rows = await storyDb(db)
    .selectFrom('stories')
    .select(['id', 'title', 'article_count', 'source_count', 'last_published_at', 'updated_at', 'languages'])
    // Two articles, or one text that two outlets carried (a syndicated wire story is one article).
    .where((eb) => eb.or([eb('article_count', '>=', 2), eb('source_count', '>=', 2)]))
    .orderBy('updated_at', 'desc')
    .limit(500)
    .execute();
  const score = (r: (typeof rows)[number]) => {
    const hours = Math.max(0, (now - Date.parse(r.last_published_at ?? r.updated_at)) / 3_600_000);
    return (r.source_count * r.article_count) / Math.pow(hours + 2, 1.5);
  };
  return rows
    .sort((a, b) => score(b) - score(a))
    .slice(0, options.limit)
    .map((r) => ({
      id: r.id,
      title: r.title,
      articleCount: r.article_count,
      sourceCount: r.source_count,
      lastPublishedAt: r.last_published_at,
      updatedAt: r.updated_at,
      languages: parseJsonList<string>(r.languages),
    }));
}

export async function storyRowById(
  { db }: StoreContext,
  id: number,
): Promise<(StoryListRow & { articleIds: number[] }) | null> {
  const r = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const members = await db
    .selectFrom('story_articles')
    .innerJoin('articles', 'articles.id', 'story_articles.article_id')
    .select('articles.id')
    .where('story_articles.story_id', '=', id)
    .orderBy(sql`coalesce(articles.published_at, articles.first_seen_at)`, 'asc')
    .execute();
  return {
    id: r.id,
    title: r.title,
    articleCount: r.article_count,
    sourceCount: r.source_count,
    lastPublishedAt: r.last_published_at,
    updatedAt: r.updated_at,
    articleIds: members.map((m) => m.id),
  };
}

/** The story an article belongs to, if any. */
export async function storyIdOfArticle({ db }: StoreContext, articleId: number): Promise<number | null> {
  const row = await db
    .selectFrom('story_articles')
    .select('story_id')
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return row?.story_id ?? null;
}

/** One article of a listed story: enough to pick its newest headlines, one per outlet, and its image. */
export interface StoryMemberLine {
  storyId: number;
  articleId: number;
  site: string;
  /** Published, else first seen (ISO 8601). */
  at: string;
  image: string | null;
}

/** Articles kept per story for its front-page line: its newest; a story's older ones add no outlet worth showing. */
const MEMBERS_PER_STORY = 50;

/** The articles of some stories, newest first (at most MEMBERS_PER_STORY each), in one query (on the primary key). */
export async function storyMemberLines({ db }: StoreContext, storyIds: number[]): Promise<StoryMemberLine[]> {
  if (!storyIds.length) return [];
  const rows = await db
    .selectFrom('story_articles')
    .innerJoin('articles', 'articles.id', 'story_articles.article_id')
    .select([
      'story_articles.story_id',
      'articles.id',
      'articles.site',
      'articles.published_at',
      'articles.first_seen_at',
      'articles.image',
    ])
    .where('story_articles.story_id', 'in', storyIds)
    .orderBy(sql`coalesce(articles.published_at, articles.first_seen_at)`, 'desc')
    .execute();
  const perStory = new Map<number, number>();
  return rows.flatMap((r) => {
    const n = perStory.get(r.story_id) ?? 0;
    if (n >= MEMBERS_PER_STORY) return [];
    perStory.set(r.story_id, n + 1);
    return [
      { storyId: r.story_id, articleId: r.id, site: r.site, at: r.published_at ?? r.first_seen_at, image: r.image },
    ];
  });
}
