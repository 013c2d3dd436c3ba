/**
 * Lists the WCXB pages where our title, author or date disagrees with the truth: what we read, what the
 * truth says, and the URL, so misses can be grouped by cause. Same rule as the bench (metadataHits).
 *   npx tsx bench/extract-misses.ts [--field date|author|title] [--limit N] [--full]
 * By default only the metadata reader runs (fast); --full runs the whole extractArticle, as the bench does.
 */
import { parseArgs } from 'node:util';
import { extractArticle } from '../src/pipeline/extract/index.js';
import { readMetadata } from '../src/pipeline/extract/metadata.js';
import { parseDocument } from '../src/pipeline/extract/dom.js';
import { loadWcxb, metadataHits, type MetaGuess, type Page } from './extract-sets.js';

const { values } = parseArgs({
  options: { field: { type: 'string', default: 'date' }, limit: { type: 'string', default: '100000' }, full: { type: 'boolean', default: false } },
});
const field = values.field as 'date' | 'author' | 'title';

function guess(page: Page): MetaGuess {
  try {
    if (values.full) {
      const a = extractArticle(page.html, page.url);
      return { title: a.title, author: a.byline, date: a.publishedAt };
    }
    const m = readMetadata(parseDocument(page.html), page.url, {});
    return { title: m.title, author: m.byline, date: m.publishedAt };
  } catch {
    return { title: null, author: null, date: null };
  }
}

let counted = 0;
let missed = 0;
for (const page of loadWcxb(Number(values.limit))) {
  const ours = guess(page);
  const hit = metadataHits(page, ours)[field];
  if (hit === null) continue;
  counted++;
  if (hit) continue;
  missed++;
  const truth = field === 'date' ? page.date : field === 'author' ? page.author : page.title;
  console.log(`${page.id}\tours=${JSON.stringify(ours[field])}\ttruth=${JSON.stringify(truth)}\t${page.url}`);
}
console.log(`${field}: ${counted - missed}/${counted} = ${((100 * (counted - missed)) / Math.max(1, counted)).toFixed(1)}%`);
