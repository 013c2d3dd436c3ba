/** The fetch stage's public shapes. */
export interface FetchOptions {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  /** Minimum delay between two requests to one host (end of one to start of the next). */
  minDelayMs: number;
  /** Hosts or CIDRs (e.g. '127.0.0.1/8', '::1', 'localhost') allowed despite the SSRF guard. */
  allowPrivate: string[];
  maxRetries?: number;
  retryBaseMs?: number;
  maxRetryAfterMs?: number;
  respectRobots?: boolean;
}

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface FetchedPage {
  url: string;
  finalUrl: string;
  status: number;
  notModified: boolean;
  contentType: string | null;
  charset: string | null;
  text: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: string;
}

/** A body kept as bytes (an image): no charset decoding. */
export interface FetchedBytes {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  fetchedAt: string;
}

export interface BytesRequest {
  url: string;
  accept?: string;
  /** A cap below the fetcher's own (maxBodyBytes); the smaller one applies. */
  maxBytes?: number;
}

export interface Fetcher {
  fetchPage(req: FetchRequest): Promise<FetchedPage>;
  /** The same polite, guarded GET with the body as bytes (images); optional for fetchers of pages only. */
  fetchBytes?(req: BytesRequest): Promise<FetchedBytes>;
  /**
   * Sends nothing to the URL's host for `ms`: a request meanwhile fails at once with `bot-check`
   * (the host answered with a bot check: more requests now would only confirm we are a robot).
   * A later call replaces the hold; `ms` 0 lifts it.
   */
  holdHost?(url: string, ms: number): void;
  close(): Promise<void>;
}
