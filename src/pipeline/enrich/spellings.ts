/**
 * One entity across its spellings: places, organisations and people that languages write
 * differently (Pionyang = Pyongyang, Kreml = Kremlin, Espagne = Spain). Each row: kind, the English
 * key form, then other spellings in any language. Data, not code: extend freely, one line each,
 * sorted by key. The translation gazetteer (../translate/gazetteer.ts) is read too.
 */
import { gazetteer } from '../translate/gazetteer.js';

export type EntityKind = 'person' | 'organisation' | 'place';

export interface SpellingRow {
  kind: EntityKind;
  key: string;
  spellings: readonly string[];
}

export const spellingRows: readonly SpellingRow[] = [
  { kind: 'place', key: 'Argentina', spellings: ['Argentine', 'Argentinien', 'Аргентина'] },
  { kind: 'place', key: 'Beijing', spellings: ['Pekín', 'Pékin', 'Peking', 'Pequim', 'Pechino', 'Пекин', 'Pekin'] },
  { kind: 'place', key: 'Belgium', spellings: ['Bélgica', 'Belgique', 'Belgien', 'Bèlgica', 'Belgio', 'Belgika'] },
  { kind: 'place', key: 'Brazil', spellings: ['Brasil', 'Brésil', 'Brasilien', 'Brasile', 'Бразилия'] },
  {
    kind: 'place',
    key: 'Brussels',
    spellings: ['Bruselas', 'Bruxelles', 'Brüssel', 'Bruxelas', 'Brussel·les', 'Bruxelas'],
  },
  {
    kind: 'place',
    key: 'Catalonia',
    spellings: ['Cataluña', 'Catalunya', 'Catalogne', 'Katalonien', 'Catalunha', 'Catalogna', 'Cataluña', 'Katalunia'],
  },
  { kind: 'place', key: 'China', spellings: ['Chine', 'Cina', 'Xina', 'Китай', 'Txina'] },
  {
    kind: 'place',
    key: 'England',
    spellings: ['Inglaterra', 'Angleterre', 'Anglaterra', 'Inghilterra', 'Англия', 'Ingalaterra'],
  },
  {
    kind: 'organisation',
    key: 'European Union',
    spellings: [
      'Unión Europea',
      'Union européenne',
      'Europäische Union',
      'União Europeia',
      'Unione europea',
      'Unió Europea',
      'EU',
      'UE',
      'Europar Batasuna',
      'EB',
    ],
  },
  { kind: 'place', key: 'France', spellings: ['Francia', 'Frankreich', 'França', 'Франция', 'Frantzia'] },
  { kind: 'place', key: 'Geneva', spellings: ['Ginebra', 'Genève', 'Genf', 'Genebra', 'Ginevra'] },
  {
    kind: 'place',
    key: 'Germany',
    spellings: ['Alemania', 'Allemagne', 'Deutschland', 'Alemanha', 'Germania', 'Alemanya', 'Германия'],
  },
  { kind: 'place', key: 'Greece', spellings: ['Grecia', 'Grèce', 'Griechenland', 'Grécia', 'Grècia', 'Grezia'] },
  { kind: 'place', key: 'Indonesia', spellings: ['Indonésia', 'Indonésie', 'Indonesien', 'Индонезия'] },
  { kind: 'place', key: 'Italy', spellings: ['Italia', 'Italie', 'Italien', 'Itália', 'Itàlia', 'Италия'] },
  { kind: 'place', key: 'Japan', spellings: ['Japón', 'Japon', 'Japão', 'Giappone', 'Japó', 'Япония', 'Japonia'] },
  { kind: 'place', key: 'Lisbon', spellings: ['Lisboa', 'Lisbonne', 'Lissabon', 'Lisbona'] },
  { kind: 'place', key: 'London', spellings: ['Londres', 'Londra', 'Лондон'] },
  { kind: 'place', key: 'Mexico', spellings: ['México', 'Mexique', 'Mexiko', 'Messico', 'Mèxic', 'Мексика'] },
  {
    kind: 'place',
    key: 'Morocco',
    spellings: ['Marruecos', 'Maroc', 'Marokko', 'Marrocos', 'Marocco', 'Marroc', 'Maroko'],
  },
  { kind: 'place', key: 'Moscow', spellings: ['Moscú', 'Moscou', 'Moskau', 'Mosca', 'Москва', 'Mosku'] },
  { kind: 'organisation', key: 'NATO', spellings: ['OTAN', 'NATO', 'НАТО'] },
  {
    kind: 'place',
    key: 'Netherlands',
    spellings: ['Países Bajos', 'Pays-Bas', 'Niederlande', 'Paesi Bassi', 'Herbehereak'],
  },
  {
    kind: 'place',
    key: 'North Korea',
    spellings: ['Corea del Norte', 'Corée du Nord', 'Nordkorea', 'Coreia do Norte', 'Северная Корея', 'Ipar Korea'],
  },
  { kind: 'place', key: 'Portugal', spellings: ['Portogallo', 'Португалия'] },
  { kind: 'place', key: 'Russia', spellings: ['Rusia', 'Russie', 'Russland', 'Rússia', 'Россия', 'Errusia'] },
  {
    kind: 'place',
    key: 'Scotland',
    spellings: ['Escocia', 'Écosse', 'Schottland', 'Escócia', 'Scozia', 'Escòcia', 'Eskozia', 'Шотландия'],
  },
  {
    kind: 'place',
    key: 'South Korea',
    spellings: ['Corea del Sur', 'Corée du Sud', 'Südkorea', 'Coreia do Sul', 'Южная Корея', 'Hego Korea'],
  },
  {
    kind: 'place',
    key: 'Spain',
    spellings: ['España', 'Espagne', 'Spanien', 'Espanha', 'Spagna', 'Espanya', 'Испания', 'Espainia'],
  },
  { kind: 'place', key: 'Strasbourg', spellings: ['Estrasburgo', 'Straßburg', 'Strasburgo'] },
  {
    kind: 'place',
    key: 'Switzerland',
    spellings: ['Suiza', 'Suisse', 'Schweiz', 'Suíça', 'Svizzera', 'Suïssa', 'Suitza'],
  },
  {
    kind: 'place',
    key: 'Turkey',
    spellings: ['Turquía', 'Turquie', 'Türkei', 'Turquia', 'Turchia', 'Турция', 'Turkia'],
  },
  { kind: 'place', key: 'Ukraine', spellings: ['Ucrania', 'Ukraine', 'Ucrânia', 'Ucraina', 'Ucraïna', 'Украина'] },
  {
    kind: 'organisation',
    key: 'United Nations',
    spellings: [
      'Naciones Unidas',
      'Nations unies',
      'Vereinte Nationen',
      'Nações Unidas',
      'ONU',
      'UN',
      'ООН',
      'Nazio Batuak',
      'NBE',
    ],
  },
  {
    kind: 'place',
    key: 'United Kingdom',
    spellings: [
      'Reino Unido',
      'Royaume-Uni',
      'Vereinigtes Königreich',
      'Regno Unito',
      'Regne Unit',
      'UK',
      'Erresuma Batua',
    ],
  },
  {
    kind: 'place',
    key: 'United States',
    spellings: [
      'Estados Unidos',
      'États-Unis',
      'Vereinigte Staaten',
      'Stati Uniti',
      'Estats Units',
      'EEUU',
      'EE.UU.',
      'USA',
      'US',
      'США',
      'Estatu Batuak',
      'AEB',
    ],
  },
  { kind: 'place', key: 'Europe', spellings: ['Europa', 'Европа'] },
  {
    kind: 'organisation',
    key: 'European Commission',
    spellings: [
      'Comisión Europea',
      'Commission européenne',
      'Europäische Kommission',
      'Comissão Europeia',
      'Commissione europea',
      'Comissió Europea',
      'Европейская комиссия',
    ],
  },
  { kind: 'place', key: 'Poland', spellings: ['Polonia', 'Pologne', 'Polen', 'Polônia', 'Polónia', 'Польша'] },
  { kind: 'place', key: 'Rome', spellings: ['Roma', 'Рим'] },
  {
    kind: 'organisation',
    key: 'Élysée',
    spellings: ['Elíseo', 'Palacio del Elíseo', 'Élysée Palace', 'Elysee', 'Élysée-Palast', 'Eliseu'],
  },
  { kind: 'place', key: 'Wales', spellings: ['Gales', 'pays de Galles', 'Galles', 'País de Gal·les', 'Уэльс'] },
  { kind: 'place', key: 'Washington', spellings: ['Washington', 'Вашингтон'] },
];

