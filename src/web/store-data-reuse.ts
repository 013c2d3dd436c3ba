/**
 * What the web layer's store data reuses or holds back: view counts written in batches, slow lists
 * remembered a while, recent answers by key, and a first-come gate on how many reads run at once.
 */
import type { Store } from '../store/index.js';
import { recentValues } from '../recent-values.js';

/** Views are written in batches: one transaction per this many ms instead of one per page view. */
const VIEW_FLUSH_MS = 2_000;

/** Buffers view counts and writes them together; `flush()` writes what is pending now. */
export function viewBuffer(store: Store) {
  let pending = new Map<number, number>();
  let timer: NodeJS.Timeout | null = null;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const counts = [...pending];
    pending = new Map();
    await store.recordViews(counts);
  };
  return {
    flush,
    add(id: number) {
      pending.set(id, (pending.get(id) ?? 0) + 1);
      timer ??= setTimeout(() => void flush().catch(() => undefined), VIEW_FLUSH_MS).unref();
    },
  };
}

/**
 * The last answer of `load` for `ttlMs`; one load at a time. Past `ttlMs` the last answer is still
 * given while the next loads (a page never waits for a slow list: the source counts take 0.4 s at a
 * million articles), and replaces it when it arrives; a failed load leaves the last answer in place.
 */
export function remembered<T>(ttlMs: number, load: () => Promise<T>): () => Promise<T> {
  let value: { at: number; promise: Promise<T> } | null = null;
  let loading = false;
  return () => {
    if (!value) {
      const promise = load();
      value = { at: Date.now(), promise };
      promise.catch(() => (value = null));
    } else if (Date.now() - value.at >= ttlMs && !loading) {
      loading = true;
      const started = Date.now();
      load()
        .then((fresh) => (value = { at: started, promise: Promise.resolve(fresh) }))
        .catch(() => undefined)
        .finally(() => (loading = false));
    }
    return value.promise;
  };
}

/** Answers by key for `ttlMs`, at most `max` kept (oldest out first); concurrent asks share one load. */
export function recentAnswers<T>(ttlMs: number, max: number) {
  const kept = recentValues<string, Promise<T>>(ttlMs, max);
  return {
    get(key: string, load: () => Promise<T>): Promise<T> {
      const hit = kept.get(key, Date.now());
      if (hit) return hit;
      const promise = load();
      kept.set(key, promise, Date.now());
      promise.catch(() => kept.delete(key));
      return promise;
    },
  };
}

/** Runs work at most `max` at a time, the rest queued first come, first served. */
export function gate(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running < max) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, else it is freed.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
