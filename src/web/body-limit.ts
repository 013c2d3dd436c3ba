/**
 * Request bodies are read within a size limit, and answered 413 past it (issue 15: one 1,000 MB
 * POST to /admin/login took RSS to 4.25 GB, then a 500). A declared Content-Length over the limit
 * is refused before anything is read; a chunked body is counted as the handler reads it (nothing
 * is read for a handler that never asks, e.g. an admin action without a session). The 413 closes
 * the connection so the rest of the body is not read either.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

const TOO_LARGE = 'The request body is too large.';

/** The 413 as an exception; the answer made of it (error-responses.ts) keeps `Connection: close`. */
function refuse(c: Context, maxBytes: number): HTTPException {
  c.header('Connection', 'close');
  return tooLarge(maxBytes);
}

function tooLarge(maxBytes: number): HTTPException {
  const res = new Response(`${TOO_LARGE} (at most ${maxBytes} bytes)`, {
    status: 413,
    headers: { connection: 'close', 'content-type': 'text/plain; charset=UTF-8', 'cache-control': 'no-store' },
  });
  return new HTTPException(413, { res, message: TOO_LARGE });
}

function declaredTooLarge(c: Context, maxBytes: number): boolean {
  const declared = c.req.header('content-length');
  return declared !== undefined && !c.req.header('transfer-encoding') && Number(declared) > maxBytes;
}

/** Every route: bodies over `maxBytes` are refused with 413, declared or counted. */
export function limitBodies(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    // A GET or HEAD with no Content-Length and no Transfer-Encoding has no body (HTTP/1.1). Asked
    // first because asking for the body made node-server build a whole fetch Request for every page
    // (~3 % of the main thread's time on new searches, bench:web's profile at a million articles).
    const method = c.req.method;
    if (
      (method === 'GET' || method === 'HEAD') &&
      c.req.header('content-length') === undefined &&
      c.req.header('transfer-encoding') === undefined
    )
      return next();
    const body = c.req.raw.body;
    if (!body) return next();
    if (declaredTooLarge(c, maxBytes)) throw refuse(c, maxBytes);
    let seen = 0;
    let overflowed = false;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) {
            overflowed = true;
            controller.error(new Error(TOO_LARGE));
          } else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    await next();
    // The handler failed on the cut stream; its answer becomes the 413 it should be.
    if (overflowed) c.res = tooLarge(maxBytes).getResponse();
  };
}

/** The form in the body (urlencoded or multipart), read whole only if it fits in `maxBytes`. */
export async function formWithin(c: Context, maxBytes: number): Promise<FormData> {
  if (declaredTooLarge(c, maxBytes)) throw refuse(c, maxBytes);
  const body = c.req.raw.body;
  const chunks: Uint8Array[] = [];
  let seen = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (done) break;
      seen += value.byteLength;
      if (seen > maxBytes) {
        void reader.cancel().catch(() => {});
        throw refuse(c, maxBytes);
      }
      chunks.push(value);
    }
  }
  const type = c.req.header('content-type') ?? 'application/x-www-form-urlencoded';
  try {
    return await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData();
  } catch {
    return new FormData();
  }
}
