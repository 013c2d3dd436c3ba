/**
 * Sanitize: the last step before any HTML is stored or shown (as in miniflux, sanitizing comes last so
 * that no earlier rewrite can reintroduce markup). An allow-list over sanitize-html: only reading markup
 * survives; every URL is made absolute against the page and must be http(s) (or mailto for links);
 * links get rel="noopener noreferrer nofollow".
 */
import sanitize from 'sanitize-html';

/** Reading markup only. Containers (div, section) stay so that blocks never glue when unwrapped. */
const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p',
  'pre', 'q', 's', 'section', 'small', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'u', 'ul',
];

/** Tags dropped together with everything inside them (the rest are unwrapped, keeping their text). */
const DROPPED_WITH_CONTENT = [
  'applet', 'audio', 'button', 'canvas', 'embed', 'form', 'frame', 'frameset', 'iframe', 'input', 'math',
  'noembed', 'noframes', 'noscript', 'object', 'option', 'script', 'select', 'style', 'svg', 'template',
  'textarea', 'title', 'video', 'xmp',
];

/** Attributes that may carry a lazily loaded image address, most specific first. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-srcset', 'srcset', 'src'];

const LINK_REL = 'noopener noreferrer nofollow';

/** Sanitizes a body fragment: allow-listed tags and attributes, absolute http(s) URLs, safe links. */
export function sanitizeHtml(html: string, baseUrl: string): string {
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    nonTextTags: DROPPED_WITH_CONTENT,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      ol: ['start', 'reversed'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => ({ tagName, attribs: linkAttributes(attribs, baseUrl) }),
      img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs, baseUrl) }),
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}

function linkAttributes(attribs: sanitize.Attributes, baseUrl: string): sanitize.Attributes {
  const out: sanitize.Attributes = { rel: LINK_REL };
  const href = absoluteUrl(attribs.href, baseUrl, ['http:', 'https:', 'mailto:']);
  if (href) out.href = href;
  if (attribs.title) out.title = attribs.title;
  return out;
}

function imageAttributes(attribs: sanitize.Attributes, baseUrl: string): sanitize.Attributes {
  const out: sanitize.Attributes = {};
  for (const name of LAZY_SRC) {
    const src = absoluteUrl(firstSrcsetUrl(attribs[name]), baseUrl, ['http:', 'https:']);
    if (src) {
      out.src = src;
      break;
    }
  }
  for (const name of ['alt', 'title', 'width', 'height']) {
    const value = attribs[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** The first URL of a srcset ("a.jpg 1x, b.jpg 2x"), or the value itself when it is a plain URL. */
export function firstSrcsetUrl(value: string | undefined): string | undefined {
  const first = value?.trim().split(/\s*,\s+/)[0];
  return first?.split(/\s+/)[0];
}

/** `value` resolved against `baseUrl`, or undefined when empty, unparsable or of another scheme. */
export function absoluteUrl(value: string | undefined | null, baseUrl: string, protocols: string[]): string | undefined {
  // Browsers ignore control characters in URLs ("java\tscript:"); strip them before the scheme check.
  const cleaned = value?.replace(/[\u0000-\u001f\u007f]+/g, '').trim();
  if (!cleaned) return undefined;
  try {
    const url = new URL(cleaned, baseUrl);
    return protocols.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
