/**
 * The source list a new instance starts with: real publishers' public feeds in several languages,
 * Spanish first (the language Apertium translates best into English). Sorted by language, then name.
 * Offline, each shows its fetch error on /sources and the site still serves.
 */
export interface DefaultSource {
  name: string;
  url: string;
  feedUrl: string;
  language: string;
}

export const defaultSources: DefaultSource[] = [
  { language: 'ca', name: 'VilaWeb', url: 'https://www.vilaweb.cat/', feedUrl: 'https://www.vilaweb.cat/feed/' },
  {
    language: 'de',
    name: 'Deutsche Welle',
    url: 'https://www.dw.com/de/',
    feedUrl: 'https://rss.dw.com/rdf/rss-de-all',
  },
  {
    language: 'en',
    name: 'BBC News',
    url: 'https://www.bbc.com/news',
    feedUrl: 'https://feeds.bbci.co.uk/news/world/rss.xml',
  },
  {
    language: 'es',
    name: 'BBC News Mundo',
    url: 'https://www.bbc.com/mundo',
    feedUrl: 'https://feeds.bbci.co.uk/mundo/rss.xml',
  },
  {
    language: 'es',
    name: 'El País',
    url: 'https://elpais.com/',
    feedUrl: 'https://feeds.elpais.com/mrss-s/pages/ep/site/elpais.com/portada',
  },
  { language: 'es', name: 'elDiario.es', url: 'https://www.eldiario.es/', feedUrl: 'https://www.eldiario.es/rss/' },
  {
    language: 'es',
    name: 'France 24 (español)',
    url: 'https://www.france24.com/es/',
    feedUrl: 'https://www.france24.com/es/rss',
  },
  { language: 'fr', name: 'Le Monde', url: 'https://www.lemonde.fr/', feedUrl: 'https://www.lemonde.fr/rss/une.xml' },
  {
    language: 'pt',
    name: 'Folha de S.Paulo',
    url: 'https://www.folha.uol.com.br/',
    feedUrl: 'https://feeds.folha.uol.com.br/emcimadahora/rss091.xml',
  },
];
