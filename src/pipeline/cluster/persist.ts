/**
 * Glue between the pure clusterer and the store (the one I/O part of clustering): an article that
 * was saved joins a story in memory, and the story rows follow: created, grown, merged (with a
 * redirect), each link with why it was made and the countries enrich found.
 * Where the article goes is placement.ts's decision, the same as the `cluster` command's: a syndicated
 * copy joins its original's story (with duplicate_of set), else the story it is most similar to.
 * Clusterer story ids live in memory; the store's ids are what the site shows, so this keeps the
 * map between them.
 *
 * Several worker processes (PostgreSQL) each keep a clusterer. So that one event makes one story
 * whichever worker ingests its articles, clustering an article is a turn no other process takes at
 * the same time (store.withStoriesLocked), and a turn starts by catching up: the links the other
 * workers wrote since this tracker's last turn are replayed into its clusterer, each article into
 * the story it is stored in now (merges included). Only that, the clusterer and the link writes
 * happen in the turn; fetching, extraction and translation happened before it.
 */
import type { ArticleRow, Store, StoryMember, StoryMemberRow } from '../../store/index.js';
import { DedupeIndex, bodySignature } from '../dedupe/index.js';
import type { Article, Translation } from '../../model.js';
import { OPEN_DAYS, StoryClusterer, type ClusterArticle, type ClusterOptions } from './clusterer.js';
import type { TextSample } from './features.js';
import { clusterTime, textOddities, withoutEvidence } from './oddities.js';
import { placeArticle } from './placement.js';
import { PIVOT_LANGUAGE } from './pivot-language.js';

const DAY_MS = 86_400_000;
const EPOCH = new Date(0).toISOString();
/** Articles between two prunes of the article map (a walk over it). */
const PRUNE_EVERY = 1_000;
/** Links replayed per read of their articles (resume reads thousands). */
const REPLAY_BATCH = 500;
/**
 * Word-frequency history read at resume, beyond the replayed days: two weeks, at most this many
 * articles (read in batches at start; 100 articles of a language are enough for its word score,
 * and a few thousand give stable frequencies).
 */
const HISTORY_DAYS = 14;
const HISTORY_ARTICLES = 5_000;

/** What the clusterer reads of an article: its text, its translation into the pivot language, its time (never far future). */
function clusterInput(
  article: { title: string; paragraphs: string[] },
  language: string | null,
  translations: Translation[],
  publishedAt: string | null,
  oddities: string[],
) {
  const pivot = translations.find((t) => t.language === PIVOT_LANGUAGE);
  const samples: TextSample[] = [{ title: article.title, text: article.paragraphs.join('\n'), language }];
  if (pivot) samples.push({ title: pivot.title, text: pivot.paragraphs.join('\n'), language: PIVOT_LANGUAGE });
  const now = Date.now();
  return { publishedAtMs: clusterTime(publishedAt, now, now, oddities), samples };
}

export interface SavedArticle {
  articleId: number;
  article: Article;
  language: string | null;
  translations: Translation[];
  sourceId: number | null;
  /** The countries of the places it names (enrich), kept on its story link. */
  countries?: string[];
}

export class StoryTracker {
  readonly clusterer: StoryClusterer;
  /** Clusterer story → stored story, and back (a stored story has one clusterer story). */
  private readonly storeIdOf = new Map<number, number>();
  private readonly clusterOf = new Map<number, number>();
  private readonly clusterStoryOf = new Map<number, number>();
  /** The newest story link seen (replayed, or written here): a catch-up reads the links after it. */
  private lastLinkId = 0;
  /** Articles linked here since the last catch-up: their links are not replayed. */
  private readonly linkedHere = new Set<number>();
  /** The previous track in this process: jobs run concurrently, articles are clustered one by one. */
  private turn: Promise<unknown> = Promise.resolve();
  /** Stories created in the current turn, forgotten if its transaction rolls back. */
  private createdInTurn: [clusterStory: number, storyId: number][] = [];
  /** Articles clustered since the maps were last pruned of what the clusterer and dedupe forgot. */
  private sincePrune = 0;
  /** Clusterer stories forgotten whose stored-story entries wait until no remembered article points at them. */
  private readonly forgottenStories = new Set<number>();

