/** For tests: a store in a fresh temporary folder (a real SQLite file), removed on cleanup. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from './index.js';
import type { ArticleInput } from './types.js';

export interface TestStore {
  store: Store;
  dbPath: string;
  cleanup(): Promise<void>;
}

/** `readers`: SQLite reader threads, as a serving process opens its store (sqlite-readers.ts). */
export async function openTestStore(options: { readers?: number; listReader?: boolean } = {}): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'happenings-store-'));
  const dbPath = join(dir, 'nested', 'test.db');
  const store = await openStore({ dbPath, readers: options.readers, listReader: options.listReader });
  return {
    store,
    dbPath,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An article as extraction would hand it on, with overrides. */
export function sampleArticle(overrides: Partial<ArticleInput> = {}): ArticleInput {
  const url = overrides.url ?? 'https://news.example/2024/05/harbour-reopens';
  return {
    url,
    canonicalUrl: url,
    site: 'Example News',
    title: 'Harbour reopens after storm',
    subtitle: 'Ferries run again from Monday',
    byline: 'Ana Pérez',
    publishedAt: '2024-05-06T08:30:00Z',
    languageHint: 'en',
    image: 'https://news.example/img/harbour.jpg',
    imageCaption: 'The harbour on Sunday',
    paragraphs: [
      'The harbour reopened on Monday after a week of repairs.',
      'Ferry operators said timetables would return to normal.',
    ],
    html: '<p>The harbour reopened on Monday after a week of repairs.</p><p>Ferry operators said timetables would return to normal.</p>',
    related: [{ title: 'Storm damage', url: 'https://news.example/2024/05/storm' }],
    tags: ['harbour', 'weather'],
    section: null,
    isTeaser: false,
    language: 'en',
    languageConfidence: 0.97,
    fingerprint: 'fp-harbour',
    ...overrides,
  };
}
