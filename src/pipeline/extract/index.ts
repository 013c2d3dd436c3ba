/**
 * Extract: a fetched page → an Article. Pure (no I/O). Metadata is read from the untouched page first;
 * then the furniture goes, the body cascade (body.ts) finds the story, the body is tidied, read block by
 * block into plain text and sanitized into HTML.
 */
import type { Article, ExtractHints, RelatedLink } from '../../model.js';
import { HappeningsError, errorLine } from '../../errors.js';
import { sanitizeChildren } from '../sanitize/index.js';
import {
  bodyOf,
  collapse,
  elementChildren,
  measureText,
  protectStory,
  remove,
  textContent,
  type DomElement,
} from './dom.js';
import { all, first } from './select.js';
import { chooseSubtitle, readMetadata, type Metadata } from './metadata.js';
import { removeFurniture } from './furniture.js';
import { findBody } from './body.js';
import { captionElements, isLeftoverLabel, sameText, tidyBody } from './tidy.js';
import { blockTexts } from './blocks.js';
import { parseShallow } from './shallow.js';
import { articleBodyRoot } from './ldbody.js';
import { hasPaywallMarks, isTeaser, removePaywallPrompts } from './paywall.js';
import { botCheckPhrase } from './bot-check.js';
import { wordCount, withoutConsentNotices } from './consent-notice.js';

export type { Article, ExtractHints, RelatedLink } from '../../model.js';

export function extractArticle(html: string, url: string, hints: ExtractHints = {}): Article {
  try {
    return extract(html, url, hints);
  } catch (error) {
    if (error instanceof HappeningsError) throw error;
    throw new HappeningsError('extract', 'no-article', `no article body found (${url}): ${errorLine(error)}`, {
      cause: error,
    });
  }
}

function extract(original: string, url: string, hints: ExtractHints): Article {
  const { document: page } = parseShallow(original);
  const metadata = readMetadata(page, url, hints); // before anything is removed from the page
  const chosen = hints.bodySelector ? first(page, hints.bodySelector) : null;
  if (chosen) remove(chosen); // kept whole: the source's own rule outranks our furniture guesses
  const boxed = removeFurniture(page, url);
  const found = chosen ? { root: chosen } : findBody(page);
  const body = found && !isThin(found.root) ? found : (ldBody(metadata) ?? found); // script-rendered pages
  if (!body) throw notTheArticle([metadata.title, ...pageTexts(page)], url);
  protectStory(body.root); // no clean-up below may remove the block holding most of the text
  const marked = hasPaywallMarks(original);
  if (marked) removePaywallPrompts(body.root);
  const related = [...boxed, ...tidyBody(body.root, [metadata.title, metadata.standfirst], url, metadata.byline)];
  const read = readParagraphs(body.root, [metadata.title, metadata.standfirst]);
  const paragraphs = withoutConsentText(body.root, read);
  const botCheck = botCheckPhrase([metadata.title, ...paragraphs]);
  if (botCheck) throw botCheckError(botCheck, url);
  if (isNotAnArticle(body.root, paragraphs, metadata)) {
    // Nothing but a cookie banner: say so, not "no article body" (the page may be fine in a browser).
    if (
      paragraphs !== read &&
      wordCount(paragraphs.join(' ')) < CONSENT_WALL_WORDS &&
      wordCount(read.join(' ')) >= CONSENT_WALL_WORDS
    )
      throw new HappeningsError(
        'extract',
        'consent-wall',
        `the page's text is a consent notice (cookie banner), not the article (${url})`,
      );
    throw notTheArticle([metadata.title, ...pageTexts(page)], url);
  }
  return {
    url,
    canonicalUrl: metadata.canonicalUrl,
    site: metadata.site,
    title: metadata.title ?? paragraphs[0] ?? '',
    subtitle: chooseSubtitle(metadata, paragraphs.slice(0, 2)),
    byline: metadata.byline,
    publishedAt: metadata.publishedAt,
    languageHint: metadata.languageHint,
    image: metadata.image.url,
    imageCaption: metadata.image.caption,
    paragraphs,
    html: sanitizeChildren(body.root, url), // from the tree as it stands: no second parse
    related: uniqueLinks(related),
    tags: metadata.tags,
    section: metadata.section,
    isTeaser: isTeaser(marked, paragraphs),
  };
}

function noArticle(url: string): HappeningsError {
  return new HappeningsError('extract', 'no-article', `no article body found (${url})`);
}

