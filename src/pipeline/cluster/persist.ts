/**
 * Glue between the pure clusterer and the store (the one I/O part of clustering): an article that
 * was saved joins a story in memory, and the story rows follow: created, grown, merged (with a
 * redirect), each link with why it was made. Entities and countries are linked at the same time.
 * The order of checks is the `cluster` command's (stream.ts): syndicated copy first (it joins its
 * original's story with duplicate_of set), then the story it is most similar to.
 * Clusterer story ids live in memory; the store's ids are what the site shows, so this keeps the
 * map between them.
 */
import type { Store } from '../../store/index.js';
import { DedupeIndex, bodySignature } from '../dedupe/index.js';
import { countriesOf } from '../enrich/countries.js';
import { entitiesOf } from '../enrich/index.js';
import type { Article } from '../extract/index.js';
import type { Translation } from '../translate/index.js';
import { OPEN_DAYS, StoryClusterer } from './clusterer.js';
import { articleTerms, type TextSample } from './features.js';
import { clusterTime, textOddities, withoutEvidence } from './oddities.js';

const DAY_MS = 86_400_000;

/** What the clusterer reads of an article: its text, its English translation, its time (never far future). */
function clusterInput(article: { title: string; paragraphs: string[] }, language: string | null, translations: Translation[], publishedAt: string | null, oddities: string[]) {
  const english = translations.find((t) => t.language === 'en');
  const samples: TextSample[] = [{ title: article.title, text: article.paragraphs.join('\n'), language }];
  if (english) samples.push({ title: english.title, text: english.paragraphs.join('\n'), language: 'en' });
  const now = Date.now();
  return { publishedAtMs: clusterTime(publishedAt, now, now, oddities), samples };
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
  private readonly clusterStoryOf = new Map<number, number>();

  /**
   * `copies`: the pipeline's own dedupe index (runtime/open.ts hands it over, so a worker keeps one
   * index, not two); the articles the tracker replays or tracks are added to it. A copy the pipeline
   * stored anyway (a body first seen too short to judge, or a test driving the tracker alone) meets
   * its original here.
   */
  constructor(
    private readonly store: Store,
    private readonly copies = new DedupeIndex(),
  ) {}

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
      const a = this.clusterer.add(clusterInput(row, row.language, english ? [english] : [], row.publishedAt ?? member.firstSeenAt, []));
      if (!this.storeIdOf.has(a.storyId)) this.storeIdOf.set(a.storyId, member.storyId);
      this.remember(row.id, row.paragraphs, a.storyId);
    }
    return members.length;
  }

  /** Assigns the saved article to a story and records story, link, entities and countries in the store. */
  async track(saved: SavedArticle): Promise<number> {
    const oddities = textOddities(saved.article.title, saved.article.paragraphs.join('\n'), saved.language);
    const input = clusterInput(saved.article, saved.language, saved.translations, saved.article.publishedAt, oddities);
    const entities = entitiesOf(articleTerms(input.samples).mentions);
    const english = saved.translations.find((t) => t.language === 'en');
    const member = {
      articleId: saved.articleId,
      title: english?.title || saved.article.title,
      language: english ? 'en' : saved.language,
      sourceId: saved.sourceId,
      publishedAt: new Date(input.publishedAtMs).toISOString(),
      countries: countriesOf(entities),
    };
    const original = this.originalOf(saved.article.paragraphs, saved.articleId);
    let storyId: number;
    if (original) {
      const clusterStory = this.clusterer.addCopy(original.clusterStory, input.publishedAtMs);
      const why = { created: false, similarity: original.similarity, sharedTerms: [], merged: [], oddities };
      storyId = await this.link(clusterStory, { ...member, similarity: original.similarity, duplicateOf: original.articleId, why });
      this.clusterStoryOf.set(saved.articleId, clusterStory);
    } else {
      const a = this.clusterer.add(input, { alone: withoutEvidence(oddities) });
      const why = { created: a.created, similarity: a.similarity, sharedTerms: a.sharedTerms, merged: a.merged, oddities };
      storyId = await this.link(a.storyId, { ...member, similarity: a.created ? null : a.similarity, duplicateOf: null, why });
      await this.recordMerges(a.merged, storyId);
      this.remember(saved.articleId, saved.article.paragraphs, a.storyId);
    }
    await this.store.saveArticleEntities(saved.articleId, entities);
    return storyId;
  }

  /** Creates the stored story of a new clusterer story, or adds the article to the known one. */
  private async link(clusterStory: number, member: Parameters<Store['createStory']>[0]): Promise<number> {
    const known = this.storeIdOf.get(this.clusterer.resolve(clusterStory)) ?? this.storeIdOf.get(clusterStory);
    if (known !== undefined) {
      await this.store.addStoryArticle(known, member);
      return known;
    }
    const created = await this.store.createStory(member);
    this.storeIdOf.set(clusterStory, created);
    return created;
  }

  private async recordMerges(merged: number[], storyId: number): Promise<void> {
    for (const from of merged) {
      const fromId = this.storeIdOf.get(from);
      if (fromId !== undefined && fromId !== storyId) await this.store.mergeStories(fromId, storyId);
      this.storeIdOf.set(from, storyId);
    }
  }

  private remember(articleId: number, paragraphs: string[], clusterStory: number): void {
    const signature = bodySignature(paragraphs);
    if (!signature) return;
    this.copies.add(articleId, signature);
    this.clusterStoryOf.set(articleId, clusterStory);
  }

  /** The tracked article this body is a syndicated copy of, with its clusterer story. */
  private originalOf(paragraphs: string[], articleId: number): { articleId: number; similarity: number; clusterStory: number } | null {
    const signature = bodySignature(paragraphs);
    const match = signature ? this.copies.findDuplicate(signature, articleId) : null;
    const clusterStory = match ? this.clusterStoryOf.get(match.articleId) : undefined;
    return match && clusterStory !== undefined ? { ...match, clusterStory } : null;
  }
}
