/**
 * Lists the WCXB pages where our title, author or date disagrees with the truth: what we read, what the
 * truth says, and the URL, so misses can be grouped by cause. Same rule as the bench (metadataHits).
 *   npx tsx bench/extract-misses.ts [--field date|author|title] [--limit N] [--full] [--why]
 * By default only the metadata reader runs (fast); --full runs the whole extractArticle, as the bench does.
 * --why (dates) prints under each miss what each source said (dates.ts `dateEvidence`), to group misses
 * by cause: declared publication and modification, <time>, URL, header dates with their labels.
 */
import { parseArgs } from 'node:util';
import { extractArticle } from '../src/pipeline/extract/index.js';
import { readMetadata } from '../src/pipeline/extract/metadata.js';
import { collapse, getAttr, parseDocument } from '../src/pipeline/extract/dom.js';
import { all } from '../src/pipeline/extract/select.js';
import { articleJsonLd } from '../src/pipeline/extract/jsonld.js';
import { dateEvidence } from '../src/pipeline/extract/dates.js';
import { metadataHits, type MetaGuess } from '../eval/metrics/extract-text.js';
import { loadWcxb, type Page } from '../eval/sets/extract.js';

const { values } = parseArgs({
  options: {
    field: { type: 'string', default: 'date' },
    limit: { type: 'string', default: '100000' },
    full: { type: 'boolean', default: false },
    why: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'npx tsx bench/extract-misses.ts [--field date|author|title] [--limit N] [--full] [--why]\n' +
      '  lists the WCXB pages where our field disagrees with the truth (id, ours, truth, URL), then the share right;\n' +
      '  --full runs extractArticle as the bench does (default: the metadata reader only); --why prints the date sources.',
  );
  process.exit(0);
}
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

/** The date sources of a page, one per line ("published 2025-01-29T20:47:55.000Z", "shown 2025-08-19 updated"). */
function dateSources(page: Page): string {
  const document = parseDocument(page.html);
  const metas = new Map<string, string>();
  for (const el of all(document, 'meta[content]')) {
    for (const name of ['property', 'name', 'itemprop']) {
      const key = getAttr(el, name)?.toLowerCase();
      if (key && !metas.has(key)) metas.set(key, collapse(getAttr(el, 'content')));
    }
  }
  const { shown, ...single } = dateEvidence(
    document,
    articleJsonLd(document),
    page.url,
    (key) => metas.get(key.toLowerCase()) ?? null,
  );
  const lines = Object.entries(single)
    .filter(([, value]) => value !== null)
    .map(([source, value]) => `${source} ${value}`);
  return [...lines, ...shown.map((found) => `shown ${found.day} ${found.kind}`)]
    .map((line) => `\t\t${line}`)
    .join('\n');
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
  if (values.why && field === 'date') console.log(dateSources(page));
}
console.log(
  `${field}: ${counted - missed}/${counted} = ${((100 * (counted - missed)) / Math.max(1, counted)).toFixed(1)}%`,
);
