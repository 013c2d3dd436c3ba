/**
 * What the HTTP translation engines share: a JSON POST/GET with a timeout, 429/503 retried after
 * Retry-After (bounded: `retries` times, at most `maxWaitMs` each), every failure a HappeningsError
 * ('translator') saying which engine and what went wrong, and a bounded number of requests at once.
 */
import { HappeningsError } from '../../errors.js';

export interface HttpOptions {
  /** Base URL of the service, e.g. http://127.0.0.1:5000. */
  url: string;
  apiKey?: string;
  timeoutMs?: number;
  retries?: number;
  maxWaitMs?: number;
}

export class HttpClient {
  constructor(
    private readonly engine: string,
    private readonly options: HttpOptions,
  ) {}

  async json(
    path: string,
    init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<unknown> {
    const retries = this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(path, init);
      if ((response.status === 429 || response.status === 503) && attempt < retries) {
        await response.body?.cancel();
        await sleep(this.retryDelay(response.headers.get('retry-after'), attempt));
        continue;
      }
      const text = await response.text();
      if (!response.ok)
        throw this.error(
          `HTTP ${response.status}${response.status === 429 ? ' (rate limited)' : ''}: ${errorText(text)}`,
        );
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw this.error(`answered with something that is not JSON: ${text.slice(0, 80)}`);
      }
    }
  }

  error(message: string): HappeningsError {
    return new HappeningsError('translate', 'translator', `${this.engine}: ${message}`);
  }

  private async send(
    path: string,
    init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response> {
    const url = this.options.url.replace(/\/+$/, '') + path;
    try {
      return await fetch(url, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw this.error(
        timedOut
          ? `no answer within ${this.options.timeoutMs ?? 60_000} ms`
          : `cannot reach ${url}: ${(error as Error).message}`,
      );
    }
  }

  /** Retry-After in seconds (or an HTTP date), else 0.5 s doubling; never above maxWaitMs. */
  private retryDelay(header: string | null, attempt: number): number {
    const max = this.options.maxWaitMs ?? 30_000;
    const seconds = header === null ? NaN : Number(header);
    const asked = Number.isFinite(seconds) ? seconds * 1000 : header ? Date.parse(header) - Date.now() : NaN;
    return Math.min(max, Math.max(0, Number.isFinite(asked) ? asked : 500 * 2 ** attempt));
  }
}

function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const e = parsed.error ?? parsed.message;
    if (typeof e === 'string') return e;
    if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  } catch {
    // not JSON: the text itself
  }
  return body.slice(0, 200) || '(empty body)';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task` over the items with at most `limit` at once, results in order. */
export async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Checks an answer has one string per input, else names the engine's fault. */
export function expectStrings(client: HttpClient, values: unknown, count: number): string[] {
  if (!Array.isArray(values) || values.length !== count || values.some((v) => typeof v !== 'string')) {
    throw client.error(`expected ${count} translations, got ${JSON.stringify(values)?.slice(0, 80)}`);
  }
  return values as string[];
}
