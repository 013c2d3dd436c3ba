/**
 * Enrich: the people, organisations and places an article names. Known names come from the
 * spellings table (one entity across languages: Pionyang = Pyongyang); other names are runs of
 * capitalised words inside sentences, kept when they span two words or recur (kind "name": not
 * classified yet). Pure: no I/O.
 */
import { addTerms, type Mention } from '../cluster/features.js';
import { foldName } from './spellings.js';

export interface ArticleEntity {
  kind: string;
  name: string;
  normalizedName: string;
  mentions: number;
}

/** Entities of an article's title and text (and its translation, whose names were kept as written). */
export function extractEntities(texts: string[]): ArticleEntity[] {
  const mentions: Mention[] = [];
  for (const text of texts) mentions.push(...addTerms(text, new Map()));
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