/** No article here: a bot check (bot-check.ts) says so in its own words, anything else is no-article. */
function notTheArticle(pageTexts: (string | null)[], url: string): HappeningsError {
  const botCheck = botCheckPhrase(pageTexts);
  return botCheck ? botCheckError(botCheck, url) : noArticle(url);
}

/** The text blocks of a whole page (scripts and styles left out). */
function pageTexts(page: ReturnType<typeof parseShallow>['document']): string[] {
  const body = bodyOf(page);
  return 'attribs' in body ? blockTexts(body) : [];
}

function botCheckError(phrase: string, url: string): HappeningsError {
  return new HappeningsError(
    'extract',
    'bot-check',
    `the publisher answered with a bot check ("${phrase}"), not the article; tried again at the next poll (${url})`,
  );
}

function readParagraphs(root: DomElement, repeats: Array<string | null>): string[] {
  const skipped = new Set(repeats.filter((text): text is string => !!text).map(sameText));
  const longest = Math.max(0, ...[...skipped].map((text) => text.length));
  const captions = captionElements(root);
  const isRepeat = (text: string): boolean =>
    skipped.size > 0 && asciiAlphanumerics(text) <= longest && skipped.has(sameText(text));
  return blockTexts(root, (el) => captions.has(el)).filter((text) => !isRepeat(text) && !isLeftoverLabel(text));
}

/** ASCII letters and digits in `text`: sameText keeps each of them, so a text holding more of them
 *  than a repeat has characters is no repeat (and needs no sameText, a Unicode regex over every block). */
function asciiAlphanumerics(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 32; // A-Z onto a-z; no other character lands on a-z
    if ((c >= 48 && c <= 57) || (lower >= 97 && lower <= 122)) count++;
  }
  return count;
}

/** Story prose, without link text, below which a page is no article: two short sentences' worth. */
const MIN_ARTICLE_PROSE = 150;
/** Index pages: headlines that are links, at least this many, and a third of all blocks. */
const MIN_TEASER_HEADLINES = 4;

/** Too little prose, or a list of linked headlines (a section page) on a page that claims no article. */
function isNotAnArticle(root: DomElement, paragraphs: string[], metadata: Metadata): boolean {
  const { text, links } = measureText(root);
  if (paragraphs.length === 0 || text - links < MIN_ARTICLE_PROSE) return true;
  const teasers = all(root, 'h2 a, h3 a, h4 a, a h2, a h3, a h4').length;
  return !metadata.declaresArticle && teasers >= MIN_TEASER_HEADLINES && teasers * 3 >= paragraphs.length;
}

/** Less story prose than an article has (the HTML is a shell, the text elsewhere). */
function isThin(root: DomElement): boolean {
  const { text, links } = measureText(root);
  return text - links < MIN_ARTICLE_PROSE;
}

/** The JSON-LD articleBody as a body, when the page states one. */
function ldBody(metadata: Metadata): { root: DomElement } | null {
  const root = articleBodyRoot(metadata.articleBody);
  return root ? { root } : null;
}

function uniqueLinks(links: RelatedLink[]): RelatedLink[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.url) && seen.add(link.url) !== undefined);
}

/** Fewer words than this left once a notice is out, from this many or more: the page was the notice. */
const CONSENT_WALL_WORDS = 30;

/**
 * The paragraphs without a consent notice written into the body as text (consent-notice.ts): a
 * banner the page's markup did not mark as one. The blocks that held only notice text leave the
 * body's tree too, so the page shown (its html) does not show them. The same array when there is none.
 */
function withoutConsentText(root: DomElement, paragraphs: string[]): string[] {
  const joined = paragraphs.join('\n');
  const kept = withoutConsentNotices(joined);
  if (kept === joined) return paragraphs;
  const left = kept.split('\n').filter((p) => p.trim() !== '');
  const survivors = new Set(left);
  const dropped = new Set(paragraphs.filter((p) => !survivors.has(p)));
  // Each element's text read only as far as the longest dropped paragraph (a deep page stays cheap).
  const limit = Math.max(...[...dropped].map((p) => p.length)) + 1;
  const doomed: DomElement[] = [];
  const stack = [...elementChildren(root)]; // no recursion: hostile pages nest thousands deep
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (dropped.has(collapse(textContent(el, limit)))) doomed.push(el);
    else stack.push(...elementChildren(el));
  }
  for (const el of doomed) remove(el);
  return left;
}
