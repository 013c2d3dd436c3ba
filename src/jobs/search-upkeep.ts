/**
 * Search-index upkeep on the scheduler's clock. SQLite's FTS5 index gains a small segment with
 * every write and merges them lazily; a search reads every segment, so an index left to itself
 * answers slower as it grows (bench:web at 100,000 articles: two-word searches 0.26 ms as written,
 * 0.14 after the routine merges, 0.06-0.08 fully merged). Each tick does one bounded step
 * (`Store.tidySearchIndex`, ~1,000 index pages at most): a 'full' pass after start and then once
 * a day, one step per tick until nothing is left to merge, otherwise the routine 'step'.
 * PostgreSQL's index needs none: its steps do nothing.
 */
import { log } from '../log.js';
import type { Store } from '../store/index.js';

const DAY_MS = 24 * 3600_000;

export interface SearchUpkeep {
  /** One step; returns the mode it ran. */
  tick(now?: number): Promise<'step' | 'full'>;
}

export function searchUpkeep(store: Pick<Store, 'tidySearchIndex'>, fullEveryMs = DAY_MS): SearchUpkeep {
  let fullDueAt = 0;
  let pass: { startedAt: number; steps: number } | null = null;
  return {
    async tick(now = Date.now()) {
      if (!pass && now >= fullDueAt) pass = { startedAt: now, steps: 0 };
      if (!pass) {
        await store.tidySearchIndex('step');
        return 'step';
      }
      if (await store.tidySearchIndex('full')) pass.steps += 1;
      else {
        if (pass.steps > 0)
          log.info(
            `jobs: search index merged in ${pass.steps} steps over ${Math.round((now - pass.startedAt) / 1000)} s`,
          );
        fullDueAt = now + fullEveryMs;
        pass = null;
      }
      return 'full';
    },
  };
}
