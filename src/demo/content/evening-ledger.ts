/** Outlet 6: The Evening Ledger (English, RSS 2.0 with full content). Invented outlet. */
import type { DemoOutlet } from './types.js';
import { englishLabels } from './labels.js';

export const eveningLedger: DemoOutlet = {
  id: 'evening-ledger',
  name: 'The Evening Ledger',
  language: 'en',
  locale: 'en_GB',
  timeZone: 'Europe/London',
  template: 'basic',
  articlePath: '/news/{section}/{slug}',
  feed: {
    format: 'rss',
    path: '/rss',
    title: 'The Evening Ledger',
    description: 'World news from The Evening Ledger',
    fullContent: true,
  },
  menu: ['World', 'UK', 'Business', 'Culture', 'Sport'],
  labels: englishLabels,
  articles: [
    {
      slug: 'putin-and-shoigu-meet-security-council',
      event: 'putin-security-council-shoigu-report',
      section: 'World',
      sectionSlug: 'world',
      headline: 'Putin convenes Security Council as Shoigu reports on Pyongyang visit',
      standfirst: 'The Kremlin says the meeting focused on "strategic partnership" with North Korea.',
      author: 'James Whitaker',
      hoursAgo: 4,
      image: {
        file: 'IMG_20261113_1801.jpg',
        alt: 'IMG_20261113_1801.jpg',
        caption: 'IMG_20261113_1801.jpg',
        credit: 'Photo: Evening Ledger',
      },
      paragraphs: [
        'Russian President <strong>Vladimir Putin</strong> convened his Security Council on Thursday to hear a report from its secretary, <strong>Sergei Shoigu</strong>, on his talks in <a href="/topic/pyongyang">Pyongyang</a> earlier this week.',
        'According to a short statement published by <a href="/topic/kremlin">the Kremlin</a>, the discussion centred on the "strategic partnership" between Russia and North Korea and on preparations for further visits.',
        'Shoigu met <strong>Kim Jong Un </strong>twice during his three-day trip, state media in both countries reported. Western officials say the two governments have deepened military ties considerably over the past two years.',
        'The meeting came as European leaders, including France’s <strong>Emmanuel Macron</strong>, called for tighter enforcement of existing sanctions.',
      ],
      tags: ['Russia', 'North Korea', 'Vladimir Putin'],
    },
    {
      // The agency story's event, written by this outlet itself in English: one story, two languages.
      slug: 'lula-urges-eu-to-seal-mercosur-pact-before-year-end',
      event: 'lula-brussels-mercosur',
      section: 'World',
      sectionSlug: 'world',
      headline: 'Lula urges EU leaders to seal Mercosur pact before the end of the year',
      standfirst:
        'Brazil’s president told Brussels that the agreement, two decades in the making, cannot wait any longer.',
      author: 'Helen Marsh',
      hoursAgo: 13,
      image: {
        file: 'lula-berlaymont.jpg',
        alt: 'Lula da Silva speaking at a lectern in Brussels',
        caption: 'Lula da Silva at the Berlaymont building on Tuesday.',
        credit: 'Photo: Evening Ledger',
      },
      paragraphs: [
        'Brazilian President <strong>Luiz Inácio Lula da Silva</strong> pressed European Union leaders in Brussels on Tuesday to conclude the long-stalled agreement with the Mercosur bloc before the end of the year.',
        'Speaking alongside the President of the European Commission, <strong>Lula</strong> said the deal "can no longer be postponed" and would send a signal of confidence to markets on both sides of the Atlantic.',
        'Mercosur’s four founding members, Argentina, Brazil, Paraguay and Uruguay, have a combined population of more than 270 million people, and removing tariffs would benefit farmers and manufacturers alike, he said.',
        'France remains the main obstacle. Officials at the Élysée said <strong>Emmanuel Macron</strong> still wants "mirror clauses" requiring imported goods to meet European environmental standards.',
        'The talks at the Berlaymont lasted almost three hours and ended with an agreement to set up a technical working group, due to report within six weeks.',
      ],
      tags: ['Brazil', 'European Union', 'Mercosur'],
    },
    {
      slug: 'harbour-town-library-reopens-after-flood',
      event: 'porthaven-library-reopens',
      section: 'UK',
      sectionSlug: 'uk',
      headline: 'Harbour town library reopens two years after devastating flood',
      standfirst: 'Volunteers rescued more than half of the local history collection from the water.',
      author: 'Priya Shah',
      hoursAgo: 26,
      image: {
        file: 'library-reopening.jpg',
        alt: 'Children reading in the new library',
        caption: 'Children in the new reading room on opening day.',
        credit: 'Photo: Evening Ledger',
      },
      paragraphs: [
        'The public library of <strong>Porthaven</strong>, a small harbour town on the Cornish coast, reopened on Saturday, two years after a winter storm flooded its ground floor and destroyed thousands of books.',
        'Volunteers worked through the night to carry boxes upstairs, saving more than half of the local history collection, including ship registers dating back to the eighteenth century.',
        'The rebuilt library stands on raised foundations and has a new children’s room, a small recording studio and a café run by a local charity.',
        '"It is more than a building, it is where the town meets," said head librarian Margaret Penrose, as a queue of families stretched along the harbour wall.',
      ],
      tags: ['Libraries', 'Cornwall'],
    },
  ],
};
