/**
 * A source's section overrides, set in admin: its own names mapped to the site's sections
 * ("Deportes" → sport) or every article of it to one ("*" → local). Stored on the source as JSON
 * (`sources.section_overrides`, {"Deportes":"sport","*":"local"}), applied when a page is shown.
 * Written and read in admin as one line: `Deportes = sport; * = local`.
 */
import { sectionByLabel } from './section-labels.js';
import { isSectionKey, normalSectionName, sectionKeyOf, type SectionKey } from './section-taxonomy.js';

/** By the source's section name (as normalSectionName gives it), "*" for all; values are keys. */
export type SectionOverrides = Record<string, SectionKey>;

/** The section an article is shown in: its source's override, else the rules, else none. */
export function sectionOf(
  publisherSection: string | null | undefined,
  overrides?: SectionOverrides | null,
): SectionKey | null {
  if (overrides) {
    const own = publisherSection ? overrides[normalSectionName(publisherSection)] : undefined;
    const all = overrides['*'];
    if (own) return own;
    if (all) return all;
  }
  return sectionKeyOf(publisherSection);
}

/** The stored JSON read back; anything malformed is no override (never an error on a page). */
export function readOverrides(json: string | null | undefined): SectionOverrides | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object') return null;
    const entries = Object.entries(value as Record<string, unknown>).filter(
      (e): e is [string, SectionKey] => typeof e[1] === 'string' && isSectionKey(e[1]),
    );
    return entries.length ? Object.fromEntries(entries) : null;
  } catch {
    return null;
  }
}

/** Longest overrides line read in admin: a few dozen names. */
export const MAX_OVERRIDES_LENGTH = 1_000;

/**
 * "Deportes = sport; * = Local" → {deportes: 'sport', '*': 'local'}, or the one-line reason it is
 * not one. A section is named by its key or its label (site language or English); empty clears.
 */
export function parseOverrides(
  text: string,
  siteLanguage: string,
): { overrides: SectionOverrides | null } | { problem: string } {
  if (text.length > MAX_OVERRIDES_LENGTH)
    return { problem: `Section overrides are longer than ${MAX_OVERRIDES_LENGTH} characters.` };
  const overrides: SectionOverrides = {};
  for (const part of text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, section, extra] = part.split('=').map((s) => s.trim());
    if (!name || !section || extra !== undefined)
      return { problem: `Write each section override as "their name = section" ("${part}" is not).` };
    const key = sectionByLabel(section, siteLanguage);
    if (!key) return { problem: `"${section}" is not one of the site's sections.` };
    overrides[name === '*' ? '*' : normalSectionName(name)] = key;
  }
  return { overrides: Object.keys(overrides).length ? overrides : null };
}

/** The overrides as admin shows them: "deportes = sport; * = local". */
export function overridesText(overrides: SectionOverrides | null | undefined): string {
  return Object.entries(overrides ?? {})
    .map(([name, key]) => `${name} = ${key}`)
    .join('; ');
}
