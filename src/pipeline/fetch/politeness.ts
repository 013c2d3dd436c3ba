/**
 * Politeness: one request in flight per host, and at least `minDelayMs` from the end of one request
 * to the start of the next on that host. Each host is a promise chain; different hosts run in
 * parallel. Keyed by host name, not origin: http and https, or two ports, are one machine to spare.
 */
export interface HostQueue {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createHostQueue(minDelayMs: number): HostQueue {
  /** The tail of each host's chain, and when that host's last request ended. */
  const tails = new Map<string, Promise<void>>();
  const lastEnded = new Map<string, number>();

  async function runInTurn<T>(host: string, task: () => Promise<T>): Promise<T> {
    const wait = (lastEnded.get(host) ?? -Infinity) + minDelayMs - Date.now();
    if (wait > 0) await sleep(wait);
    try {
      return await task();
    } finally {
      lastEnded.set(host, Date.now());
    }
  }

  /** Drops end times older than the delay; they no longer hold anyone back. */
  function forgetOldHosts(): void {
    if (lastEnded.size < 1000) return;
    const cutoff = Date.now() - minDelayMs;
    for (const [host, ended] of lastEnded) if (ended < cutoff && !tails.has(host)) lastEnded.delete(host);
  }

  return {
    run(host, task) {
      forgetOldHosts();
      const previous = tails.get(host) ?? Promise.resolve();
      const result = previous.then(() => runInTurn(host, task));
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(host, tail);
      // Forget idle hosts so a long crawl over many hosts does not grow the map without bound.
      void tail.then(() => {
        if (tails.get(host) === tail) tails.delete(host);
      });
      return result;
    },
  };
}
