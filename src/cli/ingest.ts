import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.js';
import { HappeningsError } from '../errors.js';
import { progress } from '../log.js';
import { decodeBody, readWarc, type WarcSkip } from '../pipeline/fetch/index.js';
import { looksLikeHtml } from '../pipeline/feeds/index.js';
import { ingestDocument, pollFeed, recordFailure, type DocumentInput } from '../pipeline/run.js';
import { openRuntime, reportTranslation, type Runtime } from '../runtime/open.js';
import { addSource, importOpml } from '../sources/index.js';
import { dbOption, parseCommandArgs, usageError } from './args.js';
import type { Command } from './command.js';

export const command: Command = {
  usage: `Usage: happenings ingest <url|file|dir|file.warc[.gz]|file.opml> [--url BASE_URL] [--db PATH]

  a feed URL        adds it as a source, polls it once and ingests its new pages
  a page URL        ingests that page
  file.opml         imports its feeds as sources and polls each once
  file.warc[.gz]    ingests every HTML response in the archive under its recorded URL
  a folder          ingests every .html file in it
  a file            ingests one local page (--url BASE_URL gives its address; else file://)

Shows progress; failures are recorded with their error (see 'happenings sources list') and the
run goes on. Running it again stores nothing twice.`,
  async run(args) {
    const { values, positionals } = parseCommandArgs('ingest', args, { ...dbOption, url: { type: 'string' } });
    const [target] = positionals;
    if (!target || positionals.length > 1) throw usageError('ingest', 'give one URL, file or folder');
    const config = loadConfig(process.env, values.db ? { dbPath: values.db } : {});
    const runtime = await openRuntime(config);
    const started = Date.now();
    try {
      await reportTranslation(runtime.translator);
      const before = await runtime.store.articleCount();
      const failures = await ingestTarget(runtime, target, values.url);
      const again = (await pageFailuresSince(runtime, new Date(started).toISOString())).again;
      const after = await runtime.store.articleCount();
      const seconds = (Date.now() - started) / 1000;
      // A page that failed on an earlier run too is not a new failure: a rerun that stored nothing
      // new said "1 failure(s) recorded" about the old one.
      const repeated = again > 0 ? `, ${again} page(s) failed again as on an earlier run` : '';
      process.stdout.write(
        `ingested ${after - before} new article(s) in ${seconds.toFixed(1)} s (${((after - before) / seconds).toFixed(1)}/s); ` +
          `${Math.max(0, failures - again)} failure(s) recorded${repeated}; ${after} article(s) in the store\n`,
      );
      return 0;
    } finally {
      await runtime.close();
    }
  },
};

async function ingestTarget(runtime: Runtime, target: string, baseUrl: string | undefined): Promise<number> {
  if (/^https?:\/\//i.test(target)) return ingestUrl(runtime, target);
  const path = resolve(target);
  const info = await stat(path).catch(() => {
    throw new HappeningsError('cli', 'bad-input', `ingest: no such file or folder: ${target}`);
  });
  if (info.isDirectory()) return ingestFolder(runtime, path);
  if (/\.warc(\.gz)?$/i.test(path)) return ingestWarc(runtime, path);
  const text = decodeBody(await readFile(path), null).text;
  if (extname(path).toLowerCase() === '.opml' || /^\s*(<\?xml[^>]*>\s*)?<opml/i.test(text))
    return ingestOpml(runtime, text);
  if (baseUrl) new URL(baseUrl); // a bad --url fails here with a clear line
  return (await ingestOne(runtime, {
    html: text,
    url: baseUrl ?? pathToFileURL(path).href,
    sourceId: null,
    feedId: null,
  }))
    ? 0
    : 1;
}

/** A URL is a feed when it does not answer with HTML; a page otherwise. */
async function ingestUrl(runtime: Runtime, url: string): Promise<number> {
  const page = await runtime.fetcher.fetchPage({ url });
  if (looksLikeHtml(page.text)) {
    return (await ingestOne(runtime, { html: page.text, url: page.finalUrl, sourceId: null, feedId: null })) ? 0 : 1;
  }
  const { feed } = await addSource(runtime.store, { url, intervalMinutes: runtime.config.feedIntervalMinutes });
  return pollAndDrain(runtime, [feed.id]);
}

async function ingestOpml(runtime: Runtime, text: string): Promise<number> {
  await importOpml(runtime.store, text, runtime.config.feedIntervalMinutes);
  const feeds = (await runtime.store.sourceList()).flatMap((s) => s.feeds.map((f) => f.id));
  return pollAndDrain(runtime, feeds);
}

/** Polls the feeds, then works the queued pages until none is left. */
async function pollAndDrain(runtime: Runtime, feedIds: number[]): Promise<number> {
  let failures = 0;
  for (const id of feedIds) {
    const found = await pollFeed(runtime.pipeline, id);
    if (found === 0 && (await runtime.store.feedById(id))?.lastErrorCode) failures++;
  }
  const drained = new Date().toISOString();
  runtime.startWorkers(Math.max(1, runtime.config.workers));
  await runtime.queue.drain();
  return failures + (await pageFailuresSince(runtime, drained)).all;
}

/** The pages whose failure was recorded since `since` (ISO): all, and those that had failed before it too. */
async function pageFailuresSince(runtime: Runtime, since: string): Promise<{ all: number; again: number }> {
  const recent = (await runtime.store.itemErrors({ limit: 1_000_000 })).filter((e) => e.lastAt >= since);
  return { all: recent.length, again: recent.filter((e) => e.firstAt < since).length };
}

async function ingestFolder(runtime: Runtime, dir: string): Promise<number> {
  const files = (await readdir(dir)).filter((f) => /\.x?html?$/i.test(f)).sort();
  const bar = progress('ingest', files.length);
  let failures = 0;
  for (const file of files) {
    const path = join(dir, file);
    const html = decodeBody(await readFile(path), null).text;
    if (!(await ingestOne(runtime, { html, url: pathToFileURL(path).href, sourceId: null, feedId: null }))) failures++;
    bar.tick();
  }
  bar.done();
  return failures;
}

async function ingestWarc(runtime: Runtime, path: string): Promise<number> {
  const bar = progress('ingest');
  let failures = 0;
  // Records left out (too large, truncated, not http(s)) are recorded on their item rows.
  const skipped: WarcSkip[] = [];
  const recordSkipped = async () => {
    for (const s of skipped.splice(0)) {
      const input = { html: '', url: s.url, sourceId: null, feedId: null };
      await recordFailure(runtime.pipeline, input, new HappeningsError('fetch', s.code, `${s.reason} (${s.url})`));
      failures++;
    }
  };
  const pages = readWarc(path, { maxRecordBytes: runtime.config.maxWarcRecordBytes, onSkip: (s) => skipped.push(s) });
  for await (const page of pages) {
    await recordSkipped();
    if (page.status !== 200 || !/html/i.test(page.contentType ?? '')) continue;
    if (!(await ingestOne(runtime, { html: page.text, url: page.url, sourceId: null, feedId: null }))) failures++;
    bar.tick();
  }
  await recordSkipped();
  bar.done();
  return failures;
}

/** One document through the pipeline; a failure is recorded on its row and logged, never thrown. */
async function ingestOne(runtime: Runtime, input: DocumentInput): Promise<boolean> {
  try {
    await ingestDocument(runtime.pipeline, input);
    return true;
  } catch (error) {
    await recordFailure(runtime.pipeline, input, error);
    return false;
  }
}