  /**
   * `copies`: the pipeline's own dedupe index (runtime/open.ts hands it over, so a worker keeps one
   * index, not two); the articles the tracker replays or tracks are added to it. A copy the pipeline
   * stored anyway (a body first seen too short to judge, or a test driving the tracker alone) meets
   * its original here.
   */
  constructor(
    private readonly store: Store,
    private readonly copies = new DedupeIndex(),
    /** Story titles are taken in this language where an article has it (the site's language). */
    private readonly siteLanguage = 'en',
    clusterOptions: Partial<ClusterOptions> = {},
  ) {
    this.clusterer = new StoryClusterer(clusterOptions);
  }

  /**
   * Replays the articles of stories still open (published within the last OPEN_DAYS) into the
   * clusterer, oldest first, so that after a restart new articles keep joining the stored stories.
   * Nothing is written: each replayed article is counted into the clusterer story of its stored story.
   */
  async resume(now = Date.now()): Promise<number> {
    const sinceMs = now - (OPEN_DAYS + 1) * DAY_MS;
    const since = new Date(sinceMs).toISOString();
    await this.countHistory(sinceMs, now);
    const members = await this.store.recentStoryMembers(since);
    for (let i = 0; i < members.length; i += REPLAY_BATCH) await this.replay(members.slice(i, i + REPLAY_BATCH));
    return members.length;
  }

  /**
   * Counts the stored articles of the HISTORY_DAYS before the replayed days (the newest
   * HISTORY_ARTICLES of them, syndicated copies left out, as the clusterer leaves them out) into the
   * clusterer's word frequencies only: after a restart words are weighed as before it, not on the
   * last four days alone (a language with fewer than a hundred articles there would be scored on
   * names and numbers only).
   */
  private async countHistory(beforeMs: number, now: number): Promise<void> {
    const since = new Date(now - HISTORY_DAYS * DAY_MS).toISOString();
    const before = new Date(beforeMs).toISOString();
    const older = (await this.store.recentStoryMembers(since))
      .filter((m) => m.duplicateOf === null && (m.publishedAt ?? m.firstSeenAt) < before)
      .slice(-HISTORY_ARTICLES);
    for (let i = 0; i < older.length; i += REPLAY_BATCH) {
      const ids = older.slice(i, i + REPLAY_BATCH).map((m) => m.articleId);
      const rows = await this.store.articlesByIds(ids);
      const english = await this.store.translationsInto(
        rows.filter((r) => r.language !== PIVOT_LANGUAGE).map((r) => r.id),
        PIVOT_LANGUAGE,
      );
      for (const row of rows) {
        const pivot = english.get(row.id);
        this.clusterer.countHistory(clusterInput(row, row.language, pivot ? [pivot] : [], row.publishedAt, []).samples);
      }
    }
  }

  /**
   * Replays the links other workers wrote after the last one this tracker saw, in the order they
   * were written, whatever their articles' dates (the other clusterers counted them too). Run at
   * the start of each clustering turn, when no link can be written meanwhile, and just before it.
   * Returns how many it replayed.
   */
  async catchUp(store = this.store): Promise<number> {
    const links = await store.recentStoryMembers(EPOCH, this.lastLinkId);
    links.sort((a, b) => a.linkId - b.linkId);
    const others = links.filter((link) => !this.linkedHere.has(link.articleId));
    for (let i = 0; i < others.length; i += REPLAY_BATCH) await this.replay(others.slice(i, i + REPLAY_BATCH), store);
    for (const link of links) this.lastLinkId = Math.max(this.lastLinkId, link.linkId);
    this.linkedHere.clear();
    return others.length;
  }

  /** Assigns the saved article to a story and records story and link (with its countries) in the store. */
  async track(saved: SavedArticle): Promise<number> {
    const oddities = textOddities(saved.article.title, saved.article.paragraphs.join('\n'), saved.language);
    const input = clusterInput(saved.article, saved.language, saved.translations, saved.article.publishedAt, oddities);
    const shown = saved.translations.find((t) => t.language === this.siteLanguage);
    const member = {
      articleId: saved.articleId,
      title: shown?.title || saved.article.title,
      language: shown ? this.siteLanguage : saved.language,
      sourceId: saved.sourceId,
      publishedAt: new Date(input.publishedAtMs).toISOString(),
      countries: saved.countries ?? [],
    };
    return this.inTurn(async (store) => {
      if (store.dialect.sharedWriters) await this.catchUp(store);
      const storyId = await this.join(store, saved, input, oddities, member);
      this.prune();
      return storyId;
    });
  }

