/** Outlet 4: Morgenpost Rundschau (German, RSS 2.0). Invented outlet. */
import type { DemoOutlet } from './types.js';
import { germanLabels } from './labels.js';

export const morgenpostRundschau: DemoOutlet = {
  id: 'morgenpost-rundschau',
  name: 'Morgenpost Rundschau',
  language: 'de',
  locale: 'de_DE',
  timeZone: 'Europe/Berlin',
  template: 'basic',
  articlePath: '/{section}/{slug}.html',
  feed: {
    format: 'rss',
    path: '/feeds/alle.rss',
    title: 'Morgenpost Rundschau – Nachrichten',
    description: 'Aktuelle Nachrichten aus Deutschland und der Welt',
  },
  menu: ['Politik', 'Wirtschaft', 'Kultur', 'Sport', 'Hamburg'],
  labels: germanLabels,
  articles: [
    {
      slug: 'scholz-warnt-vor-neuer-abhaengigkeit-von-moskau',
      event: 'scholz-hamburg-energy-warning',
      section: 'Politik',
      sectionSlug: 'politik',
      headline: 'Olaf Scholz warnt in Hamburg vor neuer Abhängigkeit von Moskau',
      standfirst: 'Der frühere Bundeskanzler spricht vor Studierenden über Energie, Sicherheit und Europa.',
      author: 'Katrin Vogel',
      hoursAgo: 8,
      image: {
        file: 'scholz-hamburg.jpg',
        alt: 'Olaf Scholz am Rednerpult',
        caption: 'Olaf Scholz bei seinem Vortrag an der Universität Hamburg.',
        credit: 'Foto: Rundschau',
      },
      paragraphs: [
        'Der frühere Bundeskanzler <strong>Olaf Scholz</strong> hat am Dienstag in Hamburg vor einer neuen Abhängigkeit Europas von russischer Energie gewarnt. „Wir dürfen die Fehler der Vergangenheit nicht wiederholen“, sagte er vor rund achthundert Studierenden.',
        'Mit Blick auf den russischen Präsidenten <strong>Wladimir Putin </strong>sprach <strong>Scholz</strong> von einer „Politik der vollendeten Tatsachen“, der man nur mit Geschlossenheit begegnen könne. Den <a href="/thema/kreml">Kreml</a> nannte er dabei mehrfach ausdrücklich.',
        'Zugleich lobte er die Zusammenarbeit mit Frankreich. Präsident <strong>Emmanuel Macron</strong> und er hätten in schwierigen Jahren „mehr erreicht, als viele geglaubt haben“, sagte der SPD-Politiker.',
        'Im Anschluss stellte sich Scholz eine Stunde lang den Fragen des Publikums. Viele drehten sich um den Klimaschutz, den Wohnungsmarkt in Hamburg und die Zukunft der Bundeswehr.',
      ],
      tags: ['Olaf Scholz', 'Energie', 'Russland'],
    },
    {
      slug: 'hamburger-hafen-meldet-mehr-containerumschlag',
      event: 'hamburg-port-containers',
      section: 'Wirtschaft',
      sectionSlug: 'wirtschaft',
      headline: 'Hamburger Hafen meldet mehr Containerumschlag als erwartet',
      standfirst: 'Vor allem der Verkehr mit Asien und Skandinavien zieht wieder an.',
      author: 'Tobias Brandt',
      hoursAgo: 36,
      image: {
        file: 'IMG_20261108_0655.jpg',
        alt: 'IMG_20261108_0655.jpg',
        caption: 'IMG_20261108_0655.jpg',
        credit: 'Foto: Rundschau',
      },
      paragraphs: [
        'Der <strong>Hamburger Hafen</strong> hat in den vergangenen drei Monaten deutlich mehr Container umgeschlagen als von Fachleuten erwartet. Nach Angaben der Hafenwirtschaft stieg das Volumen im Vergleich zum Vorjahresquartal um gut sechs Prozent.',
        'Vor allem der Verkehr mit China, Vietnam und Skandinavien zog wieder an. Die Reedereien setzen zudem wieder größere Schiffe auf den Linien nach Ostasien ein.',
        'Die Gewerkschaften begrüßen die Zahlen, mahnen aber Investitionen in die Ausbildung an. „Ohne Fachkräfte nützen die schönsten Kräne nichts“, sagte eine Sprecherin.',
        'Der Senat will im kommenden Jahr mit der Modernisierung zweier Terminals beginnen. Die Arbeiten sollen bei laufendem Betrieb erfolgen und rund vier Jahre dauern.',
      ],
      tags: ['Hafen', 'Hamburg', 'Logistik'],
    },
  ],
};
