/**
 * Fuzzing the readers of publisher input with fast-check, bounded by time and memory: feeds
 * (parseFeed), pages (extractArticle, whose HTML must come out inert) and WARC files (readWarc,
 * mutated and cut anywhere). Each reader returns or throws a HappeningsError, never hangs or
 * throws anything else, and what it returns holds no script-capable markup or non-http(s) link.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { HappeningsError } from '../errors.js';
import { extractArticle } from '../pipeline/extract/index.js';
import { parseFeed } from '../pipeline/feeds/index.js';
import { readWarc } from '../pipeline/fetch/warc.js';
import { XSS_PAYLOADS, deepMarkup } from './payloads.testkit.js';
import { articleHtml, warcRecord } from './warc-bombs.testkit.js';

/** Script-capable markup in HTML, read as a browser's parser would: tags, handlers, javascript: URLs. */
function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  const elements = DomUtils.findAll(() => true, parseDocument(html).children);
  for (const el of elements) {
    if (/^(script|iframe|object|embed|style|meta|form|base|link|frame)$/.test(el.name)) found.push(`<${el.name}>`);
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) found.push(`${el.name}[${name}]`);
      if (/^(href|src|action|data)$/i.test(name) && /^\s*(javascript|data|vbscript):/i.test(value))
        found.push(`${el.name}[${name}]`);
    }
  }
  return found;
}
/** Time each property may take, whatever number of runs it gets to. */
const TIME_LIMIT_MS = 3_000;

const markup = fc.oneof(
  fc.constantFrom(...XSS_PAYLOADS),
  fc.constantFrom(
    '<p>',
    '</p>',
    '<div>',
    '</div>',
    '<b>',
    '&amp;',
    '&#99999999;',
    '&#x110000;',
    '&lt;b&gt;',
    ']]>',
    '<![CDATA[',
    '<!--',
    '-->',
    '\u0000',
    '\uFFFF',
    '\uD800',
  ),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: 1, max: 3000 }).map((depth) => deepMarkup(depth, 'span', false)),
);
const text = fc.array(markup, { maxLength: 12 }).map((parts) => parts.join(''));
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function withinBudget(): { check(): void } {
  const before = process.memoryUsage().heapUsed;
  return {
    check() {
      expect((process.memoryUsage().heapUsed - before) / 2 ** 20).toBeLessThan(400);
    },
  };
}

describe('attack: fuzzing the readers', () => {
  it('parseFeed: returns http(s) items, or a HappeningsError', () => {
    const budget = withinBudget();
    const item = fc.record({ title: text, link: fc.oneof(fc.webUrl(), text), description: text, raw: fc.boolean() });
    const feed = fc.tuple(fc.constantFrom('rss', 'atom'), fc.array(item, { maxLength: 8 })).map(([kind, items]) => {
      const field = (name: string, value: string, raw: boolean) =>
        `<${name}>${raw ? `<![CDATA[${value}]]>` : xmlEscape(value)}</${name}>`;
      return kind === 'rss'
        ? `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://f.example/</link>${items
            .map(
              (i) =>
                `<item>${field('title', i.title, i.raw)}${field('link', i.link, false)}${field('description', i.description, i.raw)}</item>`,
            )
            .join('')}</channel></rss>`
        : `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>${items
            .map(
              (i) =>
                `<entry>${field('title', i.title, i.raw)}<link href="${xmlEscape(i.link).replace(/"/g, '&quot;')}"/>${field('summary', i.description, i.raw)}</entry>`,
            )
            .join('')}</feed>`;
    });
    fc.assert(
      fc.property(feed, (xml) => {
        try {
          const parsed = parseFeed(xml, 'https://f.example/feed');
          // Titles and summaries are text (escaped wherever they are shown); links must be http(s).
          for (const i of parsed.items) expect(i.url).toMatch(/^https?:\/\//);
        } catch (error) {
          expect(error).toBeInstanceOf(HappeningsError);
        }
      }),
      { numRuns: 300, interruptAfterTimeLimit: TIME_LIMIT_MS, seed: 15 },
    );
    budget.check();
  });

  it('extractArticle: the HTML it returns is inert, whatever the page', () => {
    const budget = withinBudget();
    const page = fc
      .array(text, { minLength: 1, maxLength: 6 })
      .map(
        (parts) =>
          `<html><head><title>T</title></head><body><article><h1>${parts[0]}</h1>${parts
            .map((p) => `<p>The council said on Friday that the bridge would stay closed. ${p}</p>`)
            .join('')}</article></body></html>`,
      );
    fc.assert(
      fc.property(page, (html) => {
        try {
          const article = extractArticle(html, 'https://p.example/news/1');
          expect(unsafeMarkup(article.html)).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(HappeningsError);
        }
      }),
      { numRuns: 200, interruptAfterTimeLimit: TIME_LIMIT_MS, seed: 15 },
    );
    budget.check();
  });

  it('readWarc: a WARC mutated or cut anywhere ends promptly, in pages or a HappeningsError', async () => {
    const budget = withinBudget();
    const dir = mkdtempSync(join(tmpdir(), 'warc-fuzz-'));
    const good = Buffer.concat([
      warcRecord({ url: 'https://w.example/1', body: articleHtml('One') }),
      warcRecord({ url: 'https://w.example/2', body: articleHtml('Two'), headers: { 'Transfer-Encoding': 'chunked' } }),
      warcRecord({ url: 'https://w.example/3', body: articleHtml('Three') }),
    ]);
    const damage = fc.record({
      cut: fc.integer({ min: 0, max: good.length }),
      flips: fc.array(fc.tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), {
        maxLength: 6,
      }),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(damage, async ({ cut, flips }) => {
        const bytes = Buffer.from(good.subarray(0, cut));
        for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
        const path = join(dir, `${n++}.warc`);
        writeFileSync(path, bytes);
        const started = performance.now();
        try {
          for await (const page of readWarc(path, { maxRecordBytes: 1 << 20 })) expect(page.url).toMatch(/^https?:/);
        } catch (error) {
          expect(error).toBeInstanceOf(HappeningsError);
        }
        expect(performance.now() - started).toBeLessThan(2_000);
      }),
      { numRuns: 150, interruptAfterTimeLimit: TIME_LIMIT_MS * 2, seed: 15 },
    );
    budget.check();
  }, 30_000);
});
