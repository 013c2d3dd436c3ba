/** What every step of the flow works with: the outside world (fetcher, store, translator) and the online indexes. */
import type { PageJob } from '../model.js';
import type { Store } from '../store/index.js';
import type { Fetcher } from './fetch/index.js';
import type { Translator } from './translate/index.js';
import type { DedupeIndex } from './dedupe/index.js';
import type { StoryTracker } from './cluster/persist.js';

export interface Pipeline {
  fetcher: Fetcher;
  store: Store;
  translator: Translator;
  dedupe: DedupeIndex;
  /** Story clustering and entities (absent: articles are stored without stories). */
  stories?: StoryTracker;
  /** Site languages to translate into; the first is the main one. */
  languages: string[];
  /** Hands a page on to be ingested (a queue job in `serve`, a direct call in tests). */
  enqueuePage(job: PageJob): Promise<void>;
  /** Caps on one poll's work (poll.ts; default: the config table's defaults). */
  pollLimits?: PollLimits;
}

/** Bounds on the work one poll does for one feed: a publisher's document is hostile input (issue 15, finding 5). */
export interface PollLimits {
  /** Items read from one feed or sitemap document (the newest). */
  maxFeedItems: number;
  /** New pages one poll hands on; the others are found again at the next poll, as they are still not stored. */
  maxPagesPerPoll: number;
  /** Sitemaps one poll of a sitemap index fetches, nested indexes included. */
  maxSitemapsPerPoll: number;
}
