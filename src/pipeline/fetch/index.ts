/**
 * The fetch stage: polite, safe HTTP for feeds and pages (createFetcher → fetchPage), the charset
 * decoding it uses (decodeBody), and WARC files read as pages (readWarc).
 */
export type { BytesRequest, FetchOptions, FetchRequest, FetchedBytes, FetchedPage, Fetcher } from './types.js';
export { createFetcher } from './fetcher.js';
export { fetchOptionsFromConfig } from './options.js';
export { decodeBody, type DecodedBody } from './charset.js';
export { readWarc, type WarcPage, type WarcOptions, type WarcSkip } from './warc.js';
export { isAllowedAddress, parseAllowList } from './address-guard.js';
export { createMemoryFetcher, type CannedAnswer, type MemoryFetcher } from './memory-fetcher.js';
