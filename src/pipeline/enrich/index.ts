/**
 * Enrich: the people, organisations and places an article names. Known names come from the
 * spellings table (one entity across languages: Pionyang = Pyongyang); other names are runs of
 * capitalised words inside sentences, kept when they span two words or recur (kind "name": not
 * classified yet). Pure: no I/O.
 */
import type { Article, Translation } from '../../model.js';
import { countriesOf } from './countries.js';
import { readText, type Mention } from './mentions.js';
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
export function enrichArticle(article: Pick<Article, 'title' | 'paragraphs'>, translations: Translation[]): Enrichment {
  const english = translations.find((t) => t.language === 'en');
  const texts = [article.title, article.paragraphs.join('\n')];
  if (english) texts.push(english.title, english.paragraphs.join('\n'));
  const entities = extractEntities(texts);
  return { entities, countries: countriesOf(entities) };
}

/** Entities of an article's title and text (and its translation, whose names were kept as written). */
export function extractEntities(texts: string[]): ArticleEntity[] {
  const mentions: Mention[] = [];
  for (const text of texts) mentions.push(...readText(text));
  return entitiesOf(mentions);
}

/** Counts mentions per entity; drops one-word unknown names seen once (sentence noise, adjectives). */
export function entitiesOf(mentions: Mention[]): ArticleEntity[] {
  const byKey = new Map<string, ArticleEntity>();
  for (const m of mentions) {
    const kind = m.known?.kind ?? 'name';
    const normalizedName = foldName(m.name);
    const key = `${kind}:${normalizedName}`;
    const e = byKey.get(key);
    if (e) e.mentions++;
    else byKey.set(key, { kind, name: m.name, normalizedName, mentions: 1 });
  }
  return foldShortForms([...byKey.values()])
    .filter((e) => e.kind !== 'name' || e.name.includes(' ') || e.mentions >= 2)
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * A one-word unknown name that is the last word of a longer entity of the same article ("Macron"
 * after "Emmanuel Macron") is that entity's short form: its mentions count for the long one.
 */
function foldShortForms(entities: ArticleEntity[]): ArticleEntity[] {
  const long = entities.filter((e) => e.normalizedName.includes(' '));
  return entities.filter((e) => {
    if (e.kind !== 'name' || e.normalizedName.includes(' ')) return true;
    const owner = long.find((l) => l.normalizedName.endsWith(` ${e.normalizedName}`));
    if (owner) owner.mentions += e.mentions;
    return !owner;
  });
}
