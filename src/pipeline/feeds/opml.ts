/**
 * OPML subscription lists (OPML 1.0/2.0) in and out, through feedsmith. Nested outlines are
 * flattened: a feed's category is the text of the outline that holds it, as feed readers
 * (Feedly, Inoreader, NetNewsWire) write their folders.
 */
import { generateOpml as writeOpml, parseOpml as readOpml, type Opml } from 'feedsmith';
import { HappeningsError, errorLine } from '../../errors.js';
import { cleanText, httpUrl, languageTag } from './normalize.js';
import type { OpmlOutline } from './types.js';

type Outline = Opml.Outline<string>;

/** Every feed in an OPML document, nested outlines flattened. Throws bad-input on anything else. */
export function parseOpml(text: string): OpmlOutline[] {
  let document: Opml.Document<string>;
  try {
    document = readOpml(text);
  } catch (error) {
    throw new HappeningsError('feeds', 'bad-input', `not an OPML file: ${errorLine(error)}`, { cause: error });
  }
  return flatten(document.body?.outlines ?? [], null);
}

/** An OPML 2.0 document listing `outlines`, grouped in one outline per category. */
export function generateOpml(title: string, outlines: OpmlOutline[]): string {
  const uncategorized: Outline[] = [];
  const folders = new Map<string, Outline[]>();
  for (const outline of outlines) {
    const entry = toOutline(outline);
    if (outline.category === null) uncategorized.push(entry);
    else folders.set(outline.category, [...(folders.get(outline.category) ?? []), entry]);
  }
  const grouped = [...folders].map(([text, children]): Outline => ({ text, title: text, outlines: children }));
  return writeOpml({
    head: { title, dateCreated: new Date() },
    body: { outlines: [...uncategorized, ...grouped] },
  });
}

function flatten(outlines: Outline[], category: string | null): OpmlOutline[] {
  const flat: OpmlOutline[] = [];
  for (const outline of outlines) {
    const feed = fromOutline(outline, category);
    if (feed) flat.push(feed);
    // A folder passes its name down; a feed outline with children (rare) passes on its own category.
    const inner = feed ? category : (cleanText(outline.text) ?? cleanText(outline.title) ?? category);
    flat.push(...flatten(outline.outlines ?? [], inner));
  }
  return flat;
}

function fromOutline(outline: Outline, category: string | null): OpmlOutline | null {
  const xmlUrl = httpUrl(outline.xmlUrl);
  if (!xmlUrl) return null;
  return {
    title: cleanText(outline.text) ?? cleanText(outline.title) ?? xmlUrl,
    xmlUrl,
    htmlUrl: httpUrl(outline.htmlUrl),
    language: languageTag(outline.language),
    // OPML 2.0's own category attribute ("/News/World") serves when no folder holds the feed.
    category: category ?? cleanText(outline.category),
  };
}

function toOutline(outline: OpmlOutline): Outline {
  return {
    text: outline.title,
    title: outline.title,
    type: 'rss',
    xmlUrl: outline.xmlUrl,
    ...(outline.htmlUrl ? { htmlUrl: outline.htmlUrl } : {}),
    ...(outline.language ? { language: outline.language } : {}),
  };
}
