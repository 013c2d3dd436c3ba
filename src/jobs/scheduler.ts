/**
 * The feed scheduler: every tick, one 'poll-feed' job per due feed of an unpaused source. The job
 * key `poll-feed:<id>` keeps one pending poll per feed, the queue `host:<hostname>` keeps one
 * request per publisher at a time, and the feed is leased (next fetch moved one interval ahead) so
 * a poll that is running is not queued again; the poll itself sets the real next fetch time.
 * Each tick also does one bounded step of search-index upkeep (search-upkeep.ts).
 */
import { errorLine } from '../errors.js';
import { log } from '../log.js';
import type { FeedRow, Store } from '../store/index.js';
import type { JobQueue } from './queue.js';
import { searchUpkeep } from './search-upkeep.js';

/** Feeds enqueued per tick at most; the rest wait one tick (a tick is seconds, a feed interval minutes). */
const feedsPerTick = 500;

export interface SchedulerOptions {
  store: Store;
  queue: JobQueue;
  intervalMs: number;
}

export interface Scheduler {
  /** Enqueues the feeds due now; returns how many it enqueued. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

export interface PollFeedPayload {
  feedId: number;
}

export function pollFeedJob(feed: Pick<FeedRow, 'id' | 'url'>): {
  payload: PollFeedPayload;
  key: string;
  queue: string;
} {
  return { payload: { feedId: feed.id }, key: `poll-feed:${feed.id}`, queue: hostQueue(feed.url) };
}

/**
 * The named queue of jobs that fetch from `url`'s host: one runs at a time. Page jobs use it too, so a
 * host with a backlog holds one worker (its fetches wait on the host's delay anyway) and the other
 * workers serve other hosts' polls and pages (issue 15, finding 5).
 */
export function hostQueue(url: string): string {
  return `host:${hostOf(url)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'local';
  } catch {
    return 'unknown';
  }
}

/**
 * Enqueues one poll per feed due at `now` that this caller leases (another worker's scheduler may
 * lease some of the same list first: those it skips). Returns how many it enqueued. Leased before
 * enqueued, so a poll that finishes at once cannot be queued again by a slower scheduler; a lease
 * whose job cannot be added is given back.
 */
export async function enqueueDueFeeds(store: Store, queue: JobQueue, now: Date): Promise<number> {
  let enqueued = 0;
  for (const feed of await store.feedsDue(now, feedsPerTick)) {
    if (!(await store.leaseFeed(feed.id, now, new Date(now.getTime() + feed.intervalMinutes * 60_000)))) continue;
    const job = pollFeedJob(feed);
    try {
      await queue.add('poll-feed', job.payload, { key: job.key, queue: job.queue });
    } catch (error) {
      await store.scheduleFeed(feed.id, now);
      throw error;
    }
    enqueued++;
  }
  return enqueued;
}

/** Enqueues due feeds now and then every `intervalMs`. */
export function startScheduler({ store, queue, intervalMs }: SchedulerOptions): Scheduler {
  let current: Promise<number> | undefined;
  const upkeep = searchUpkeep(store);
  const tick = async (): Promise<number> => {
    const now = new Date();
    const enqueued = await enqueueDueFeeds(store, queue, now);
    await upkeep
      .tick(now.getTime())
      .catch((error: unknown) => log.warn(`jobs: search index upkeep failed: ${errorLine(error)}`));
    return enqueued;
  };
  const run = () => {
    if (current) return;
    current = tick()
      .catch((error: unknown) => {
        log.warn(`jobs: scheduler tick failed: ${errorLine(error)}`);
        return 0;
      })
      .finally(() => (current = undefined));
  };
  run();
  const timer = setInterval(run, intervalMs);
  return {
    tick: async () => {
      await current;
      return tick();
    },
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
