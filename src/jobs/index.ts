/** Background work: the job-queue interface, its SQLite adapter and the feed scheduler. */
export type { JobHandler, JobOptions, JobQueue, JobStats, StartOptions } from './queue.js';
export { sqliteJobQueue, type SqliteJobQueueOptions } from './sqlite-queue.js';
export {
  startScheduler,
  enqueueDueFeeds,
  pollFeedJob,
  hostQueue,
  type PollFeedPayload,
  type Scheduler,
  type SchedulerOptions,
} from './scheduler.js';
