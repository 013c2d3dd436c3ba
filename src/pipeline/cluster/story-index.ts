/**
 * The stories still open to new articles, with an inverted index from term to story so a new
 * article is scored only against stories that share one of its rarer terms. Stories age out of the
 * index when nothing has joined them for OPEN_DAYS, and are forgotten altogether (forgetBefore) once
 * nothing can reach them any more: a long-running process holds a window of stories, not all it saw.
 */
export interface StoryState {
  id: number;
  /** Sum of its articles' unit vectors, trimmed to the heaviest terms. */
  centroid: Map<string, number>;
  norm: number;
  firstMs: number;
  lastMs: number;
  articleCount: number;
  /** Raw term weights of its latest articles (scored one by one: a Basque article meets the Basque one best). */
  members: Map<string, number>[];
  /** Set when merged into another story. */
  mergedInto: number | null;
}

/** Centroids keep their heaviest terms only: bounded memory per story, no loss measured on NTREX. */
const MAX_CENTROID_TERMS = 300;
/** Terms a closed story keeps: enough to score a late syndicated copy's story, little memory. */
const CLOSED_CENTROID_TERMS = 20;
/** Articles kept per story for one-by-one scoring; older ones live on in the centroid. */
const MAX_MEMBERS = 12;

export class StoryIndex {
  readonly stories = new Map<number, StoryState>();
  private readonly open = new Set<number>();
  private readonly postings = new Map<string, Set<number>>();

  get openCount(): number {
    return this.open.size;
  }

  create(id: number, atMs: number): StoryState {
    const story: StoryState = {
      id,
      centroid: new Map(),
      norm: 0,
      firstMs: atMs,
      lastMs: atMs,
      articleCount: 0,
      members: [],
      mergedInto: null,
    };
    this.stories.set(id, story);
    this.open.add(id);
    return story;
  }

  /** Adds a unit vector to the story's centroid and refreshes its postings. */
  addVector(story: StoryState, vector: Map<string, number>, atMs: number, count = 1, member = count === 1): void {
    if (member) {
      story.members.push(vector);
      if (story.members.length > MAX_MEMBERS) story.members.shift();
    }
    if (story.mergedInto === null && !this.open.has(story.id)) this.reopen(story);
    for (const [term, w] of vector) {
      const had = story.centroid.has(term);
      story.centroid.set(term, (story.centroid.get(term) ?? 0) + w);
      if (!had) this.post(term, story.id);
    }
    if (story.centroid.size > 2 * MAX_CENTROID_TERMS) this.trim(story);
    if (vector.size > 0) story.norm = Math.sqrt([...story.centroid.values()].reduce((s, w) => s + w * w, 0));
    story.articleCount += count;
    story.firstMs = Math.min(story.firstMs, atMs);
    story.lastMs = Math.max(story.lastMs, atMs);
  }

  /** Stories sharing a term, with how many of the given terms they share. */
  candidates(terms: string[]): Map<number, number> {
    const hits = new Map<number, number>();
    for (const term of terms) for (const id of this.postings.get(term) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
    return hits;
  }

  /** Moves `from` into `into`; `from` keeps its id as a redirect. */
  merge(from: StoryState, into: StoryState): void {
    this.close(from);
    from.mergedInto = into.id;
    const scaled = new Map([...from.centroid].map(([t, w]) => [t, w] as [string, number]));
    this.addVector(into, scaled, from.firstMs, from.articleCount);
    into.members = [...into.members, ...from.members].slice(-MAX_MEMBERS);
    from.members = [];
    into.lastMs = Math.max(into.lastMs, from.lastMs);
    from.centroid = new Map();
  }

  /** Closes every story nothing has joined since `beforeMs`. */
  closeOlderThan(beforeMs: number): void {
    for (const id of this.open) {
      const story = this.stories.get(id)!;
      if (story.lastMs < beforeMs) this.close(story);
    }
  }

  /**
   * The story an id now lives in (following merges). A forgotten id comes back as a new empty story
   * under the same id: what reached it so late starts afresh.
   */
  resolve(id: number, atMs = 0): StoryState {
    let story = this.stories.get(id) ?? this.create(id, atMs);
    while (story.mergedInto !== null) story = this.stories.get(story.mergedInto) ?? this.create(story.mergedInto, atMs);
    return story;
  }

  /**
   * Forgets the closed stories whose story (after merges) nothing has joined since `beforeMs`, with
   * the redirects into them. Returns the ids forgotten.
   */
  forgetBefore(beforeMs: number): number[] {
    const gone: number[] = [];
    for (const [id, story] of this.stories) {
      if (this.open.has(id)) continue;
      let target = story;
      while (target.mergedInto !== null && this.stories.has(target.mergedInto))
        target = this.stories.get(target.mergedInto)!;
      if (!this.open.has(target.id) && target.lastMs < beforeMs) gone.push(id);
    }
    for (const id of gone) this.stories.delete(id);
    return gone;
  }

  private reopen(story: StoryState): void {
    this.open.add(story.id);
    // Its latest articles were dropped on close; the centroid stands in for them.
    if (story.members.length === 0) story.members.push(new Map(story.centroid));
    for (const term of story.centroid.keys()) this.post(term, story.id);
  }

  /** A closed story keeps only its heaviest terms (memory: ~6 KB → ~1 KB per story). */
  private close(story: StoryState): void {
    if (!this.open.delete(story.id)) return;
    for (const term of story.centroid.keys()) this.unpost(term, story.id);
    story.members = [];
    story.centroid = new Map([...story.centroid].sort((a, b) => b[1] - a[1]).slice(0, CLOSED_CENTROID_TERMS));
  }

  private post(term: string, id: number): void {
    const set = this.postings.get(term);
    if (set) set.add(id);
    else this.postings.set(term, new Set([id]));
  }

  private unpost(term: string, id: number): void {
    const set = this.postings.get(term);
    if (!set) return;
    set.delete(id);
    if (set.size === 0) this.postings.delete(term);
  }

  private trim(story: StoryState): void {
    const kept = [...story.centroid].sort((a, b) => b[1] - a[1]).slice(0, MAX_CENTROID_TERMS);
    const keep = new Set(kept.map(([t]) => t));
    for (const term of story.centroid.keys()) if (!keep.has(term)) this.unpost(term, story.id);
    story.centroid = new Map(kept);
  }
}
