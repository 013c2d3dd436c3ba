/**
 * Sanitize: the last step before any HTML is stored or shown (as in miniflux, sanitizing comes last so
 * that no earlier rewrite can reintroduce markup). An allow-list over a parsed tree: only reading markup
 * survives; every URL is made absolute against the page and must be http(s) (or mailto for links);
 * links get rel="noopener noreferrer nofollow".
 *
 * The tree is htmlparser2's (the parser extraction uses), walked once and written out with every text
 * and attribute escaped, so a fragment that is already parsed (an extracted body) is never parsed again:
 * sanitize-html over the serialized body cost ~12% of extraction on aeb (2026-11-27). The rules are the
 * ones this file gave sanitize-html 2.17: disallowed tags unwrapped, DROPPED_WITH_CONTENT gone with all
 * inside them, comments and doctypes gone, h1 → h2, an <img> without a usable address gone. Compared
 * with it on 481 aeb/wcxb bodies and 20,000 random hostile fragments: the same tags, attributes and
 * text, except where sanitize-html left an end tag out of unbalanced markup, and at parser corners
 * (<plaintext>, a trailing "<p") where htmlparser2 12 follows the HTML standard and 10 did not.
 */
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element, ParentNode } from 'domhandler';

/** Reading markup only. Containers (div, section) stay so that blocks never glue when unwrapped. */
const ALLOWED_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'section',
  'small',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
]);

/** Tags dropped together with everything inside them (the rest are unwrapped, keeping their text). */
const DROPPED_WITH_CONTENT = new Set([
  'applet',
  'audio',
  'button',
  'canvas',
  'embed',
  'form',
  'frame',
  'frameset',
  'iframe',
  'input',
  'math',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'option',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
  'xmp',
]);

/** Attributes kept, per tag (<a> and <img> are rebuilt by linkAttributes / imageAttributes). */
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  time: ['datetime'],
  ol: ['start', 'reversed'],
};

/** Attributes that mean nothing empty (dropped when empty); `alt=""` does mean something and stays. */
const NON_BOOLEAN = new Set([
  'colspan',
  'datetime',
  'height',
  'href',
  'rel',
  'rowspan',
  'scope',
  'src',
  'start',
  'title',
  'width',
]);

/** Written as `<br />`, with no end tag. */
const VOID_TAGS = new Set(['br', 'hr', 'img']);

/** Attributes that may carry a lazily loaded image address, most specific first. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-srcset', 'srcset', 'src'];

const LINK_REL = 'noopener noreferrer nofollow';

type Attributes = Array<[string, string]>;

/** Sanitizes an HTML fragment: allow-listed tags and attributes, absolute http(s) URLs, safe links. */
export function sanitizeHtml(html: string, baseUrl: string): string {
  return sanitizeChildren(parseDocument(html), baseUrl);
}

/** The same, over the children of an element (or document) that htmlparser2 already parsed: the
 *  tree is only read. Walked without recursion (pages can nest thousands deep). */
export function sanitizeChildren(parent: ParentNode, baseUrl: string): string {
  let out = '';
  const stack: Array<AnyNode | string> = []; // a string is an end tag to write
  for (let i = parent.children.length - 1; i >= 0; i--) stack.push(parent.children[i]!);
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (typeof step === 'string') {
      out += step;
      continue;
    }
    if (step.type === 'text') {
      out += escapeText(step.data);
      continue;
    }
    if (step.type !== 'tag' && step.type !== 'script' && step.type !== 'style') continue; // comments, doctypes
    const el = step as Element;
    const name = el.name === 'h1' ? 'h2' : el.name;
    if (DROPPED_WITH_CONTENT.has(name)) continue;
    if (ALLOWED_TAGS.has(name)) {
      const attributes = attributesOf(name, el, baseUrl);
      if (attributes === null) continue; // an image with no usable address
      out += startTag(name, attributes);
      if (!VOID_TAGS.has(name)) stack.push(`</${name}>`);
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return out;
}

/** The attributes `name` keeps, in order, or null for an element that goes whole. */
function attributesOf(name: string, el: Element, baseUrl: string): Attributes | null {
  if (name === 'a') return linkAttributes(el.attribs, baseUrl);
  if (name === 'img') return imageAttributes(el.attribs, baseUrl);
  const allowed = ALLOWED_ATTRIBUTES[name];
  if (!allowed) return [];
  const kept: Attributes = [];
  for (const [attribute, value] of Object.entries(el.attribs))
    if (allowed.includes(attribute)) kept.push([attribute, value]);
  return kept;
}

function linkAttributes(attribs: Record<string, string>, baseUrl: string): Attributes {
  const out: Attributes = [['rel', LINK_REL]];
  const href = absoluteUrl(attribs.href, baseUrl, ['http:', 'https:', 'mailto:']);
  if (href) out.push(['href', href]);
  if (attribs.title) out.push(['title', attribs.title]);
  return out;
}

function imageAttributes(attribs: Record<string, string>, baseUrl: string): Attributes | null {
  let src: string | undefined;
  for (const name of LAZY_SRC) {
    src = absoluteUrl(firstSrcsetUrl(attribs[name]), baseUrl, ['http:', 'https:']);
    if (src) break;
  }
  if (!src) return null;
  const out: Attributes = [['src', src]];
  for (const name of ['alt', 'title', 'width', 'height']) {
    const value = attribs[name];
    if (value !== undefined) out.push([name, value]);
  }
  return out;
}

function startTag(name: string, attributes: Attributes): string {
  let tag = `<${name}`;
  for (const [attribute, value] of attributes) {
    if (value === '' && NON_BOOLEAN.has(attribute)) continue;
    tag +=
      value !== '' ? ` ${attribute}="${escapeAttribute(value)}"` : attribute === 'alt' ? ' alt=""' : ` ${attribute}`;
  }
  return VOID_TAGS.has(name) ? `${tag} />` : `${tag}>`;
}

const TEXT_SPECIAL = /[&<>]/;
const ATTRIBUTE_SPECIAL = /[&<>"]/;

function escapeText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIAL.test(value)) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The first URL of a srcset ("a.jpg 1x, b.jpg 2x"), or the value itself when it is a plain URL. */
export function firstSrcsetUrl(value: string | undefined): string | undefined {
  const first = value?.trim().split(/\s*,\s+/)[0];
  return first?.split(/\s+/)[0];
}

/** `value` resolved against `baseUrl`, or undefined when empty, unparsable or of another scheme. */
export function absoluteUrl(
  value: string | undefined | null,
  baseUrl: string,
  protocols: string[],
): string | undefined {
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
