/**
 * The site's sections as the store data shows them: publishers' section names read from the store,
 * the sources with their section overrides (both reused SLOW_LIST_TTL_MS), the site's sections with
 * articles, the store filter for one of them, and the site section of a line.
 */
import type { SourceWithHealth, Store } from '../store/index.js';
import { sectionsFilter, type SourceOverrides } from './section-filter.js';
import { sectionLabel } from './section-labels.js';
import { readOverrides, sectionOf } from './section-overrides.js';
import { SECTION_KEYS, type SectionKey } from './section-taxonomy.js';
import type { SourceView } from './site-data.js';
import { remembered } from './store-data-reuse.js';

/** Lists that change only when sources are added or fetched are reused this long (a search page needs both). */
export const SLOW_LIST_TTL_MS = 30_000;
/**
 * Publishers' section names read to map to the site's sections, most articles first: the long tail
 * past these is a few articles each, and a name read here is one parameter of a section's query.
 */
const MAX_STORED_SECTIONS = 300;

export function storeSections(store: Store, language: string) {
  const storedSections = remembered(SLOW_LIST_TTL_MS, () => store.articleSections(MAX_STORED_SECTIONS));
  const sourceLists = remembered(SLOW_LIST_TTL_MS, async () => {
    const rows = await store.sourceList();
    const overrides: SourceOverrides[] = rows.flatMap((s) => {
      const read = readOverrides(s.sectionOverrides);
      return read ? [{ sourceId: s.id, overrides: read }] : [];
    });
    return {
      views: rows.map(sourceView),
      overrides,
      bySource: new Map(overrides.map((o) => [o.sourceId, o.overrides])),
    };
  });
  /** Overrides by source as last read (sourceLists, 30 s): lines are made with them. */
  let overridesBySource = new Map<number, SourceOverrides['overrides']>();
  return {
    sourceViews: async () => (await sourceLists()).views,
    /** The site's sections with articles, most articles first, as labels in the site language. */
    sections: async () => {
      const [stored, { overrides }] = await Promise.all([storedSections(), sourceLists()]);
      const counts = new Map<SectionKey, number>();
      for (const { section, count } of stored) {
        const key = sectionOf(section);
        if (key) counts.set(key, (counts.get(key) ?? 0) + count);
      }
      // A source's "everything is Local" offers Local even before a rule maps any of its names.
      for (const o of overrides) for (const key of Object.values(o.overrides)) if (!counts.has(key)) counts.set(key, 0);
      return SECTION_KEYS.filter((k) => counts.has(k))
        .sort((a, b) => counts.get(b)! - counts.get(a)!)
        .map((k) => sectionLabel(k, language));
    },
    filterOf: async (key: SectionKey) => {
      const [stored, { overrides }] = await Promise.all([storedSections(), sourceLists()]);
      return sectionsFilter(
        key,
        stored.map((s) => s.section),
        overrides,
      );
    },
    /** Reads the overrides again (they are reused 30 s): before a list's lines are made. */
    refresh: async () => {
      overridesBySource = (await sourceLists()).bySource;
    },
    /** A line's site section, with its source's overrides as last read. */
    sectionOf: (row: { section: string | null; sourceId?: number | null }) =>
      sectionOf(row.section, row.sourceId ? overridesBySource.get(row.sourceId) : null),
  };
}

export function sourceView(s: SourceWithHealth): SourceView {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    language: s.language,
    articleCount: s.articleCount,
    lastSuccessAt: s.lastSuccessAt,
    errorCount: s.errorCount,
    lastError: s.lastError,
    lastErrorCode: s.lastErrorCode,
    excerptOnly: s.excerptOnly,
  };
}
