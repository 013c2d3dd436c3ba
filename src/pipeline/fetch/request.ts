/**
 * One HTTP exchange with undici: send a GET, read (or discard) the body within the cap and the
 * timeout, and turn every failure into a HappeningsError whose message ends with the URL.
 */
import { fetch, type Agent } from 'undici';
import { HappeningsError } from '../../errors.js';
import { readCapped, tooLarge, type CapOptions } from './body.js';

export interface RawResponse {
  url: string;
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  retryAfter: string | null;
}

export interface Exchange {
  agent: Agent;
  timeoutMs: number;
  cap: CapOptions;
  headers: Record<string, string>;
}

/** Only successful answers carry a body worth reading; redirects, errors and 304 are discarded. */
const wantsBody = (status: number) => status >= 200 && status < 300;

export async function sendOnce(url: URL, exchange: Exchange): Promise<RawResponse> {
  // The timeout covers connecting, headers and the whole body.
  const signal = AbortSignal.timeout(exchange.timeoutMs);
  try {
    const response = await fetch(url, {
      dispatcher: exchange.agent,
      headers: exchange.headers,
      redirect: 'manual',
      signal,
    });
    const length = Number(response.headers.get('content-length') ?? NaN);
    const keep = wantsBody(response.status);
    if (keep && length > exchange.cap.maxBytes && !exchange.cap.truncate) {
      await response.body?.cancel();
      throw tooLarge(exchange.cap.maxBytes, url.href);
    }
    const bytes = keep
      ? await readCapped(response.body as ReadableStream<Uint8Array> | null, url.href, exchange.cap)
      : new Uint8Array(0);
    if (!keep) await response.body?.cancel().catch(() => undefined);
    const headers = response.headers as unknown as Headers;
    return { url: url.href, status: response.status, headers, bytes, retryAfter: headers.get('retry-after') };
  } catch (error) {
    throw toFetchError(error, url.href, exchange.timeoutMs);
  }
}

/** Maps what undici and the SSRF lookup throw onto the stage's error codes. */
export function toFetchError(error: unknown, url: string, timeoutMs: number): HappeningsError {
  if (error instanceof HappeningsError) return error; // ours, thrown here with the URL in it
  const causes = causeChain(error);
  // The SSRF lookup's error comes back wrapped by undici ('fetch failed'), without the URL.
  const ours = causes.find((e): e is HappeningsError => e instanceof HappeningsError);
  if (ours) return withUrl(ours, url);
  if (causes.some(isTimeout))
    return new HappeningsError('fetch', 'timeout', `timed out after ${timeoutMs} ms (${url})`, { cause: error });
  const root = causes[causes.length - 1];
  const what = root instanceof Error ? root.message : String(root);
  return new HappeningsError('fetch', 'network', `${what} (${url})`, { cause: error });
}

function withUrl(error: HappeningsError, url: string): HappeningsError {
  const message = error.message.replace(/^fetch: /, '');
  return new HappeningsError('fetch', error.code, `${message} (${url})`, { cause: error });
}

/**
 * Whether a request failed because the connection was dropped before any answer came (the server
 * closed a kept-alive socket as we reused it: "other side closed", ECONNRESET, EPIPE). A GET may be
 * sent again on a new connection.
 */
export function droppedConnection(error: unknown): boolean {
  if (!(error instanceof HappeningsError) || error.code !== 'network') return false;
  return causeChain(error.cause).some((e) => {
    const code = (e as { code?: string } | null)?.code ?? '';
    return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
  });
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && chain.length < 10; e = (e as { cause?: unknown }).cause) {
    chain.push(e);
    if (!(e instanceof Error)) break;
  }
  return chain;
}

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? '';
  return error.name === 'TimeoutError' || /^(UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT|ETIMEDOUT)$/.test(code);
}
