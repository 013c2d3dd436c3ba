/**
 * JSON-LD: the page's own structured description. We read the first Article-like object (NewsArticle,
 * BlogPosting, ... anywhere in @graph or an array); broken JSON is skipped, never fatal.
 */
import { collapse, type DomDocument, textContent } from './dom.js';
import { all } from './select.js';

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /(Article|BlogPosting|NewsArticle|Report|LiveBlogPosting|SocialMediaPosting)$/;

export function articleJsonLd(document: DomDocument): JsonObject | null {
  return allJsonLd(document).find((object) => types(object).some((type) => ARTICLE_TYPE.test(type))) ?? null;
}

const parsed = new WeakMap<DomDocument, JsonObject[]>();

/** Every JSON-LD object on the page (arrays and @graph flattened), parsed once per document. */
export function allJsonLd(document: DomDocument): JsonObject[] {
  let objects = parsed.get(document);
  if (!objects) {
    objects = all(document, 'script[type="application/ld+json"]').flatMap((script) =>
      flatten(parseJson(textContent(script) ?? '')),
    );
    parsed.set(document, objects);
  }
  return objects;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\s*<!--|-->\s*$/g, ''));
  } catch {
    return null;
  }
}

function flatten(value: unknown): JsonObject[] {
  const out: JsonObject[] = [];
  const queue: unknown[] = [value];
  while (queue.length > 0 && out.length < 200) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (isObject(item)) {
      out.push(item);
      if (Array.isArray(item['@graph'])) queue.push(...item['@graph']);
    }
  }
  return out;
}

function types(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain string field, or the `name` of an object field, collapsed; null when absent. */
export function stringField(object: JsonObject | null, key: string): string | null {
  const value = object?.[key];
  if (typeof value === 'string') return collapse(value) || null;
  if (isObject(value) && typeof value.name === 'string') return collapse(value.name) || null;
  return null;
}

/** Names from a field that may be a string, an object with a name, or an array of either. */
export function namesField(object: JsonObject | null, key: string): string[] {
  const value = object?.[key];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((item) => (typeof item === 'string' ? item : isObject(item) && typeof item.name === 'string' ? item.name : ''))
    .map(collapse)
    .filter(Boolean);
}

/** URLs from an image-like field: a string, an ImageObject ({url}), or an array of either. */
export function urlsField(object: JsonObject | null, key: string): string[] {
  const value = object?.[key];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((item) => (typeof item === 'string' ? item : isObject(item) && typeof item.url === 'string' ? item.url : ''))
    .filter(Boolean);
}
