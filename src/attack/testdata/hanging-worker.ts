/**
 * A worker process that takes one job and never finishes it (run and then killed with SIGKILL by
 * killed-job.integration.test.ts): prints "running" once the job is in its handler.
 */
import { setQuiet } from '../../log.js';
import { openStore } from '../../store/index.js';
import { sqliteJobQueue } from '../../jobs/sqlite-queue.js';

setQuiet(true);
const [dbPath = ''] = process.argv.slice(2);
const store = await openStore({ dbPath });
const queue = sqliteJobQueue(store, { lockTimeoutMs: 600_000 });
await queue.add('work', { n: 1 });
queue.start(
  {
    work: () => {
      process.stdout.write('running\n');
      return new Promise(() => {});
    },
  },
  { concurrency: 1, pollMs: 5 },
);
