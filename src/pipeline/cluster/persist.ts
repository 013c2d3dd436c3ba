/**
 * Glue between the pure clusterer and the store (the one I/O part of clustering): an article that
 * was saved joins a story in memory, and the story rows follow: created, grown, merged (with a
 * redirect). Entities are linked at the same time. Clusterer story ids live in memory; the store's
 * ids are what the site shows, so this keeps the map between them.
 */
import type { Store } from '../../store/index.js';
import { entitiesOf } from '../enrich/index.js';
import type { Article } from '../extract/index.js';
import type { Translation } from '../translate/index.js';
import { OPEN_DAYS, StoryClusterer } from './clusterer.js';

const DAY_MS = 86_400_000;

/** What the clusterer reads of an article: its text, its English translation, its time (never far future). */
function clusterInput(article: { title: string; paragraphs: string[] }, translations: Translation[], publishedAt: string | null) {
  const english = translations.find((t) => t.language === 'en');
  const samples = [{ title: article.title, text: article.paragraphs.join('\n') }];
  if (english) samples.push({ title: english.title, text: english.paragraphs.join('\n') });
  const publishedAtMs = Math.min(Date.parse(publishedAt ?? '') || Date.now(), Date.now() + DAY_MS);
  return { publishedAtMs, samples };
}

export interface SavedArticle {
  articleId: number;
  article: Article;
  language: string | null;
  translations: Translation[];
  sourceId: number | null;
}

export class StoryTracker {
  readonly clusterer = new StoryClusterer();
  private readonly storeIdOf = new Map<number, number>();

  constructor(private readonly store: Store) {}

  /**
   * Replays the articles of stories still open (published within the last OPEN_DAYS) into the
   * clusterer, oldest first, so that after a restart new articles keep joining the stored stories.
   * Nothing is written: each replayed clusterer story is mapped to the stored story of its articles.
   */
  async resume(now = Date.now()): Promise<number> {
    const since = new Date(now - (OPEN_DAYS + 1) * DAY_MS).toISOString();
    const members = await this.store.recentStoryMembers(since);
    for (const member of members) {
      const row = await this.store.articleById(member.articleId);
      if (!row) continue;
      const english = row.language === 'en' ? null : await this.store.translationOf(row.id, 'en');
      const a = this.clusterer.add(clusterInput(row, english ? [english] : [], row.publishedAt ?? member.firstSeenAt));
      if (!this.storeIdOf.has(a.storyId)) this.storeIdOf.set(a.storyId, member.storyId);
    }
    return members.length;
  }

  /** Assigns the saved article to a story and records story and entities in the store. */
  async track(saved: SavedArticle): Promise<number> {
    const english = saved.translations.find((t) => t.language === 'en');
    const input = clusterInput(saved.article, saved.translations, saved.article.publishedAt);
    const publishedAtMs = input.publishedAtMs;
    const a = this.clusterer.add(input);
    const member = {
      articleId: saved.articleId,
      title: english?.title || saved.article.title,
      language: english ? 'en' : saved.language,
      sourceId: saved.sourceId,
      publishedAt: new Date(publishedAtMs).toISOString(),
      similarity: a.created ? null : a.similarity,
      duplicateOf: null,
    };
    let storyId = this.storeIdOf.get(a.storyId);
    if (storyId === undefined) {
      storyId = await this.store.createStory(member);
      this.storeIdOf.set(a.storyId, storyId);
    } else {
      await this.store.addStoryArticle(storyId, member);
    }
    for (const from of a.merged) {
      const fromId = this.storeIdOf.get(from);
      if (fromId !== undefined && fromId !== storyId) await this.store.mergeStories(fromId, storyId);
      this.storeIdOf.set(from, storyId);
    }
    await this.store.saveArticleEntities(saved.articleId, entitiesOf(a.mentions));
    return storyId;
  }
}
