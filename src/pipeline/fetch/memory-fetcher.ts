/**
 * A Fetcher over a table of canned answers, for tests and demos of later stages (feeds, jobs, run):
 * no network, same contract as the HTTP fetcher (fetcher-contract.testkit.ts runs both). Answers
 * 304 to a matching validator, follows redirects, decodes bodies with the same charset rules,
 * and fails with the same codes ('http-status' for 4xx/5xx and unknown URLs, 'redirects').
 */
import { HappeningsError } from '../../errors.js';
import { decodeBody } from './charset.js';
import type { FetchedPage, Fetcher, FetchRequest } from './types.js';

export interface CannedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface MemoryFetcher extends Fetcher {
  /** Every request received, in order (for asserting conditional GETs and such). */
  requests: FetchRequest[];
}

export function createMemoryFetcher(answers: Record<string, CannedAnswer>, maxRedirects = 5): MemoryFetcher {
  const requests: FetchRequest[] = [];
  const answerFor = (url: string): CannedAnswer => answers[url] ?? { status: 404 };
  return {
    requests,
    async fetchPage(req) {
      requests.push(req);
      let url = req.url;
      for (let hops = 0; ; hops++) {
        const answer = answerFor(url);
        const location = header(answer, 'location');
        const status = answer.status ?? 200;
        if (status < 300 || status >= 400 || !location) return toPage(req, url, answer);
        if (hops >= maxRedirects)
          throw new HappeningsError('fetch', 'redirects', `more than ${maxRedirects} redirects (${req.url})`);
        url = new URL(location, url).href;
      }
    },
    async fetchBytes(req) {
      requests.push({ url: req.url, accept: req.accept });
      const answer = answerFor(req.url);
      const status = answer.status ?? 200;
      if (status >= 300) throw new HappeningsError('fetch', 'http-status', `HTTP ${status} (${req.url})`);
      const bytes = bodyBytes(answer);
      if (req.maxBytes !== undefined && bytes.length > req.maxBytes)
        throw new HappeningsError('fetch', 'too-large', `body larger than ${req.maxBytes} bytes (${req.url})`);
      const contentType = header(answer, 'content-type');
      return { url: req.url, finalUrl: req.url, status, contentType, bytes, fetchedAt: new Date().toISOString() };
    },
    async close() {},
  };
}

function bodyBytes(answer: CannedAnswer): Uint8Array {
  return typeof answer.body === 'string' ? new TextEncoder().encode(answer.body) : (answer.body ?? new Uint8Array(0));
}

function toPage(req: FetchRequest, finalUrl: string, answer: CannedAnswer): FetchedPage {
  const etag = header(answer, 'etag');
  const lastModified = header(answer, 'last-modified');
  const notModified =
    (req.etag != null && req.etag === etag) || (req.lastModified != null && req.lastModified === lastModified);
  const status = notModified ? 304 : (answer.status ?? 200);
  if (status >= 300 && status !== 304)
    throw new HappeningsError('fetch', 'http-status', `HTTP ${status} (${finalUrl})`);
  const contentType = header(answer, 'content-type');
  const body = bodyBytes(answer);
  const decoded = notModified ? null : decodeBody(body, contentType);
  return {
    url: req.url,
    finalUrl,
    status,
    notModified,
    contentType,
    charset: decoded?.charset ?? null,
    text: decoded?.text ?? '',
    etag,
    lastModified,
    fetchedAt: new Date().toISOString(),
  };
}

function header(answer: CannedAnswer, name: string): string | null {
  const entry = Object.entries(answer.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1] ?? null;
}
