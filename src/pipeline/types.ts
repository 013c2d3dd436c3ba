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
}