/** Accent-free lower case, Cyrillic written in Latin letters, so spellings compare across scripts. */
export function foldName(text: string): string {
  const lower = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return lower.replace(/[а-яё]/g, (c) => cyrillic[c] ?? c);
}

// Scientific-style transliteration, close to what English news writes (Путин → putin, Шойгу → shoigu).
const cyrillic: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

export interface KnownEntity {
  kind: EntityKind;
  key: string;
}

/** A spelling as a lookup key: folded, punctuation and hyphens as single spaces ("EE.UU." → "ee uu"). */
export function spellingKey(text: string): string {
  return foldName(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Spelling keys written as acronyms (US, UE, ONU): they match only text in capitals ("us" is a word). */
export const knownAcronyms = new Set<string>();

/** Spelling key → the entity, over this table and the translation gazetteer (people there). */
export const knownSpellings: ReadonlyMap<string, KnownEntity> = (() => {
  const out = new Map<string, KnownEntity>();
  const add = (spelling: string, entity: KnownEntity) => {
    const key = spellingKey(spelling);
    out.set(key, entity);
    if (spelling.length <= 5 && spelling === spelling.toUpperCase()) knownAcronyms.add(key);
  };
  for (const entry of gazetteer) {
    const key = typeof entry.forms.en === 'string' ? entry.forms.en : entry.forms.en![0]!;
    const kind: EntityKind = entry.kind === 'l' ? 'place' : entry.kind === 'o' ? 'organisation' : 'person';
    for (const f of Object.values(entry.forms)) for (const s of typeof f === 'string' ? [f] : f) add(s, { kind, key });
  }
  for (const row of spellingRows) for (const s of [row.key, ...row.spellings]) add(s, { kind: row.kind, key: row.key });
  return out;
})();
