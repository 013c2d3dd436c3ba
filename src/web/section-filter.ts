/**
 * From one of the site's sections to the store's filter (store/articles.ts SectionsFilter): the
 * publishers' names the rules map to it, and the sources whose overrides decide for themselves.
 * Built per request from two lists the data layer keeps 30 s (stored names, sources' overrides).
 */
import type { SectionsFilter } from '../store/index.js';
import { sectionOf, type SectionOverrides } from './section-overrides.js';
import { sectionKeyOf, type SectionKey } from './section-taxonomy.js';

export interface SourceOverrides {
  sourceId: number;
  overrides: SectionOverrides;
}

/**
 * 1. names: stored names the rules map to `key`, for sources without overrides; 2. a source whose
 * overrides put everything ("*") in `key`: all its articles; 3. otherwise each stored name its
 * overrides (or the rules) map to `key`, as a (source, name) pair. A source with "*" elsewhere and
 * one name mapped here matches by that pair.
 */
export function sectionsFilter(key: SectionKey, storedNames: string[], sources: SourceOverrides[]): SectionsFilter {
  const filter: SectionsFilter = {
    names: storedNames.filter((name) => sectionKeyOf(name) === key),
    exceptSources: sources.map((s) => s.sourceId),
    allOfSources: [],
    pairs: [],
  };
  for (const { sourceId, overrides } of sources) {
    if (overrides['*'] === key) filter.allOfSources.push(sourceId);
    else
      for (const name of storedNames)
        if (sectionOf(name, overrides) === key) filter.pairs.push({ sourceId, section: name });
  }
  return filter;
}
