/**
 * Reads a response body as bytes, never more than a cap: the stream is read chunk by chunk and
 * cancelled (closing the connection) as soon as the count passes the cap, so a 50 MB answer costs
 * at most the cap plus one chunk of memory. The count is of decoded bytes (undici has already
 * gunzipped), which also stops compression bombs.
 */
import { HappeningsError } from '../../errors.js';

export interface CapOptions {
  maxBytes: number;
  /** Keep the first maxBytes instead of failing (robots.txt: RFC 9309 §2.5 parses at least 500 KiB). */
  truncate?: boolean;
}

export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  url: string,
  cap: CapOptions,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.length > cap.maxBytes) {
      await reader.cancel().catch(() => undefined);
      if (!cap.truncate) throw tooLarge(cap.maxBytes, url);
      chunks.push(value.subarray(0, cap.maxBytes - total));
      total = cap.maxBytes;
      break;
    }
    chunks.push(value);
    total += value.length;
  }
  return concat(chunks, total);
}

export function tooLarge(maxBytes: number, url: string): HappeningsError {
  return new HappeningsError('fetch', 'too-large', `body larger than ${maxBytes} bytes (${url})`);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
