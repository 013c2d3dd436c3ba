/**
 * The thread side of parse-off-loop.ts: parses the feeds it is sent and answers with the parsed feed
 * or the error's parts (a HappeningsError does not cross a thread as itself).
 */
import { parentPort } from 'node:worker_threads';
import { HappeningsError } from '../../errors.js';
import { parseFeed } from './index.js';

export interface ParseRequest {
  id: number;
  text: string;
  feedUrl: string;
}

parentPort?.on('message', ({ id, text, feedUrl }: ParseRequest) => {
  try {
    parentPort!.postMessage({ id, feed: parseFeed(text, feedUrl) });
  } catch (error) {
    const known = error instanceof HappeningsError ? error : null;
    const stage = known?.stage ?? 'feeds';
    const message = known ? known.message.slice(`${stage}: `.length) : String((error as Error)?.message ?? error);
    parentPort!.postMessage({ id, error: { stage, code: known?.code ?? 'bad-feed', message } });
  }
});