  /**
   * Lets go of what the clusterer and the dedupe index forgot, so memory stays flat in a process
   * that runs for months: every PRUNE_EVERY articles the articles no longer in the dedupe index, and
   * the stored-story entries of forgotten clusterer stories once no remembered article points at
   * them (a late syndicated copy of such an article still joins its original's stored story).
   */
  private prune(): void {
    const forgotten = this.clusterer.takeForgotten();
    for (const id of forgotten) this.forgottenStories.add(id);
    const periodic = ++this.sincePrune >= PRUNE_EVERY;
    if (!periodic && forgotten.length === 0) return;
    if (periodic) {
      this.sincePrune = 0;
      for (const articleId of this.clusterStoryOf.keys())
        if (!this.copies.has(articleId)) this.clusterStoryOf.delete(articleId);
    }
    if (this.forgottenStories.size === 0) return;
    const pointedAt = new Set(this.clusterStoryOf.values());
    for (const clusterStory of this.forgottenStories) {
      if (pointedAt.has(clusterStory)) continue;
      this.forgottenStories.delete(clusterStory);
      const storyId = this.storeIdOf.get(clusterStory);
      this.storeIdOf.delete(clusterStory);
      if (storyId !== undefined && this.clusterOf.get(storyId) === clusterStory) this.clusterOf.delete(storyId);
    }
  }

  /**
   * Runs `work` after this process's earlier tracks, and while no other process clusters, with the
   * store to use meanwhile (on PostgreSQL the turn's transaction: its writes commit together).
   */
  private inTurn<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const run = this.turn.then(() => this.takeTurn(work));
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async takeTurn<T>(work: (store: Store) => Promise<T>): Promise<T> {
    // What the others wrote since this worker's last turn is mostly replayed before waiting for
    // the lock (they commit in turn, so the links seen are all those written up to some point):
    // the turn replays only what came meanwhile, not hours of links after a quiet spell.
    if (this.store.dialect.sharedWriters) await this.catchUp();
    this.createdInTurn = [];
    try {
      return await this.store.withStoriesLocked(work);
    } catch (error) {
      // On PostgreSQL the turn's writes rolled back: the stories it created are not in the store.
      if (this.store.dialect.sharedWriters)
        for (const [clusterStory, storyId] of this.createdInTurn) this.forgetStory(clusterStory, storyId);
      throw error;
    }
  }

  /** The clustering itself: the syndicated copy joins its original's story, else the clusterer decides. */
  private async join(
    store: Store,
    saved: SavedArticle,
    input: ClusterArticle,
    oddities: string[],
    member: Omit<StoryMember, 'similarity' | 'duplicateOf'>,
  ): Promise<number> {
    if (store.dialect.sharedWriters) this.linkedHere.add(saved.articleId);
    const placed = placeArticle(this.clusterer, input, oddities, () =>
      this.originalOf(saved.article.paragraphs, saved.articleId),
    );
    if (placed.kind === 'copy') {
      const { original, storyId: clusterStory } = placed;
      const why = { created: false, similarity: original.similarity, sharedTerms: [], merged: [], oddities };
      const storyId = await this.link(store, clusterStory, {
        ...member,
        similarity: original.similarity,
        duplicateOf: original.articleId,
        why,
      });
      this.clusterStoryOf.set(saved.articleId, clusterStory);
      return storyId;
    }
    const a = placed.assignment;
    const mergedStories = this.storiesOf(a.merged, a.storyId);
    const why = {
      created: a.created,
      similarity: a.similarity,
      sharedTerms: a.sharedTerms,
      merged: a.merged,
      ...(mergedStories.length > 0 && { mergedStories }),
      oddities,
    };
    const storyId = await this.link(store, a.storyId, {
      ...member,
      similarity: a.created ? null : a.similarity,
      duplicateOf: null,
      why,
    });
    for (const from of mergedStories) await store.mergeStories(from, storyId);
    for (const from of a.merged) this.mapStory(from, storyId);
    this.remember(saved.articleId, saved.article.paragraphs, a.storyId, input.publishedAtMs);
    return storyId;
  }

