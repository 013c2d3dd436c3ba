/**
 * In-memory LRU of translated segments keyed by (engine, pair, sha256 of the text), so a rerun
 * translates nothing twice. Bounded by entries; behind it, a PersistentCache (the store's
 * translation_cache table) carries translations across processes.
 */
import { createHash } from 'node:crypto';

export class TranslationCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly maxEntries = 20_000) {}

  static key(engine: string, from: string, to: string, text: string): string {
    return `${engine}:${from}-${to}:${createHash('sha256').update(text).digest('hex')}`;
  }

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key); // re-insert: Map order is recency order
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: string): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Translations kept across processes, by TranslationCache.key. */
export interface PersistentCache {
  get(keys: string[]): Promise<Map<string, string>>;
  set(entries: { key: string; translated: string }[]): Promise<void>;
}

/** The store's translation_cache as a PersistentCache (structural, so translate needs no store import). */
export function storeTranslationCache(store: {
  cachedTranslations(keys: string[]): Promise<Map<string, string>>;
  cacheTranslations(entries: { key: string; translated: string }[]): Promise<void>;
}): PersistentCache {
  return { get: (keys) => store.cachedTranslations(keys), set: (entries) => store.cacheTranslations(entries) };
}
