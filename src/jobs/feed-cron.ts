/**
 * Feed polling across several worker processes: graphile-worker's cron fires `schedule-feeds`
 * once a minute for the whole cluster (not once per process), in the named queue `scheduler`, so
 * two ticks never run at the same time; each tick enqueues the due feeds and leases them one
 * interval ahead with the in-process scheduler's `enqueueDueFeeds`, so a feed is polled once per interval.
 */
export const scheduleFeedsTask = 'schedule-feeds';

/** Every minute (cron's finest step; feed intervals are minutes), never backfilled after downtime. */
export const feedCrontab = `* * * * * ${scheduleFeedsTask} ?queue=scheduler&jobKey=${scheduleFeedsTask}&max=1`;
