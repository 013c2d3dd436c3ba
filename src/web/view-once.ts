/**
 * "Most read" counts readers, not requests: a client (address, client-address.ts) counts once per
 * article per day (issue 15: 300 anonymous GETs pushed an article up the list). Bots are already
 * left out by their agent (params.ts isBot). Kept in memory for the current day only, and bounded:
 * past MAX_PAIRS in one day, further first views are not counted rather than memory growing.
 */
const MAX_PAIRS = 500_000;

export class ViewsOnce {
  private day = '';
  private readonly seen = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True the first time this client views this article today. */
  first(client: string, articleId: number): boolean {
    const day = new Date(this.now()).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.seen.clear();
    }
    const key = `${client} ${articleId}`;
    if (this.seen.has(key) || this.seen.size >= MAX_PAIRS) return false;
    this.seen.add(key);
    return true;
  }
}
