/**
 * Adding sources: one URL (a feed, a news sitemap or a plain page), an OPML file, or the default
 * list; and the OPML export. Used by the CLI and the admin pages alike.
 */
import type { Store } from '../store/index.js';
import type { FeedKind, SourceWithHealth } from '../store/index.js';
import { generateOpml, parseOpml } from '../pipeline/feeds/index.js';
import { HappeningsError } from '../errors.js';
import { defaultSources } from './defaults.js';

export interface AddSourceInput {
  url: string;
  name?: string;
  language?: string | null;
  kind?: FeedKind;
  intervalMinutes?: number;
}

export async function addSource(store: Store, input: AddSourceInput) {
  const url = checkedUrl(input.url);
  const kind = input.kind ?? guessKind(url);
  return store.createSource({
    name: input.name ?? new URL(url).hostname.replace(/^www\./, ''),
    url: kind === 'page' ? url : new URL(url).origin + '/',
    feedUrl: url,
    feedKind: kind,
    language: input.language ?? null,
    intervalMinutes: input.intervalMinutes,
  });
}

/** Imports every feed of an OPML file; returns how many were new. */
export async function importOpml(
  store: Store,
  text: string,
  intervalMinutes?: number,
): Promise<{ added: number; known: number }> {
  let added = 0;
  let known = 0;
  for (const outline of parseOpml(text)) {
    const { created } = await store.createSource({
      name: outline.title,
      url: outline.htmlUrl ?? new URL(outline.xmlUrl).origin + '/',
      feedUrl: outline.xmlUrl,
      feedKind: guessKind(outline.xmlUrl),
      language: outline.language,
      intervalMinutes,
    });
    if (created) added++;
    else known++;
  }
  return { added, known };
}

export async function exportOpml(store: Store, title: string): Promise<string> {
  const sources = await store.sourceList();
  const outlines = sources.flatMap((s) =>
    s.feeds
      .filter((f) => f.kind !== 'page')
      .map((f) => ({ title: s.name, xmlUrl: f.url, htmlUrl: s.url, language: s.language, category: null })),
  );
  return generateOpml(title, outlines);
}

/** Seeds an empty store with the default sources; returns how many were added. */
export async function seedDefaultSources(store: Store, intervalMinutes?: number): Promise<number> {
  if ((await store.sourceList()).length > 0) return 0;
  for (const s of defaultSources) {
    await store.createSource({
      name: s.name,
      url: s.url,
      feedUrl: s.feedUrl,
      feedKind: 'feed',
      language: s.language,
      intervalMinutes,
    });
  }
  return defaultSources.length;
}

export function sourceHealthLine(s: SourceWithHealth): string {
  const health = s.lastErrorCode
    ? `error ${s.lastErrorCode}: ${s.lastError}`
    : s.lastSuccessAt
      ? `ok ${s.lastSuccessAt}`
      : 'not fetched yet';
  const flags = [s.language, s.paused ? 'paused' : null].filter(Boolean).join(', ');
  return `${String(s.id).padStart(4)}  ${s.name}${flags ? ` (${flags})` : ''}  ${s.feeds.map((f) => f.url).join(' ')}  articles: ${s.articleCount}  ${health}`;
}

function guessKind(url: string): FeedKind {
  return /sitemap[^/]*\.xml(\.gz)?$/i.test(new URL(url).pathname) ? 'sitemap' : 'feed';
}

export function checkedUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through to the error below
  }
  throw new HappeningsError('cli', 'bad-input', `not an http(s) URL: ${raw}`);
}
