/**
 * The most used image answers held in memory, ready to send: keyed by the exact /img path the
 * route answered (so a hit needs no signature check, no hashing, no disk read: the path was checked
 * when it was put here), each with its ETag, kept least recently used out first under a total of
 * bytes. A front page's thumbnails are a few hundred KiB; the default 32 MiB holds thousands.
 *
 * Why by path and not by file: bench:images (one cached 400 px image, 50 connections) spent its
 * server CPU on the per-request HMAC and SHA-256 of the source URL before the memory lookup; by
 * path a hit costs one Map lookup, as a constant route does.
 */

/** An image answer ready to send (the route's bytes and ETag), and the cache file it was read from. */
export interface HotImage {
  readonly bytes: Uint8Array;
  readonly etag: string;
  readonly file: string;
}

/** One image may take at most this share of the memory, so one large image cannot push out the thumbnails. */
const MAX_SHARE = 8;

export class HotImages {
  // Insertion order is recency: the first entry is the least recently used.
  private readonly entries = new Map<string, HotImage>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  /** The answer kept for `path` (now the most recently used), or undefined. */
  get(path: string): HotImage | undefined {
    const hot = this.entries.get(path);
    if (hot) {
      this.entries.delete(path);
      this.entries.set(path, hot);
    }
    return hot;
  }

  /** Keeps the answer for `path`, then drops the least recently used until the total fits. */
  set(path: string, hot: HotImage): void {
    if (hot.bytes.length > this.maxBytes / MAX_SHARE) return;
    this.delete(path);
    this.entries.set(path, hot);
    this.total += hot.bytes.length;
    for (const [oldest, old] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= old.bytes.length;
    }
  }

  /** Bytes of the images held. */
  bytes(): number {
    return this.total;
  }

  private delete(path: string): void {
    const old = this.entries.get(path);
    if (!old) return;
    this.entries.delete(path);
    this.total -= old.bytes.length;
  }
}

/** Whether an If-None-Match header names `etag` (a list, weak tags and `*` included: RFC 9110 13.1.2). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
