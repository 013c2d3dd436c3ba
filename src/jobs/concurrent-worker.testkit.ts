/**
 * One of several processes sharing a SQLite file (run by concurrency.integration.test.ts):
 * saves the same articles as its siblings through its own source, adds jobs of its own, then
 * works the shared queue and prints the jobs it ran as one JSON line.
 */
import { openStore } from '../store/index.js';
import { sampleArticle } from '../store/store.testkit.js';
import { setQuiet } from '../log.js';
import { sqliteJobQueue } from './sqlite-queue.js';

setQuiet(true);
const [dbPath = '', worker = '0', count = '100'] = process.argv.slice(2);
const store = await openStore({ dbPath });
const { source, feed } = await store.createSource({ name: `Outlet ${worker}`, url: `https://p${worker}.example/rss` });
for (let i = 0; i < Number(count); i++) {
  const article = sampleArticle({
    url: `https://p${worker}.example/story/${i}`,
    canonicalUrl: `https://news.example/story/${i}`,
    title: `Story ${i}`,
  });
  await store.saveArticle({ ...article, sourceId: source.id, feedId: feed.id, seenAt: new Date().toISOString() });
}
const queue = sqliteJobQueue(store);
for (let i = 0; i < Number(count) / 2; i++) await queue.add('work', { job: `${worker}:${i}` });
const ran: string[] = [];
queue.start({ work: async ({ job }: { job: string }) => void ran.push(job) }, { concurrency: 2, pollMs: 5 });
await queue.drain();
await queue.stop();
await store.close();
process.stdout.write(`${JSON.stringify({ worker, ran })}\n`);
