/** GET /img/<width>/<signature>/<source>: a publisher's image as this site's WebP (images.ts). */
import { Hono } from 'hono';
import { matchesEtag } from './hot-images.js';
import type { ImageService } from './images.js';

/** The address never changes what it answers (it names the source and width): keep it a year. */
export const IMAGE_CACHE = 'public, max-age=31536000, immutable';

export function imageRoutes(images: ImageService): Hono {
  const routes = new Hono();
  routes.get('/:width/:signature/:source', async (c) => {
    const { width, signature, source } = c.req.param();
    const found = await images.answer(width, signature, source);
    if (found.status !== 200) return c.text(`Image not found: ${found.reason}.`, 404, { 'cache-control': 'no-store' });
    if (matchesEtag(c.req.header('if-none-match'), found.etag))
      return c.body(null, 304, { etag: found.etag, 'cache-control': IMAGE_CACHE });
    return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'image/webp',
      'cache-control': IMAGE_CACHE,
      etag: found.etag,
      'content-length': String(found.bytes.length),
    });
  });
  return routes;
}
