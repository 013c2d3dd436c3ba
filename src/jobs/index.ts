/** Background work: the job-queue interface, its SQLite adapter and the feed scheduler. */
export type { JobHandler, JobOptions, JobQueue, JobStats } from './queue.js';
export { sqliteJobQueue, type SqliteJobQueueOptions } from './sqlite-queue.js';
export {
  startScheduler,
  enqueueDueFeeds,
  pollFeedJob,
  type PollFeedPayload,
  type Scheduler,
  type SchedulerOptions,
} from './scheduler.js';
