/**
 * Large feeds are parsed on a worker thread, so a huge or hostile feed (5 MB of nested markup: ~1 s of
 * XML parsing) never holds the event loop that serves the site (issue 15: /healthz answers within
 * 100 ms while `serve` polls it). Small feeds, nearly all of them, are parsed in place: below
 * OFF_LOOP_CHARS a parse costs less than the trip to the thread. One thread, started on first use.
 */
import { Worker } from 'node:worker_threads';
import { HappeningsError, type ErrorCode, type Stage } from '../../errors.js';
import { parseFeed } from './index.js';
import type { ParseRequest } from './feed-parse-worker.js';
import type { ParsedFeed } from './types.js';

/** 64 K characters parse in ~15 ms (a 1.3 MB feed of deep markup took 316 ms: src/attack/deep-markup.test.ts). */
export const OFF_LOOP_CHARS = 64 * 1024;

type Answer = { id: number; feed?: ParsedFeed; error?: { stage: Stage; code: ErrorCode; message: string } };
type Waiting = { resolve: (feed: ParsedFeed) => void; reject: (error: Error) => void };

let thread: Worker | null = null;
const waiting = new Map<number, Waiting>();
let nextId = 1;

/** The feed in `text`, parsed beside the event loop when it is large; rejects as parseFeed throws. */
export async function parseFeedOffLoop(text: string, feedUrl: string): Promise<ParsedFeed> {
  if (text.length < OFF_LOOP_CHARS) return parseFeed(text, feedUrl);
  const worker = (thread ??= startThread());
  const id = nextId++;
  const parsed = new Promise<ParsedFeed>((resolve, reject) => waiting.set(id, { resolve, reject }));
  // Referenced while a parse is pending (a CLI run waits for it), unreferenced when idle (no hang at exit).
  worker.ref();
  worker.postMessage({ id, text, feedUrl } satisfies ParseRequest);
  return parsed;
}

function startThread(): Worker {
  const worker = newWorker();
  worker.unref();
  worker.on('message', (answer: Answer) => {
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (waiting.size === 0) worker.unref();
    if (!pending) return;
    if (answer.feed) pending.resolve(answer.feed);
    else pending.reject(new HappeningsError(answer.error!.stage, answer.error!.code, answer.error!.message));
  });
  const fail = (error: Error) => {
    thread = null;
    for (const pending of waiting.values()) pending.reject(new HappeningsError('feeds', 'bad-feed', error.message));
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the feed parsing thread stopped (exit code ${code})`)));
  return worker;
}

/** The compiled build runs the .js beside this file; under tsx or vitest the .ts, through tsx's loader. */
function newWorker(): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const file = new URL(`./feed-parse-worker.${compiled ? 'js' : 'ts'}`, import.meta.url);
  if (compiled) return new Worker(file);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(boot, { eval: true });
}
