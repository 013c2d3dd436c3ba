/**
 * Feed polling across several worker processes: graphile-worker's cron fires `schedule-feeds`
 * once a minute for the whole cluster (not once per process), in the named queue `scheduler`, so
 * two ticks never run at the same time; each tick enqueues the due feeds and leases them one
 * interval ahead (as the in-process scheduler does), so a feed is polled once per interval.
 */
import type { Store } from '../store/index.js';
import type { JobQueue } from './queue.js';
import { pollFeedJob } from './scheduler.js';

export const scheduleFeedsTask = 'schedule-feeds';

/** Every minute (cron's finest step; feed intervals are minutes), never backfilled after downtime. */
export const feedCrontab = `* * * * * ${scheduleFeedsTask} ?queue=scheduler&jobKey=${scheduleFeedsTask}&max=1`;

/** Feeds enqueued per tick at most (the in-process scheduler's figure). */
const feedsPerTick = 500;

/** One tick: enqueues the feeds due now; returns how many. */
export async function scheduleDueFeeds(store: Store, queue: JobQueue, now = new Date()): Promise<number> {
  const due = await store.feedsDue(now, feedsPerTick);
  for (const feed of due) {
    const job = pollFeedJob(feed);
    await queue.add('poll-feed', job.payload, { key: job.key, queue: job.queue });
    await store.scheduleFeed(feed.id, new Date(now.getTime() + feed.intervalMinutes * 60_000));
  }
  return due.length;
}
