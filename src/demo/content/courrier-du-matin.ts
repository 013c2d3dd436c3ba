/** Outlet 3: Le Courrier du Matin (French, Google News sitemap). Invented outlet. */
import type { DemoOutlet } from './types.js';
import { frenchLabels } from './labels.js';

export const courrierDuMatin: DemoOutlet = {
  id: 'courrier-du-matin',
  name: 'Le Courrier du Matin',
  language: 'fr',
  locale: 'fr_FR',
  timeZone: 'Europe/Paris',
  template: 'basic',
  articlePath: '/{section}/article/{slug}',
  feed: {
    format: 'news-sitemap',
    path: '/sitemap-news.xml',
    title: 'Le Courrier du Matin',
    description: 'Plan du site actualités',
  },
  menu: ['International', 'Politique', 'Économie', 'Culture', 'Sports'],
  labels: frenchLabels,
  articles: [
    {
      slug: 'macron-recoit-lula-da-silva-a-l-elysee',
      event: 'macron-lula-elysee',
      section: 'International',
      sectionSlug: 'international',
      headline: 'Emmanuel Macron reçoit Lula da Silva à l’Élysée pour parler climat et commerce',
      standfirst:
        'Les deux présidents affichent leur entente sur l’Amazonie, mais restent divisés sur l’accord avec le Mercosur.',
      author: 'Claire Dubois',
      hoursAgo: 6,
      image: {
        file: 'IMG_20261113_1120.jpg',
        alt: 'IMG_20261113_1120.jpg',
        caption: 'IMG_20261113_1120.jpg',
        credit: 'Photo Courrier du Matin',
      },
      paragraphs: [
        'Le président de la République, <strong>Emmanuel Macron</strong>, a reçu mercredi son homologue brésilien, <strong>Lula da Silva</strong>, pour un déjeuner de travail consacré au climat, à la protection de l’Amazonie et aux échanges commerciaux.',
        'Sur le perron de l’Élysée, les deux dirigeants ont multiplié les gestes d’amitié. « Nous partageons la même conviction : la forêt amazonienne est un bien commun de l’humanité », a déclaré <a href="/sujet/emmanuel-macron">Emmanuel Macron</a>.',
        'Le désaccord sur l’accord entre l’Union européenne et le Mercosur n’a pourtant pas disparu. <strong>Lula </strong>a redit son souhait de conclure rapidement, tandis que Paris continue d’exiger des garanties pour ses agriculteurs.',
        'Les deux chefs d’État ont annoncé la création d’un fonds commun pour la recherche sur la biodiversité tropicale, doté de plusieurs dizaines de millions d’euros, et un programme d’échanges entre universités de Guyane et du Pará.',
      ],
      tags: ['Brésil', 'Diplomatie', 'Emmanuel Macron', 'Lula da Silva'],
    },
    {
      slug: 'lyon-prepare-une-fete-des-lumieres-plus-sobre',
      event: 'lyon-festival-of-lights',
      section: 'Culture',
      sectionSlug: 'culture',
      headline: 'Lyon prépare une Fête des lumières plus sobre en énergie',
      standfirst: 'La ville promet des installations lumineuses alimentées en partie par des panneaux solaires.',
      author: 'Julien Morel',
      hoursAgo: 28,
      image: {
        file: 'lyon-fourviere.jpg',
        alt: 'La basilique de Fourvière illuminée',
        caption: 'La colline de Fourvière lors de la précédente édition.',
        credit: 'Photo Courrier du Matin',
      },
      paragraphs: [
        'À quelques semaines de l’ouverture, la ville de <strong>Lyon</strong> a dévoilé le programme de sa Fête des lumières, qui accueillera cette année une trentaine d’installations réparties entre la Presqu’île, le Vieux-Lyon et les pentes de la Croix-Rousse.',
        'La municipalité promet une édition « plus sobre » : les projecteurs à LED remplaceront les dernières lampes halogènes et plusieurs œuvres seront alimentées par des panneaux solaires installés sur les toits voisins.',
        'Les artistes invités viennent de onze pays. Une création collective d’élèves des écoles d’art de la région sera projetée sur la façade de la cathédrale Saint-Jean.',
        'Les organisateurs attendent près de deux millions de visiteurs sur quatre soirs et recommandent de privilégier les transports en commun.',
      ],
      tags: ['Lyon', 'Festivals'],
    },
  ],
};
