/** The queue contract on graphile-worker (needs PostgreSQL; fails, never skips, when it is away). */
import { describe } from 'vitest';
import { setQuiet } from '../log.js';
import { dropSchema, freshSchemaName, testDatabaseUrl } from '../store/pg-store.testkit.js';
import { graphileJobQueue } from './graphile-queue.js';
import { describeQueueContract } from './queue.contract.js';

setQuiet(true);

describe('graphileJobQueue: the queue contract', () => {
  describeQueueContract(async ({ retryBaseMs }) => {
    const schema = freshSchemaName();
    const queue = await graphileJobQueue({ databaseUrl: testDatabaseUrl, schema, retryBaseMs });
    return {
      queue,
      async cleanup() {
        await queue.close();
        await dropSchema(schema);
      },
    };
  });
});
