/**
 * The fetcher: polite, bounded, SSRF-safe GETs for feeds and pages. One call reads as a sentence:
 * check the URL → (per hop) check robots.txt → wait for the host's turn → send → follow redirects
 * → retry 429/5xx → decode the body.
 */
import { Agent } from 'undici';
import { HappeningsError } from '../../errors.js';
import { assertUrlAllowed, guardedLookup, hostOf, parseAllowList, type AllowList } from './address-guard.js';
import type { CapOptions } from './body.js';
import { decodeBody } from './charset.js';
import { createHostQueue, type HostQueue } from './politeness.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { createRobotsGate, type RobotsFile, type RobotsGate } from './robots.js';
import { droppedConnection, sendOnce, type RawResponse } from './request.js';
import type { FetchedPage, Fetcher, FetchOptions, FetchRequest } from './types.js';

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
/** RFC 9309 §2.5: parse at least the first 500 KiB of a robots.txt; the rest is ignored. */
const ROBOTS_MAX_BYTES = 500 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Hop {
  headers: Record<string, string>;
  cap: CapOptions;
  /** Page requests check robots.txt and retry; the robots.txt request itself does neither. */
  page: boolean;
}

export function createFetcher(options: FetchOptions): Fetcher {
  const allow = parseAllowList(options.allowPrivate);
  // Keep-alive: feeds and pages of one publisher come back to back; idle sockets close after 10 s.
  // One connection per origin matches one request in flight per host, and makes undici wait for
  // that socket to come free instead of racing to open a second one.
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 1, connect: { lookup: guardedLookup(allow) } });
  const hosts = createHostQueue(options.minDelayMs);
  // A kept-alive socket the server closed just as it was reused fails before any answer: sent once
  // more on a new connection (a GET; servers that send no Keep-Alive hint close idle sockets when
  // they like, Node's after 5 s, nginx's after 75 s).
  const exchange = (url: URL, hop: Hop) =>
    sendOnce(url, { agent, timeoutMs: options.timeoutMs, cap: hop.cap, headers: hop.headers });
  // Hosts that answered with a bot check, and until when nothing is sent to them (holdHost).
  const holds = new Map<string, number>();
  const checkHold = (url: URL) => {
    const host = hostOf(url);
    const until = holds.get(host);
    if (until === undefined) return;
    if (until <= Date.now()) return void holds.delete(host);
    throw new HappeningsError(
      'fetch',
      'bot-check',
      `${host} answered with a bot check; nothing is sent to it until ${new Date(until).toISOString()} (${url.href})`,
    );
  };
  const send = (url: URL, hop: Hop) =>
    hosts.run(hostOf(url), () =>
      exchange(url, hop).catch((error: unknown) => {
        if (droppedConnection(error)) return exchange(url, hop);
        throw error;
      }),
    );
  const context: FollowContext = {
    allow,
    maxRedirects: options.maxRedirects,
    robots: null,
    retry: retryPolicy(options),
    send,
  };
  if (options.respectRobots !== false) {
    context.robots = createRobotsGate(options.userAgent, (robotsUrl) => loadRobots(robotsUrl, options, context));
  }

  return {
    async fetchPage(req) {
      checkHold(parseUrl(req.url));
      const hop: Hop = {
        headers: requestHeaders(options.userAgent, req),
        cap: { maxBytes: options.maxBodyBytes },
        page: true,
      };
      const response = await follow(parseUrl(req.url), hop, context);
      return toFetchedPage(req.url, response);
    },
    async fetchBytes(req) {
      checkHold(parseUrl(req.url));
      const maxBytes = Math.min(options.maxBodyBytes, req.maxBytes ?? Infinity);
      const hop: Hop = { headers: baseHeaders(options.userAgent, req.accept ?? '*/*'), cap: { maxBytes }, page: true };
      const response = await follow(parseUrl(req.url), hop, context);
      const contentType = response.headers.get('content-type');
      const fetchedAt = new Date().toISOString();
      return {
        url: req.url,
        finalUrl: response.url,
        status: response.status,
        contentType,
        bytes: response.bytes,
        fetchedAt,
      };
    },
    holdHost(url, ms) {
      holds.set(hostOf(parseUrl(url)), Date.now() + ms);
    },
    async close() {
      await agent.close();
    },
  };
}

