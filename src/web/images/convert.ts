/**
 * A publisher's image made ours: the bytes sniffed (only JPEG, PNG, GIF, WebP and AVIF are read;
 * HTML, scripts, SVG and junk are refused before any decoder sees them), decoded by sharp (libvips)
 * with a pixel cap, resized to one of a few fixed widths (never enlarged), EXIF orientation applied
 * and metadata dropped, and written as WebP.
 *
 * SVG is refused, not rasterised: it is a document (scripts, external references, entity expansion),
 * and lead images are photographs; librsvg on hostile input is attack surface we need not carry.
 */
import sharp from 'sharp';
import { HappeningsError } from '../../errors.js';

/** The widths served: a thumbnail, a story image, an article's lead. Any other width is refused (no cache-key abuse). */
export const IMAGE_WIDTHS = [160, 400, 800] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

export function isImageWidth(n: number): n is ImageWidth {
  return (IMAGE_WIDTHS as readonly number[]).includes(n);
}

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif';

/** 40 megapixels: larger than any news photograph, small enough that a decompression bomb cannot take the memory. */
const MAX_INPUT_PIXELS = 40_000_000;
/** WebP quality 72: thumbnails and leads at ~25-60 KB at 800 px, no visible blocking on photos. */
const WEBP_QUALITY = 72;

/** The image format of a body by its first bytes (magic numbers), or null for anything else. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  const ascii = (offset: number, text: string) => at(offset, ...[...text].map((c) => c.charCodeAt(0)));
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  if (ascii(4, 'ftypavif') || ascii(4, 'ftypavis')) return 'avif';
  return null;
}

/** The image at `width` (or its own width when smaller) as WebP; a non-image or undecodable body is refused. */
export async function resizeImage(bytes: Uint8Array, width: ImageWidth, url: string): Promise<Uint8Array> {
  const format = sniffImage(bytes);
  if (!format) throw new HappeningsError('web', 'not-image', `not a JPEG, PNG, GIF, WebP or AVIF image (${url})`);
  try {
    return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: WEBP_QUALITY })
      .toBuffer();
  } catch (error) {
    throw new HappeningsError('web', 'not-image', `unreadable ${format} image: ${(error as Error).message} (${url})`, {
      cause: error,
    });
  }
}
