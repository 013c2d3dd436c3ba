/**
 * One section taxonomy for the whole site: the publishers' own section names ("Internacional",
 * "Welt", "Deportes", "UK") mapped to a few keys, shown with labels in the site's language
 * (section-labels.ts). The mapping runs when a page is shown, per item and cheap: a lookup in a
 * table of words, so a changed rule or a source's override needs no re-ingest.
 *
 * Choices: a country or nation as a section ("UK", "España", "Brasil", "Nacional", "Inland") is
 * World: this is a wire read across countries, and one publisher's home news is foreign news to
 * most readers; "Local" is for regions and cities (Región, Regional, Lokales, Cidades). A name no
 * rule knows maps to no section (no "Other" bucket): the article keeps its publisher's section on
 * its own page and is reached through the lists, search and its source.
 */

/** The sections, in the order the site offers them. */
export const SECTION_KEYS = [
  'world',
  'politics',
  'economy',
  'science-tech',
  'health',
  'sport',
  'culture',
  'entertainment',
  'opinion',
  'local',
] as const;

export type SectionKey = (typeof SECTION_KEYS)[number];

export function isSectionKey(text: string): text is SectionKey {
  return (SECTION_KEYS as readonly string[]).includes(text);
}

/**
 * Words of publishers' section names, lower-case and without accents, by section; es, pt, fr, de,
 * it, en (and a few Catalan and Dutch ones the demo and shared data use). A name maps by its whole
 * text first, then by its first word that is in the table ("Sport e motori" → sport).
 */
const WORDS: Record<SectionKey, string[]> = {
  world: [
    'world',
    'international',
    'internacional',
    'internacionales',
    'mundo',
    'monde',
    'welt',
    'ausland',
    'mondo',
    'esteri',
    'international news',
    'world news',
    'global',
    'europe',
    'europa',
    'americas',
    'america',
    'asia',
    'africa',
    'afrique',
    'middle east',
    'oriente medio',
    'latinoamerica',
    'america latina',
    'uk',
    'us',
    'usa',
    'u.s',
    'u.k',
    'britain',
    'england',
    'scotland',
    'wales',
    'ireland',
    'espana',
    'spain',
    'brasil',
    'brazil',
    'france',
    'frankreich',
    'deutschland',
    'germany',
    'allemagne',
    'italia',
    'italy',
    'italie',
    'portugal',
    'mexico',
    'argentina',
    'chile',
    'colombia',
    'peru',
    'nacional',
    'national',
    'nation',
    'inland',
    'interno',
    'cronaca',
    'nazionale',
    'pais',
    'país',
    'wereld',
    'buitenland',
    'mon',
  ],
  politics: [
    'politics',
    'politica',
    'politicas',
    'politique',
    'politik',
    'politiek',
    'government',
    'elections',
    'elecciones',
    'eleicoes',
    'wahl',
  ],
  economy: [
    'economy',
    'economia',
    'economie',
    'wirtschaft',
    'business',
    'money',
    'finance',
    'finanzas',
    'financas',
    'finances',
    'finanzen',
    'markets',
    'mercados',
    'marches',
    'negocios',
    'empresas',
    'mercado',
    'dinero',
    'dinheiro',
    'borse',
    'economia e finanza',
    'economie et entreprises',
    'economics',
    'trabajo',
    'work',
    'jobs',
  ],
  'science-tech': [
    'science',
    'ciencia',
    'ciencias',
    'sciences',
    'scienza',
    'wissenschaft',
    'wissen',
    'technology',
    'tech',
    'tecnologia',
    'technologie',
    'technik',
    'digital',
    'internet',
    'environment',
    'medio ambiente',
    'ambiente',
    'environnement',
    'umwelt',
    'clima',
    'climate',
    'klima',
    'science & environment',
    'science and tech',
    'science & tech',
    'ciencia y tecnologia',
    'ciencia e tecnologia',
    'sciences et techno',
    'innovation',
  ],
  health: [
    'health',
    'salud',
    'saude',
    'sante',
    'gesundheit',
    'salute',
    'medicine',
    'medicina',
    'wellness',
    'bienestar',
  ],
  sport: [
    'sport',
    'sports',
    'deportes',
    'deporte',
    'esportes',
    'esporte',
    'desporto',
    'sportif',
    'football',
    'futbol',
    'futebol',
    'fussball',
    'calcio',
    'soccer',
    'tennis',
    'basketball',
    'baloncesto',
    'olympics',
    'esports',
  ],
  culture: [
    'culture',
    'cultura',
    'kultur',
    'cultuur',
    'arts',
    'art',
    'arte',
    'books',
    'libros',
    'livros',
    'livres',
    'bucher',
    'literature',
    'literatura',
    'music',
    'musica',
    'musique',
    'musik',
    'feuilleton',
    'ideas',
    'ideias',
    'theatre',
    'teatro',
    'cinema',
    'cine',
    'film',
    'films',
    'kino',
    'history',
    'historia',
  ],
  entertainment: [
    'entertainment',
    'espectaculos',
    'espetaculos',
    'spettacoli',
    'gente',
    'people',
    'celebrity',
    'celebrities',
    'famosos',
    'tv',
    'television',
    'televisao',
    'fernsehen',
    'lifestyle',
    'estilo',
    'style',
    'vida',
    'leben',
    'panorama',
    'unterhaltung',
    'loisirs',
    'ocio',
    'lazer',
    'tendencias',
    'gastronomia',
    'food',
    'travel',
    'viajes',
  ],
  opinion: [
    'opinion',
    'opiniao',
    'opinione',
    'opinions',
    'meinung',
    'kommentar',
    'kommentare',
    'editorial',
    'editoriales',
    'editoriale',
    'columns',
    'columnas',
    'colunas',
    'tribunes',
    'tribuna',
    'commentary',
    'comment',
    'analysis',
    'analisis',
    'analise',
    'debate',
    'debates',
    'cartas',
    'letters',
    'blogs de opinion',
  ],
  local: [
    'local',
    'locales',
    'lokales',
    'lokal',
    'region',
    'regional',
    'regiones',
    'regionais',
    'regions',
    'regionen',
    'cidades',
    'ciudad',
    'ciudades',
    'city',
    'cities',
    'metro',
    'ville',
    'villes',
    'stadt',
    'comunidad',
    'comunidades',
    'provincia',
    'provincias',
    'cronaca locale',
    'territori',
    'quartier',
    'barrios',
    'municipios',
  ],
};

