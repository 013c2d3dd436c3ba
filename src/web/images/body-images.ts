/**
 * The images inside a stored article body, pointed at this site (/img) so a reader's browser never
 * contacts the publisher: an image already cached gets our address, one not yet cached is left out
 * this time (and fetched in the background; images.ts). The body is the sanitizer's output, which
 * writes every <img> as `<img src="…"` first with attribute values escaped, so a pattern reads it safely.
 */
import type { ImageWidth } from './convert.js';
import type { ImageLinks } from './images.js';

const IMAGE_TAG = /<img\s+src="([^"]*)"[^>]*>/gi;
/** Body images are shown at most the text column's width. */
const BODY_WIDTH: ImageWidth = 800;

export function withOurImages(markup: string, images: ImageLinks | undefined): string {
  if (!markup.includes('<img')) return markup;
  return markup.replace(IMAGE_TAG, (tag, src: string) => {
    const ours = images?.src(unescapeAttribute(src), BODY_WIDTH);
    return ours ? tag.replace(`src="${src}"`, `src="${ours}"`) : '';
  });
}

function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
