/**
 * Publishers' images served from this site, so a reader's browser never contacts a publisher
 * (the content security policy allows images from 'self' only, app.ts).
 *
 * When: on first sight, not at ingest. A page that wants an image it does not have yet renders
 * without it and queues the fetch in the background (`src`); the next render, a few seconds later,
 * has it. So only the images readers are shown are ever fetched (not one per article stored), the
 * cache lives on the disk of the host that serves (workers may run on other machines), and a page
 * never carries an <img> that could break: it names only images already in the cache. The route
 * fetches too, on a miss (an image evicted after the page was rendered), sharing any fetch in flight.
 *
 * Fetched once: one polite, guarded GET of the publisher's image (the project's fetcher: robots.txt,
 * the host queue, the SSRF guard, the size cap, the timeout) makes every width at once. A failure
 * (not an image, too large, a refused address, a 404) is remembered (in memory: a restart tries once
 * more) and not tried again for a day (ten minutes for a timeout or a 5xx), so a broken image cannot
 * turn into a storm of refetches: pages leave it out and the route answers 404 without fetching.
 *
 * Addresses: /img/<width>/<signature>/<source, base64url>. The signature is an HMAC of the source URL
 * under a key kept in the cache directory, so the route fetches only what this site's pages named,
 * never whatever a stranger puts in a URL; the width is one of IMAGE_WIDTHS. The address names the
 * source, so the answer never changes under it: browsers may keep it a year (immutable).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HappeningsError } from '../../errors.js';
import { log } from '../../log.js';
import type { Fetcher } from '../../pipeline/fetch/index.js';
import { IMAGE_WIDTHS, resizeImage, type ImageWidth } from './convert.js';
import { openImageFiles, type ImageFiles } from './files.js';
import { HotImages, type HotImage } from './hot-images.js';

/** What pages need: the address of an image that is ready, or null (and it is fetched meanwhile). */
export interface ImageLinks {
  src(url: string | null | undefined, width: ImageWidth): string | null;
}

/** What the site needs: links for pages, answers for the /img route. */
export interface ImageService extends ImageLinks {
  answer(width: string, signature: string, source: string): Promise<ImageAnswer>;
  /** The answer to an /img path when its bytes are in memory, else null (then the route answers). */
  hotAnswer?(path: string): HotImage | null;
}

export interface ImageOptions {
  dir: string;
  /** Total bytes of the cached files; least recently used go first above it. */
  maxBytes: number;
  /** Bytes of answers held in memory in front of the files (hot-images.ts; default 32 MiB, 0: none). */
  memoryBytes?: number;
  fetcher: Fetcher;
  /** Largest publisher image read (under the fetcher's own body cap). */
  maxSourceBytes?: number;
  /** Fetches in flight at once for pages' images (the host queue keeps them polite per host). */
  concurrency?: number;
  now?: () => number;
}

/** A photograph worth showing is under 8 MiB; a larger body is refused before it is decoded. */
const DEFAULT_MAX_SOURCE_BYTES = 8 * 1024 * 1024;
/** Fetches queued for pages beyond this are dropped (the next render asks again). */
const MAX_QUEUED = 500;
const DAY_MS = 86_400_000;
/** A front page's thumbnails (~5-10 KiB each at 160 px, ~20-40 KiB at 400) many times over. */
const DEFAULT_MEMORY_BYTES = 32 * 1024 * 1024;
/** Failures that may pass (a timeout, a 5xx, the network) are tried again sooner than a refusal. */
const TRANSIENT_RETRY_MS = 10 * 60_000;
const TRANSIENT_CODES = new Set(['network', 'timeout', 'http-status-5xx']);
const ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9';

export type ImageAnswer = ({ status: 200 } & HotImage) | { status: 404; reason: string };

interface Failure {
  until: number;
  reason: string;
}

export class Images implements ImageService {
  private readonly queue: string[] = [];
  private readonly fetching = new Map<string, Promise<void>>();
  private readonly failures = new Map<string, Failure>();
  private readonly hot: HotImages;
  private running = 0;
  private idle: (() => void)[] = [];

  private constructor(
    private readonly files: ImageFiles,
    private readonly key: Buffer,
    private readonly options: ImageOptions,
  ) {
    this.hot = new HotImages(options.memoryBytes ?? DEFAULT_MEMORY_BYTES);
  }

  static async open(options: ImageOptions): Promise<Images> {
    const files = await openImageFiles(options.dir, options.maxBytes);
    return new Images(files, await signingKey(options.dir), options);
  }

  /** The signed address of `url` at `width`, whether or not it is cached. */
  pathOf(url: string, width: ImageWidth): string {
    return `/img/${width}/${this.sign(url)}/${Buffer.from(url).toString('base64url')}`;
  }

