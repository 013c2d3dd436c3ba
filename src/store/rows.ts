/** Database rows to store types and back: 0/1 to booleans, JSON text to lists, dates to UTC ISO. */
import type { Selectable } from 'kysely';
import type { ArticlesTable, FeedsTable, ItemErrorsTable, SourcesTable, TranslationsTable } from './schema.js';
import type { NameRepair } from '../model.js';
import type { ArticleRow, FeedRow, ItemError, SourceRow, Translation } from './types.js';

export function parseJsonList<T>(text: string | null | undefined): T[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** UTC ISO 8601 (so text order is time order), or null when absent or unparseable. */
export function toIsoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function toIso(value: string | Date): string {
  const iso = value instanceof Date ? value.toISOString() : toIsoOrNull(value);
  if (!iso) throw new Error(`not a date: ${String(value)}`);
  return iso;
}

export function sourceFromRow(row: Selectable<SourcesTable>): SourceRow {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    language: row.language,
    paused: row.paused === 1,
    excerptOnly: row.excerpt_only === 1,
    translate: row.translate === 1,
    createdAt: row.created_at,
    bodySelector: row.body_selector ?? null,
    sectionOverrides: row.section_overrides ?? null,
  };
}

export function feedFromRow(row: Selectable<FeedsTable>): FeedRow {
  return {
    id: row.id,
    sourceId: row.source_id,
    url: row.url,
    kind: row.kind,
    etag: row.etag,
    lastModified: row.last_modified,
    intervalMinutes: row.interval_minutes,
    nextFetchAt: row.next_fetch_at,
    lastFetchAt: row.last_fetch_at,
    lastSuccessAt: row.last_success_at,
    errorCount: row.error_count,
    lastErrorCode: row.last_error_code,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

export function articleFromRow(row: Selectable<ArticlesTable>): ArticleRow {
  return {
    id: row.id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    site: row.site,
    title: row.title,
    subtitle: row.subtitle,
    byline: row.byline,
    publishedAt: row.published_at,
    language: row.language,
    languageConfidence: row.language_confidence,
    image: row.image,
    imageCaption: row.image_caption,
    paragraphs: parseJsonList<string>(row.paragraphs),
    html: row.html,
    related: parseJsonList(row.related),
    tags: parseJsonList<string>(row.tags),
    isTeaser: row.is_teaser === 1,
    fingerprint: row.fingerprint,
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
    section: row.section ?? null,
  };
}

export function translationFromRow(row: Selectable<TranslationsTable>): Translation {
  return {
    language: row.language,
    sourceLanguage: row.source_language,
    engine: row.engine,
    engineVersion: row.engine_version,
    title: row.title,
    subtitle: row.subtitle,
    imageCaption: row.image_caption,
    paragraphs: parseJsonList<string>(row.paragraphs),
    html: row.html,
    protectedNames: parseJsonList<string>(row.protected_names),
    translatedAt: row.translated_at,
    model: row.model ?? null,
    via: row.via ?? null,
    nameRepairs: parseJsonList<NameRepair>(row.name_repairs),
  };
}

export function itemErrorFromRow(row: Selectable<ItemErrorsTable>): ItemError {
  return {
    id: row.id,
    url: row.url,
    feedId: row.feed_id,
    sourceId: row.source_id,
    stage: row.stage,
    code: row.code,
    message: row.message,
    attempts: row.attempts,
    firstAt: row.first_at,
    lastAt: row.last_at,
  };
}
