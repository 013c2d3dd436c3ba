/**
 * How a stored article takes in a new extraction of the same canonical URL: better or newer data
 * goes in, nothing good is ever replaced by something empty or worse. Pure functions.
 */
import type { Selectable } from 'kysely';
import { toIsoOrNull } from './rows.js';
import type { ArticlesTable } from './schema.js';
import type { ArticleInput } from './types.js';

/** Every column but the id: what one extraction says about the article. */
export type ArticleValues = Omit<Selectable<ArticlesTable>, 'id'>;

/**
 * A new body shorter than this share of the stored one is taken for a failed extraction (a menu,
 * a cookie wall), not an edit: publishers' corrections rarely cut half an article.
 */
const minBodyShare = 0.5;

export function articleValues(input: ArticleInput, seenAt: string): ArticleValues {
  return {
    canonical_url: input.canonicalUrl || input.url,
    url: input.url,
    site: input.site.trim(),
    title: input.title.trim(),
    subtitle: blankToNull(input.subtitle),
    byline: blankToNull(input.byline),
    published_at: toIsoOrNull(input.publishedAt),
    language: input.language ?? null,
    language_confidence: input.languageConfidence ?? null,
    image: blankToNull(input.image),
    image_caption: blankToNull(input.imageCaption),
    paragraphs: JSON.stringify(input.paragraphs.filter((p) => p.trim() !== '')),
    html: input.html,
    related: JSON.stringify(input.related),
    tags: JSON.stringify(input.tags),
    is_teaser: input.isTeaser ? 1 : 0,
    fingerprint: input.fingerprint ?? null,
    section: blankToNull(input.section),
    first_seen_at: seenAt,
    updated_at: seenAt,
  };
}

/** The columns to change on the stored row (empty when the new extraction adds nothing). */
export function articleChanges(stored: Selectable<ArticlesTable>, next: ArticleValues): Partial<ArticleValues> {
  const merged: Partial<ArticleValues> = {
    // What identifies the first sighting stays: its address, publisher and date.
    url: stored.url,
    site: stored.site || next.site,
    published_at: stored.published_at ?? next.published_at,
    // What the publisher may correct: newer non-empty wins.
    title: next.title || stored.title,
    subtitle: next.subtitle ?? stored.subtitle,
    byline: next.byline ?? stored.byline,
    image: next.image ?? stored.image,
    image_caption: next.image_caption ?? stored.image_caption,
    related: next.related !== '[]' ? next.related : stored.related,
    tags: next.tags !== '[]' ? next.tags : stored.tags,
    section: next.section ?? stored.section,
    ...bodyOf(hasBetterBody(stored, next) ? next : stored),
  };
  // Same article either way: a language detected on one copy holds for the other.
  merged.language ??= next.language ?? stored.language;
  merged.language_confidence ??=
    merged.language === next.language ? (next.language_confidence ?? null) : stored.language_confidence;
  const changes: Partial<ArticleValues> = {};
  for (const [key, value] of Object.entries(merged) as [keyof ArticleValues, unknown][]) {
    if (value !== stored[key as keyof Selectable<ArticlesTable>]) Object.assign(changes, { [key]: value });
  }
  if (Object.keys(changes).length > 0) changes.updated_at = next.updated_at;
  return changes;
}

type Body = Pick<
  ArticleValues,
  'paragraphs' | 'html' | 'is_teaser' | 'fingerprint' | 'language' | 'language_confidence'
>;

/** The body and what was derived from it travel together. */
function bodyOf(row: Body): Body {
  return {
    paragraphs: row.paragraphs,
    html: row.html,
    is_teaser: row.is_teaser,
    fingerprint: row.fingerprint ?? null,
    language: row.language ?? null,
    language_confidence: row.language_confidence ?? null,
  };
}

function hasBetterBody(stored: Body, next: Body): boolean {
  const nextLength = textLength(next.paragraphs);
  const storedLength = textLength(stored.paragraphs);
  if (nextLength === 0) return false;
  if (storedLength === 0) return true;
  if (stored.is_teaser !== next.is_teaser) return stored.is_teaser === 1;
  return nextLength >= storedLength * minBodyShare;
}

function textLength(paragraphsJson: string): number {
  try {
    const list: unknown = JSON.parse(paragraphsJson);
    return Array.isArray(list) ? list.reduce<number>((sum, p) => sum + String(p).trim().length, 0) : 0;
  } catch {
    return 0;
  }
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
