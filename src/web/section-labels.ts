/**
 * The sections' labels in the site's language (HAPPENINGS_LANGUAGE): a small table per language,
 * English for a language the table lacks. A label is also an address (`/section/sport`) never: the
 * address uses the key, the label is what readers see.
 */
import { SECTION_KEYS, isSectionKey, normalSectionName, sectionKeyOf, type SectionKey } from './section-taxonomy.js';

type Labels = Record<SectionKey, string>;

/** Sorted by language tag. */
const LABELS: Record<string, Labels> = {
  de: {
    world: 'Welt',
    politics: 'Politik',
    economy: 'Wirtschaft',
    'science-tech': 'Wissenschaft & Technik',
    health: 'Gesundheit',
    sport: 'Sport',
    culture: 'Kultur',
    entertainment: 'Unterhaltung',
    opinion: 'Meinung',
    local: 'Lokales',
  },
  en: {
    world: 'World',
    politics: 'Politics',
    economy: 'Economy',
    'science-tech': 'Science & Tech',
    health: 'Health',
    sport: 'Sport',
    culture: 'Culture',
    entertainment: 'Entertainment',
    opinion: 'Opinion',
    local: 'Local',
  },
  es: {
    world: 'Mundo',
    politics: 'Política',
    economy: 'Economía',
    'science-tech': 'Ciencia y tecnología',
    health: 'Salud',
    sport: 'Deportes',
    culture: 'Cultura',
    entertainment: 'Entretenimiento',
    opinion: 'Opinión',
    local: 'Local',
  },
  fr: {
    world: 'Monde',
    politics: 'Politique',
    economy: 'Économie',
    'science-tech': 'Sciences & Tech',
    health: 'Santé',
    sport: 'Sport',
    culture: 'Culture',
    entertainment: 'Loisirs',
    opinion: 'Opinion',
    local: 'Régions',
  },
  it: {
    world: 'Mondo',
    politics: 'Politica',
    economy: 'Economia',
    'science-tech': 'Scienza e tecnologia',
    health: 'Salute',
    sport: 'Sport',
    culture: 'Cultura',
    entertainment: 'Spettacoli',
    opinion: 'Opinioni',
    local: 'Locale',
  },
  pt: {
    world: 'Mundo',
    politics: 'Política',
    economy: 'Economia',
    'science-tech': 'Ciência e tecnologia',
    health: 'Saúde',
    sport: 'Esportes',
    culture: 'Cultura',
    entertainment: 'Entretenimento',
    opinion: 'Opinião',
    local: 'Local',
  },
};

function labelsFor(siteLanguage: string): Labels {
  const primary = siteLanguage.toLowerCase().split(/[-_]/)[0] ?? '';
  return LABELS[primary] ?? LABELS.en!;
}

/** "sport" in "es" → "Deportes". */
export function sectionLabel(key: SectionKey, siteLanguage: string): string {
  return labelsFor(siteLanguage)[key];
}

/**
 * The section a reader's `?section=` names: a key ("sport"), a label in the site's language or in
 * English ("Science & Tech"), else null (the caller then tries the publishers' names).
 */
export function sectionByLabel(text: string, siteLanguage: string): SectionKey | null {
  const normal = normalSectionName(text);
  if (isSectionKey(normal)) return normal;
  for (const labels of [labelsFor(siteLanguage), LABELS.en!]) {
    const key = SECTION_KEYS.find((k) => normalSectionName(labels[k]) === normal);
    if (key) return key;
  }
  return null;
}

/**
 * What a `?section=` names: one of the site's sections (by key, label, or a publisher's name the
 * rules map: "Deportes" lists all of Sport), else a publisher's name as stored (no rule knows it).
 */
export function sectionChoice(
  text: string | undefined,
  siteLanguage: string,
): { siteSection?: SectionKey; section?: string } {
  if (!text) return {};
  const key = sectionByLabel(text, siteLanguage) ?? sectionKeyOf(text);
  return key ? { siteSection: key } : { section: text };
}