  src(url: string | null | undefined, width: ImageWidth): string | null {
    if (!url || !/^https?:\/\//i.test(url)) return null;
    const key = keyOf(url);
    if (this.files.has(fileOf(key, width))) return this.pathOf(url, width);
    if (!this.failed(key)) this.enqueue(url);
    return null;
  }

  /** The route's answer: the cached bytes, else a fetch now; 404 for a bad address or an image that failed. */
  async answer(widthParam: string, signature: string, encoded: string): Promise<ImageAnswer> {
    const width = Number(widthParam);
    if (!(IMAGE_WIDTHS as readonly number[]).includes(width))
      return notFound(`no such width (${IMAGE_WIDTHS.join(', ')})`);
    const hot = this.hotAnswer(`/img/${width}/${signature}/${encoded}`);
    if (hot) return { status: 200, ...hot };
    const url = Buffer.from(encoded, 'base64url').toString();
    if (!this.signed(url, signature)) return notFound('not an image of this site');
    const key = keyOf(url);
    const name = fileOf(key, width as ImageWidth);
    let bytes = await this.files.read(name);
    if (!bytes && !this.failed(key)) {
      await this.fetchOnce(url);
      bytes = await this.files.read(name);
    }
    if (!bytes) return notFound(this.failures.get(key)?.reason ?? 'image unavailable');
    const answer = { bytes, etag: etagOf(key, width), file: name };
    this.keep(url, width as ImageWidth, answer);
    return { status: 200, ...answer };
  }

  /**
   * The answer held in memory for this exact path (checked when it was kept), else null. Its file
   * is marked used too, so the disk cache never evicts the images readers see most.
   */
  hotAnswer(path: string): HotImage | null {
    const hot = this.hot.get(path);
    if (!hot) return null;
    this.files.touch(hot.file);
    return hot;
  }

  /** Bytes of the answers held in memory (tests, benches). */
  memoryBytes(): number {
    return this.hot.bytes();
  }

  /** Resolves when no fetch is queued or running (tests, benches). */
  whenIdle(): Promise<void> {
    if (!this.running && !this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Bytes on disk (for /healthz and tests). */
  cachedBytes(): number {
    return this.files.size();
  }

  /** Keeps an answer in memory under the image's own path (pathOf), the one pages name: one entry per image and width. */
  private keep(url: string, width: ImageWidth, answer: HotImage): void {
    this.hot.set(this.pathOf(url, width), answer);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private sign(url: string): string {
    return createHmac('sha256', this.key).update(url).digest('base64url').slice(0, 22);
  }

  private signed(url: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(url));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** A failure still in force. */
  private failed(key: string): boolean {
    const failure = this.failures.get(key);
    if (failure) {
      if (failure.until > this.now()) return true;
      this.failures.delete(key);
    }
    return false;
  }

  private enqueue(url: string): void {
    if (this.fetching.has(keyOf(url)) || this.queue.includes(url) || this.queue.length >= MAX_QUEUED) return;
    this.queue.push(url);
    this.pump();
  }

  private pump(): void {
    const concurrency = this.options.concurrency ?? 2;
    while (this.running < concurrency && this.queue.length) {
      const url = this.queue.shift()!;
      this.running += 1;
      void this.fetchOnce(url).finally(() => {
        this.running -= 1;
        this.pump();
        if (!this.running && !this.queue.length) for (const resolve of this.idle.splice(0)) resolve();
      });
    }
  }

  /** One fetch per image at a time: a second caller waits for the first. */
  private fetchOnce(url: string): Promise<void> {
    const key = keyOf(url);
    let pending = this.fetching.get(key);
    if (!pending) {
      pending = this.fetchAndStore(url, key).finally(() => this.fetching.delete(key));
      this.fetching.set(key, pending);
    }
    return pending;
  }

  private async fetchAndStore(url: string, key: string): Promise<void> {
    try {
      const fetchBytes = this.options.fetcher.fetchBytes;
      if (!fetchBytes) throw new HappeningsError('web', 'internal', 'the fetcher cannot fetch images');
      const maxBytes = this.options.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES;
      const source = await fetchBytes.call(this.options.fetcher, { url, accept: ACCEPT, maxBytes });
      for (const width of IMAGE_WIDTHS) {
        const bytes = await resizeImage(source.bytes, width, url);
        await this.files.write(fileOf(key, width), bytes);
        // The page that named it is about to ask for it.
        this.keep(url, width, { bytes, etag: etagOf(key, width), file: fileOf(key, width) });
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const code = error instanceof HappeningsError ? transientCode(error, reason) : 'internal';
      const until = this.now() + (TRANSIENT_CODES.has(code) ? TRANSIENT_RETRY_MS : DAY_MS);
      this.failures.set(key, { until, reason });
      log.warn(`images: ${reason}`);
    }
  }
}

function transientCode(error: HappeningsError, reason: string): string {
  return error.code === 'http-status' && /HTTP 5\d\d/.test(reason) ? 'http-status-5xx' : error.code;
}

function notFound(reason: string): ImageAnswer {
  return { status: 404, reason };
}

function keyOf(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}

function etagOf(key: string, width: number): string {
  return `"${key}-${width}"`;
}

function fileOf(key: string, width: ImageWidth): string {
  return `${key}-${width}.webp`;
}

/**
 * The signing key: 32 random bytes made once per cache directory (shared by the web processes using it).
 * Written whole under a temporary name, then linked into place (link fails if another process was first),
 * so no process ever reads a half-written key.
 */
async function signingKey(dir: string): Promise<Buffer> {
  const path = join(dir, '.key');
  const temporary = join(dir, `.key.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temporary, randomBytes(32), { mode: 0o600 });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  return readFile(path);
}