  /** Creates the stored story of a new clusterer story, or adds the article to the known one. */
  private async link(store: Store, clusterStory: number, member: StoryMember): Promise<number> {
    const known = this.storeIdOf.get(this.clusterer.resolve(clusterStory)) ?? this.storeIdOf.get(clusterStory);
    if (known !== undefined) {
      await store.addStoryArticle(known, member, this.siteLanguage);
      return known;
    }
    const created = await store.createStory(member);
    this.mapStory(clusterStory, created);
    this.createdInTurn.push([clusterStory, created]);
    return created;
  }

  /** The stored stories of clusterer stories just merged into `into` (other than its own). */
  private storiesOf(merged: number[], into: number): number[] {
    const target = this.storeIdOf.get(this.clusterer.resolve(into));
    const ids = merged
      .map((m) => this.storeIdOf.get(m))
      .filter((id): id is number => id !== undefined && id !== target);
    return [...new Set(ids)];
  }

  /**
   * Counts stored links into the clusterer, in order: each article joins the clusterer story of the
   * stored story it is in now (a copy is counted as one), or starts one; stories merged when it
   * joined are merged here too. The articles and their English are read in one query each.
   */
  private async replay(links: StoryMemberRow[], store = this.store): Promise<void> {
    const ids = links.map((link) => link.articleId);
    const rows = new Map((await store.articlesByIds(ids)).map((row) => [row.id, row]));
    const english = await store.translationsInto(
      ids.filter((id) => rows.get(id)?.language !== 'en'),
      'en',
    );
    for (const link of links) {
      this.lastLinkId = Math.max(this.lastLinkId, link.linkId);
      const row = rows.get(link.articleId);
      if (row) this.replayOne(link, row, english.get(row.id) ?? null);
    }
    this.prune();
  }

  private replayOne(link: StoryMemberRow, row: ArticleRow, english: Translation | null): void {
    const known = this.clusterOf.get(link.storyId);
    const oddities = textOddities(row.title, row.paragraphs.join('\n'), row.language);
    const input = clusterInput(
      row,
      row.language,
      english ? [english] : [],
      row.publishedAt ?? link.firstSeenAt,
      oddities,
    );
    let clusterStory: number;
    if (link.duplicateOf !== null && known !== undefined) {
      clusterStory = this.clusterer.addCopy(known, input.publishedAtMs);
      this.clusterStoryOf.set(row.id, clusterStory);
    } else {
      clusterStory = this.clusterer.place(input, known ?? null, { alone: withoutEvidence(oddities) });
      this.remember(row.id, row.paragraphs, clusterStory, input.publishedAtMs);
    }
    this.mapStory(clusterStory, link.storyId);
    for (const from of link.mergedStories) {
      const fromCluster = this.clusterOf.get(from);
      if (fromCluster !== undefined) this.clusterer.merge(fromCluster, clusterStory);
      this.clusterOf.delete(from);
    }
  }

  /** Records that a clusterer story is (or was merged into) a stored story. */
  private mapStory(clusterStory: number, storyId: number): void {
    const previous = this.storeIdOf.get(clusterStory);
    if (previous !== undefined && previous !== storyId && this.clusterOf.get(previous) === clusterStory)
      this.clusterOf.delete(previous);
    this.storeIdOf.set(clusterStory, storyId);
    this.clusterOf.set(storyId, this.clusterer.resolve(clusterStory));
  }

  private forgetStory(clusterStory: number, storyId: number): void {
    if (this.storeIdOf.get(clusterStory) === storyId) this.storeIdOf.delete(clusterStory);
    if (this.clusterOf.get(storyId) !== undefined) this.clusterOf.delete(storyId);
  }

  private remember(articleId: number, paragraphs: string[], clusterStory: number, atMs: number): void {
    const signature = bodySignature(paragraphs);
    if (!signature) return;
    this.copies.add(articleId, signature, atMs);
    this.clusterStoryOf.set(articleId, clusterStory);
  }

  /** The tracked article this body is a syndicated copy of, with its clusterer story. */
  private originalOf(
    paragraphs: string[],
    articleId: number,
  ): { articleId: number; similarity: number; clusterStory: number } | null {
    const signature = bodySignature(paragraphs);
    const match = signature ? this.copies.findDuplicate(signature, articleId) : null;
    const clusterStory = match ? this.clusterStoryOf.get(match.articleId) : undefined;
    return match && clusterStory !== undefined ? { ...match, clusterStory } : null;
  }
}
