import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requiredWords } from './common-words.js';
import type { Database } from './schema.js';
import { openTestStore, sampleArticle, type TestStore } from './store.testkit.js';

let t: TestStore;
let db: Kysely<Database>;

beforeEach(async () => {
  t = await openTestStore();
  // 30 harbour articles an hour apart; the three newest also name the ferry.
  for (let i = 0; i < 30; i++) {
    const url = `https://news.example/harbour/${i}`;
    const at = new Date(Date.parse('2024-05-01T00:00:00Z') + i * 3_600_000).toISOString();
    const ferry = i >= 27 ? ' The ferry sails again.' : '';
    await t.store.saveArticle({
      ...sampleArticle({ url, title: `Harbour report ${i}`, paragraphs: [`Work at the harbour, day ${i}.${ferry}`] }),
      publishedAt: at,
      sourceId: null,
      feedId: null,
      seenAt: at,
    });
  }
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(t.dbPath) }) });
});
afterEach(async () => {
  await db.destroy();
  await t.cleanup();
});

const limits = { sample: 10, share: 0.5, minArticles: 20 };

describe('query words too common to look for', () => {
  it('leaves out a word in most of the newest articles when the query has a rarer one', async () => {
    expect(await requiredWords(db, ['harbour', 'ferry'], limits)).toEqual(['ferry']);
  });

  it('keeps every word when all are common, and a single word', async () => {
    expect(await requiredWords(db, ['harbour', 'report'], limits)).toEqual(['harbour', 'report']);
    expect(await requiredWords(db, ['harbour'], limits)).toEqual(['harbour']);
  });

  it('keeps every word in a small store', async () => {
    expect(await requiredWords(db, ['harbour', 'ferry'], { ...limits, minArticles: 31 })).toEqual(['harbour', 'ferry']);
  });

  it('measures the share on the newest articles only', async () => {
    // "ferry" is in 3 of the newest 4 (0.75): common there; in 3 of the newest 10 it is not.
    expect(await requiredWords(db, ['harbour', 'ferry', 'sails'], { ...limits, sample: 4 })).toEqual([
      'harbour',
      'ferry',
      'sails',
    ]);
    expect(await requiredWords(db, ['day', 'sails'], limits)).toEqual(['sails']);
  });
});