function retryPolicy(options: FetchOptions): RetryPolicy {
  return {
    maxRetries: options.maxRetries ?? 2,
    retryBaseMs: options.retryBaseMs ?? 1000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
  };
}

/** robots.txt goes through the same guard, queue and redirects as a page, truncated rather than refused when big. */
async function loadRobots(robotsUrl: string, options: FetchOptions, context: FollowContext): Promise<RobotsFile> {
  const cap = { maxBytes: Math.min(ROBOTS_MAX_BYTES, options.maxBodyBytes), truncate: true };
  const hop: Hop = { headers: baseHeaders(options.userAgent, 'text/plain'), cap, page: false };
  const response = await follow(new URL(robotsUrl), hop, context);
  return { status: response.status, text: decodeBody(response.bytes, response.headers.get('content-type')).text };
}

interface FollowContext {
  allow: AllowList;
  maxRedirects: number;
  robots: RobotsGate | null;
  retry: RetryPolicy;
  send: (url: URL, hop: Hop) => Promise<RawResponse>;
}

/** Follows redirects by hand so every hop passes the SSRF guard, robots.txt and the host queue. */
async function follow(start: URL, hop: Hop, context: FollowContext): Promise<RawResponse> {
  const visited = new Set<string>();
  for (let url = start; ;) {
    visited.add(url.href);
    assertUrlAllowed(url, context.allow);
    if (hop.page) await context.robots?.assertAllowed(url);
    const response = hop.page
      ? await withRetries(url.href, context.retry, () => context.send(url, hop))
      : await context.send(url, hop);
    if (!REDIRECT_STATUSES.has(response.status)) return checkStatus(response, hop);
    url = nextHop(url, response, visited, context.maxRedirects, start.href);
  }
}

function nextHop(url: URL, response: RawResponse, visited: Set<string>, maxRedirects: number, startHref: string): URL {
  const location = response.headers.get('location');
  if (!location)
    throw new HappeningsError('fetch', 'http-status', `HTTP ${response.status} without a Location (${url.href})`);
  const next = URL.canParse(location, url.href) ? new URL(location, url) : null;
  if (!next) throw new HappeningsError('fetch', 'redirects', `unreadable Location "${location}" (${url.href})`);
  if (visited.has(next.href))
    throw new HappeningsError('fetch', 'redirects', `redirect loop at ${next.href} (${startHref})`);
  if (visited.size > maxRedirects)
    throw new HappeningsError('fetch', 'redirects', `more than ${maxRedirects} redirects (${startHref})`);
  return next;
}

/** 2xx and 304 are answers; a page's other statuses are errors (robots.txt statuses are judged by robots.ts). */
function checkStatus(response: RawResponse, hop: Hop): RawResponse {
  const ok = (response.status >= 200 && response.status < 300) || response.status === 304;
  if (ok || !hop.page) return response;
  throw new HappeningsError('fetch', 'http-status', `HTTP ${response.status} (${response.url})`);
}

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new HappeningsError('fetch', 'bad-input', `not a URL (${raw})`);
  }
}

function baseHeaders(userAgent: string, accept: string): Record<string, string> {
  // br is asked for explicitly; undici decodes gzip, deflate and br bodies itself.
  return { 'user-agent': userAgent, accept, 'accept-encoding': 'gzip, deflate, br' };
}

function requestHeaders(userAgent: string, req: FetchRequest): Record<string, string> {
  const headers = baseHeaders(userAgent, req.accept ?? DEFAULT_ACCEPT);
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  return headers;
}

function toFetchedPage(requested: string, response: RawResponse): FetchedPage {
  const notModified = response.status === 304;
  const contentType = response.headers.get('content-type');
  const decoded = notModified ? null : decodeBody(response.bytes, contentType);
  return {
    url: requested,
    finalUrl: response.url,
    status: response.status,
    notModified,
    contentType,
    charset: decoded?.charset ?? null,
    text: decoded?.text ?? '',
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    fetchedAt: new Date().toISOString(),
  };
}