/** "Política" → "politica", "Science & Tech" → "science & tech": lower-case, accents off, spaces single. */
export function normalSectionName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const KEY_OF_NAME = new Map<string, SectionKey>(
  SECTION_KEYS.flatMap((key) => WORDS[key].map((word) => [normalSectionName(word), key] as const)),
);

/**
 * Publishers' section names already read: a site has a few hundred, and every new result line asks
 * for its own (reading one is a Unicode decomposition and five passes of regular expressions).
 */
const keyOfSection = new Map<string, SectionKey | null>();
/** Names kept at most; past it the map starts again (names are publishers' input, without end). */
const MAX_SECTION_NAMES = 2_000;

/** The section of a publisher's section name, or null when no rule knows it. */
export function sectionKeyOf(name: string | null | undefined): SectionKey | null {
  if (!name) return null;
  let key = keyOfSection.get(name);
  if (key === undefined) {
    if (keyOfSection.size >= MAX_SECTION_NAMES) keyOfSection.clear();
    keyOfSection.set(name, (key = readSectionName(name)));
  }
  return key;
}

function readSectionName(name: string): SectionKey | null {
  const normal = normalSectionName(name);
  const whole = KEY_OF_NAME.get(normal) ?? KEY_OF_NAME.get(normal.replace(/[.]/g, ''));
  if (whole) return whole;
  // "Deportes / Fútbol", "Sport e motori", "Política internacional" (the first known word decides);
  // words of three letters or fewer only as the whole name ("US" yes, "About us" no).
  for (const word of normal.split(/[\s/,&-]+/)) {
    const key = word.length > 3 ? KEY_OF_NAME.get(word) : undefined;
    if (key) return key;
  }
  return null;
}
