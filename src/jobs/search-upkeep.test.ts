import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/store.testkit.js';
import { searchUpkeep } from './search-upkeep.js';
import { storeDb } from '../store/db.testkit.js';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('searchUpkeep', () => {
  it('runs a full pass at start and once a day, one step per tick until nothing is left, routine steps between', async () => {
    const asked: string[] = [];
    let fullWork = 3;
    const upkeep = searchUpkeep(
      { tidySearchIndex: async (mode) => (asked.push(mode), mode === 'full' ? fullWork-- > 0 : false) },
      1000,
    );
    for (let now = 0; now < 6; now += 1) await upkeep.tick(now);
    expect(asked).toEqual(['full', 'full', 'full', 'full', 'step', 'step']);
    fullWork = 1;
    expect(await upkeep.tick(1003)).toBe('full'); // the pass ended at 3: due again at 1003
    expect(await upkeep.tick(1004)).toBe('full');
    expect(await upkeep.tick(1005)).toBe('step');
  });

  it('merges a real SQLite index written in many small pieces, and searches still find the same articles', async () => {
    t = await openTestStore();
    const db = storeDb(t.store);
    const { dialect } = t.store;
    const common = ['harbour', 'storm', 'council', 'budget'];
    // One write per article, as ingest does: each leaves its own small segment.
    for (let id = 1; id <= 400; id += 1) {
      await dialect.writeSearchText(db, id, {
        title: `${common[id % 4]} report ${id}`,
        body: `word${id % 37} and ${common[(id + 1) % 4]} text`,
        translatedTitle: '',
        translatedBody: '',
      });
    }
    const before = await dialect.searchArticleIds(db, 'storm word5', 50, 0);
    expect(before.length).toBeGreaterThan(0);
    expect(await t.store.tidySearchIndex('full')).toBe(true);
    let steps = 1;
    while (await t.store.tidySearchIndex('full')) if (++steps > 100) throw new Error('the full merge never ends');
    expect(await t.store.tidySearchIndex('full')).toBe(false);
    expect(await t.store.tidySearchIndex('step')).toBe(false);
    expect(await dialect.searchArticleIds(db, 'storm word5', 50, 0)).toEqual(before);
    // Writes after the merge are found too.
    await dialect.writeSearchText(db, 401, {
      title: 'storm word5 late',
      body: '',
      translatedTitle: '',
      translatedBody: '',
    });
    expect(await dialect.searchArticleIds(db, 'storm word5', 50, 0)).toEqual([401, ...before]);
  });
});
