/**
 * Enrich: the people, organisations and places an article names. Known names come from the
 * spellings table (one entity across languages: Pionyang = Pyongyang); other names are runs of
 * capitalised words inside sentences, kept when they span two words or recur (kind "name": not
 * classified yet). Pure: no I/O.
 */
import type { Article, Translation } from '../../model.js';
import { countriesOf } from './countries.js';
import { isAcronym, readText, type Mention } from './mentions.js';
import { foldName } from './spellings.js';

export interface ArticleEntity {
  kind: string;
  name: string;
  normalizedName: string;
  mentions: number;
}

export interface Enrichment {
  entities: ArticleEntity[];
  /** Countries of the places named, most mentioned first (a story's countries: ./countries.ts). */
  countries: string[];
}

/** The entities of an article, read in its own text and in its English translation (names kept as written). */
export function enrichArticle(
  article: Pick<Article, 'title' | 'paragraphs'>,
  translations: Translation[],
  language: string | null = null,
): Enrichment {
  const english = translations.find((t) => t.language === 'en');
  const mentions = [
    ...readText(article.title, undefined, language),
    ...readText(article.paragraphs.join('\n'), undefined, language),
  ];
  if (english)
    mentions.push(
      ...readText(english.title, undefined, 'en'),
      ...readText(english.paragraphs.join('\n'), undefined, 'en'),
    );
  const entities = entitiesOf(mentions);
  return { entities, countries: countriesOf(entities) };
}

/** Entities of an article's title and text (and its translation, whose names were kept as written). */
export function extractEntities(texts: string[], language: string | null = null): ArticleEntity[] {
  const mentions: Mention[] = [];
  for (const text of texts) mentions.push(...readText(text, undefined, language));
  return entitiesOf(mentions);
}

/**
 * Counts mentions per entity. Kept: known entities, names of two words or more, and one-word names
 * that recur, follow a place word ("in Bilbao") or are acronyms; a capitalised word at a sentence
 * start counts only for a name found elsewhere; a surname alone counts for its full name.
 */
export function entitiesOf(mentions: Mention[]): ArticleEntity[] {
  const byKey = new Map<string, ArticleEntity & { kept: boolean }>();
  for (const m of mentions) {
    if (m.atStart) continue;
    const kind = m.known?.kind ?? 'name';
    const normalizedName = foldName(m.name);
    const key = `${kind}:${normalizedName}`;
    const kept = kind !== 'name' || normalizedName.includes(' ') || !!m.afterPlaceWord || isAcronym(m.name);
    const e = byKey.get(key);
    if (e) {
      e.mentions++;
      e.kept ||= kept;
    } else byKey.set(key, { kind, name: m.name, normalizedName, mentions: 1, kept });
  }
  for (const m of mentions) {
    if (!m.atStart) continue;
    const e = byKey.get(`name:${foldName(m.name)}`) ?? byKey.get(`person:${foldName(m.name)}`);
    if (e) e.mentions++;
    else {
      const folded = foldName(m.name);
      const owner = [...byKey.values()].find(
        (l) => (l.kind === 'person' || l.kind === 'name') && isPartOf(folded, l.normalizedName),
      );
      if (owner) owner.mentions++;
    }
  }
  return foldShortForms([...byKey.values()])
    .filter((e) => e.kept || e.mentions >= 2)
    .map(({ kept: _kept, ...e }) => e)
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * A one-word name or person that is a word (not the first) of a longer person or name of the same
 * article ("Macron" after "Emmanuel Macron", "Putin" after "Vladimir Putin", "Lula" after "Luiz
 * Inácio Lula da Silva") is its short form: its mentions count for the long one.
 */
function foldShortForms<E extends ArticleEntity>(entities: E[]): E[] {
  const long = entities.filter((e) => (e.kind === 'person' || e.kind === 'name') && e.normalizedName.includes(' '));
  return entities.filter((e) => {
    if (e.kind !== 'name' && e.kind !== 'person') return true;
    const owner = long.find((l) => l !== e && isPartOf(e.normalizedName, l.normalizedName));
    if (owner) owner.mentions += e.mentions;
    return !owner;
  });
}

/** Whether `short` is a run of whole words of `long` after its first word ("funes de rioja" of "daniel funes de rioja"). */
function isPartOf(short: string, long: string): boolean {
  const rest = long.split(' ').slice(1).join(' ');
  return short.length < long.length && ` ${rest} `.includes(` ${short} `);
}
