/**
 * The lead image: og:image, then twitter:image, then JSON-LD image, then the first figure of the body;
 * lazy-loaded images (data-src, srcset) count. Its caption is the figcaption (or alt text) of the same
 * image on the page, never an upload's file name.
 */
import { collapse, textOf, type DomDocument, type DomElement, getAttr } from './dom.js';
import { all, attr, closest, first } from './select.js';
import { urlsField, type JsonObject } from './jsonld.js';
import { FILE_NAME } from './furniture.js';
import { absoluteUrl, firstSrcsetUrl } from '../sanitize/index.js';

export interface LeadImage {
  url: string | null;
  caption: string | null;
}

const IMAGE_META =
  'meta[property="og:image:secure_url"], meta[property="og:image"], meta[name="og:image"], meta[name="twitter:image"], meta[property="twitter:image"], meta[name="twitter:image:src"]';
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-srcset', 'srcset', 'src'];
const BODY_IMAGES = 'article figure img, [itemprop=articleBody] img, main figure img, figure img';

export function findImage(document: DomDocument, ld: JsonObject | null, url: string): LeadImage {
  const declared = [attr(document, IMAGE_META, 'content'), ...urlsField(ld, 'image')]
    .map((src) => absoluteUrl(src, url, ['http:', 'https:']))
    .find((src): src is string => !!src);
  const images = all(document, 'img');
  const imageUrl = declared ?? firstBodyImage(document, url);
  if (!imageUrl) return { url: null, caption: null };
  const onPage = images.find((img) => sameImage(imageSource(img, url), imageUrl));
  return { url: imageUrl, caption: onPage ? captionOf(onPage) : null };
}

/** The address an <img> shows (its lazy source when it has one), absolute. */
export function imageSource(img: DomElement, url: string): string | null {
  for (const name of LAZY_SRC) {
    const src = absoluteUrl(firstSrcsetUrl(getAttr(img, name) ?? undefined), url, ['http:', 'https:']);
    if (src && !/^data:|(blank|spacer|placeholder|pixel)\.(gif|png)/i.test(src)) return src;
  }
  return null;
}

function firstBodyImage(document: DomDocument, url: string): string | null {
  for (const img of all(document, BODY_IMAGES)) {
    const src = imageSource(img, url);
    if (src) return src;
  }
  return null;
}

/** Same picture: same address, or same file name (CDNs resize into other folders). */
function sameImage(a: string | null, b: string): boolean {
  if (!a) return false;
  return a === b || fileName(a) === fileName(b);
}

function fileName(src: string): string {
  try {
    return new URL(src).pathname.split('/').pop() ?? src;
  } catch {
    return src;
  }
}

function captionOf(img: DomElement): string | null {
  const figure = closest(img, 'figure');
  const caption = cleanCaption(figure ? textOf(first(figure, 'figcaption')) : '');
  if (caption) return caption;
  return cleanCaption(collapse(getAttr(img, 'alt')));
}

/** An upload's file name anywhere in a caption ("IMG_20261112_0934.jpg Vista del puerto"). */
const FILE_NAME_IN_TEXT = /(^|\s)[\w\-.()~%+]{1,120}\.(avif|bmp|gif|heic|jpe?g|png|svg|tiff?|webp)(?=\s|$|[,;:)])/gi;
/** A credit label with nothing after it ("— Photo", "Foto:", "Photo …"). */
const DANGLING_CREDIT =
  /(^|(?<=[.])\s*|\s*[—–-]\s*)\(?(photos?|fotos?|fotografía|foto de|photo de|bild|imagen|images?|crédits?|credits?)\s*:?\s*(…|\.\.\.)?\s*\)?\s*$/i;

/** The caption without file names and a dangling credit label; null when nothing is left. */
export function cleanCaption(text: string): string | null {
  if (!text) return null;
  if (FILE_NAME.test(text)) return null;
  let clean = collapse(text.replace(FILE_NAME_IN_TEXT, ' '));
  for (let i = 0; i < 2 && DANGLING_CREDIT.test(clean); i++) clean = collapse(clean.replace(DANGLING_CREDIT, ''));
  clean = clean.replace(/^[\s—–|:·-]+|[\s—–|:·-]+$/g, '');
  return /[\p{L}\p{N}]/u.test(clean) ? clean : null;
}
