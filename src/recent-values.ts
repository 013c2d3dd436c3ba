/**
 * Values by key for `ttlMs`, at most `max` kept (the oldest written goes first): the short-lived
 * caches of the site (search answers, result lines) and of the store (search headline words).
 */
export function recentValues<K, T>(ttlMs: number, max: number) {
  const kept = new Map<K, { at: number; value: T }>();
  return {
    get(key: K, now: number): T | undefined {
      const hit = kept.get(key);
      return hit && now - hit.at < ttlMs ? hit.value : undefined;
    },
    set(key: K, value: T, now: number): void {
      kept.delete(key);
      if (kept.size >= max) kept.delete(kept.keys().next().value!);
      kept.set(key, { at: now, value });
    },
    delete(key: K): void {
      kept.delete(key);
    },
  };
}
