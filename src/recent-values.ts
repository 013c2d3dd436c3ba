/**
 * Values by key for `ttlMs`, at most `max` kept: the short-lived caches of the site (search
 * answers, result lines) and of the store (search headline words).
 *
 * Two generations of Map, each holding up to half of `max`: a write goes to the young one; when
 * that is full it becomes the old one and the old one is dropped whole, so the oldest written go
 * first, half at a time. Why not one Map that deletes its first key on each write: V8 leaves a
 * deleted entry in place until the table is rebuilt, and `keys().next()` walks past every one of
 * them, so at 20,000 entries a write cost ~11 µs instead of ~0.1 (scratch measurement; ~10 % of
 * a new search's main-thread time in bench:web's profile).
 */
export function recentValues<K, T>(ttlMs: number, max: number) {
  const generation = Math.max(1, Math.ceil(max / 2));
  let young = new Map<K, { at: number; value: T }>();
  let old = new Map<K, { at: number; value: T }>();
  return {
    get(key: K, now: number): T | undefined {
      const hit = young.get(key) ?? old.get(key);
      return hit && now - hit.at < ttlMs ? hit.value : undefined;
    },
    /** The last value written for `key` and when, however old (until it is dropped for room). */
    latest(key: K): { at: number; value: T } | undefined {
      return young.get(key) ?? old.get(key);
    },
    set(key: K, value: T, now: number): void {
      old.delete(key);
      if (!young.has(key) && young.size >= generation) {
        old = young;
        young = new Map();
      }
      young.set(key, { at: now, value });
    },
    delete(key: K): void {
      young.delete(key);
      old.delete(key);
    },
    /** How many are kept, stale ones included (for tests). */
    get size(): number {
      return young.size + old.size;
    },
  };
}
