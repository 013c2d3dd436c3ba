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
import { StoryClusterer } from './clusterer.js';

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

  /** Assigns the saved article to a story and records story and entities in the store. */
  async track(saved: SavedArticle): Promise<number> {
    const english = saved.translations.find((t) => t.language === 'en');
    const samples = [{ title: saved.article.title, text: saved.article.paragraphs.join('\n') }];
    if (english) samples.push({ title: english.title, text: english.paragraphs.join('\n') });
    const publishedAtMs = Date.parse(saved.article.publishedAt ?? '') || Date.now();
    const a = this.clusterer.add({ publishedAtMs: Math.min(publishedAtMs, Date.now() + 86_400_000), samples });
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
