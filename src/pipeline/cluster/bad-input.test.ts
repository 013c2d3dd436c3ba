// Bad input from issue 5: empty or tiny texts, an unknown language, a text of only numbers, 10,000
// copies of one article at once, a date in 2099. No crash, no unrelated stories merged, the oddity
// noted on the article's "why" (the stream of `happenings cluster`, and the stored story link).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleArticle, type TestStore } from '../../store/store.testkit.js';
import { enrichArticle } from '../enrich/index.js';
import { StoryTracker } from './persist.js';
import { ClusterStream } from './stream.js';

const t0 = Date.parse('2026-03-01T12:00:00Z');
const at = (hours: number) => new Date(t0 + hours * 3_600_000).toISOString();
const quake =
  'A magnitude 6.8 earthquake hit Marrakesh and Al Haouz on Friday night, killing 2,900 people, Morocco said.';
const quakeEs =
  'Un terremoto de magnitud 6,8 sacudió Marrakech y Al Haouz el viernes por la noche: 2.900 muertos, según Marruecos.';
const ferry = 'The Lisbon ferry operator Transtejo cancelled 40 crossings on Tuesday after a strike by 300 engineers.';

function stream() {
  return new ClusterStream(t0);
}

describe('ClusterStream with bad input', () => {
  it('keeps empty and tiny texts out of real stories and notes them', () => {
    const s = stream();
    const real = s.add({ id: 'q', title: 'Quake', text: quake, language: 'en', publishedAt: at(0) });
    const empty = s.add({ id: 'e', title: '', text: '', language: 'en', publishedAt: at(1) });
    const blank = s.add({ id: 'b', title: '   ', text: '\n\n', language: 'en', publishedAt: at(1) });
    const tiny = s.add({ id: 't', title: 'Update', text: 'More soon.', language: 'en', publishedAt: at(1) });
    expect(empty.why.oddities).toContain('empty');
    expect(blank.why.oddities).toContain('empty');
    expect(tiny.why.oddities).toContain('tiny');
    expect(new Set([real.story, empty.story, blank.story, tiny.story]).size).toBe(4);
    // A real article after them still finds its story, not an empty one.
    expect(s.add({ id: 'q2', title: 'Terremoto', text: quakeEs, language: 'es', publishedAt: at(2) }).story).toBe(
      real.story,
    );
  });

  it("keeps a publisher's bot checks alone: word for word the same, they are no copies and no story", () => {
    const s = stream();
    const check =
      'Przykro nam, ale z adresu IP, z którego się łączysz, odnotowaliśmy ogromną ilość połączeń. Jeśli chcesz połączyć się z nami, zaznacz "NIE JESTEM ROBOTEM". Twój adres IP: 203.0.113.7';
    const a = s.add({ id: 'a', title: '', text: check, language: 'pl', publishedAt: at(0) });
    const b = s.add({ id: 'b', title: '', text: check, language: 'pl', publishedAt: at(1) });
    const c = s.add({ id: 'c', title: 'Wiadomości', text: check, language: 'pl', publishedAt: at(2) });
    for (const r of [a, b, c]) expect(r.why.oddities).toContain('bot-check');
    expect(b.duplicateOf).toBeUndefined();
    expect(new Set([a.story, b.story, c.story]).size).toBe(3);
  });

  it("keeps articles apart whose text is mostly their publisher's cookie notice: no copies, no story", () => {
    const s = stream();
    // As scraped: the headline, a line of news, then the site's banner, word for word on every page.
    const notice =
      'Wir verwenden Cookies und ähnliche Technologien, um Ihnen unser Angebot bereitzustellen. Einige davon helfen uns, Inhalte und Anzeigen zu personalisieren. Sie dienen auch der Reichweitenmessung. Wenn Sie weiter auf unserer Seite lesen, stimmen Sie der Verwendung von Cookies zu. Mehr dazu lesen Sie in unserer Datenschutzerklärung. Ihre Einwilligung können Sie jederzeit in den Einstellungen unserer Website widerrufen.';
    const a = s.add({
      id: 'a',
      title: '',
      text: `Zugunglück bei Hamm: Drei Verletzte\nEin Regionalzug stieß am Montag mit einem Traktor zusammen.\n${notice}`,
      language: 'de',
      publishedAt: at(0),
    });
    const b = s.add({
      id: 'b',
      title: '',
      text: `Stadtrat beschließt Haushalt für 2027\nDer Rat stimmte am Donnerstag mit 31 zu 12 Stimmen zu.\n${notice}`,
      language: 'de',
      publishedAt: at(1),
    });
    expect(b.duplicateOf).toBeUndefined();
    expect(b.story).not.toBe(a.story);
    for (const r of [a, b]) expect(r.why.oddities).toContain('consent-notice');
  });

  it('reads text its publisher encoded twice as written: notes it, and knows the copy of a clean article', () => {
    const s = stream();
    const clean = s.add({ id: 'es', title: 'Terremoto', text: quakeEs, language: 'es', publishedAt: at(0) });
    const twice = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    const garbled = s.add({
      id: 'es2',
      title: twice('Terremoto'),
      text: twice(quakeEs),
      language: 'es',
      publishedAt: at(1),
    });
    expect(twice(quakeEs)).toContain('sacudiÃ³');
    expect(garbled.why.oddities).toContain('double-encoded');
    expect(garbled.duplicateOf).toBe('es');
    expect(garbled.story).toBe(clean.story);
  });

  it('keeps a text of only numbers alone even when it shares every number with a story', () => {
    const s = stream();
    const real = s.add({ id: 'q', title: 'Quake', text: quake, language: 'en', publishedAt: at(0) });
    const numbers = s.add({
      id: 'n',
      title: '6.8 2,900',
      text: '6.8 2,900 2,900 6.8 12 34 56',
      language: 'en',
      publishedAt: at(1),
    });
    expect(numbers.why.oddities).toContain('numbers-only');
    expect(numbers.story).not.toBe(real.story);
    // Nothing joins the numbers-only story either.
    expect(s.add({ id: 'q2', title: 'Terremoto', text: quakeEs, language: 'es', publishedAt: at(2) }).story).toBe(
      real.story,
    );
  });

  it('clusters an article in an unknown language by its names and numbers, and notes the language', () => {
    const s = stream();
    const real = s.add({ id: 'q', title: 'Quake', text: quake, language: 'en', publishedAt: at(0) });
    const other = s.add({ id: 'f', title: 'Ferry strike', text: ferry, language: 'en', publishedAt: at(0) });
    const unknown = s.add({
      id: 'u',
      title: 'Zelzela',
      text: 'Marrakesh ve Al Haouz 6.8 zelzela 2,900 ölü Morocco.',
      language: null,
      publishedAt: at(1),
    });
    expect(unknown.why.oddities).toContain('unknown-language');
    expect(unknown.story).not.toBe(other.story);
    expect(unknown.story).toBe(real.story);
  });

  it('takes 10,000 copies of one article at once as duplicates in one story, quickly, without touching other stories', () => {
    const s = stream();
    const body = Array.from({ length: 8 }, () => quake).join('\n');
    const first = s.add({ id: 'a', title: 'Quake', text: body, language: 'en', publishedAt: at(0) });
    const other = s.add({ id: 'f', title: 'Ferry strike', text: ferry, language: 'en', publishedAt: at(0) });
    const started = Date.now();
    for (let i = 0; i < 10_000; i++) {
      const r = s.add({ id: `c${i}`, title: 'Quake', text: body, language: 'en', publishedAt: at(0) });
      if (r.duplicateOf !== 'a' || r.story !== first.story) throw new Error(`copy ${i}: ${JSON.stringify(r)}`);
    }
    // Copies are counted, not weighed: about 10 ms per 1,000 here; generous for a busy machine.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(s.clusterer.index.stories.get(first.story)!.articleCount).toBe(10_001);
    expect(
      s.add({
        id: 'f2',
        title: 'Ferry strike',
        text: ferry.replace('Tuesday', 'Wednesday'),
        language: 'en',
        publishedAt: at(1),
      }).story,
    ).toBe(other.story);
  });

  it('reads a date in 2099 as the latest sane time, notes it, and closes no other story', () => {
    const s = stream();
    const real = s.add({ id: 'q', title: 'Quake', text: quake, language: 'en', publishedAt: at(0) });
    const future = s.add({
      id: 'z',
      title: 'Ferry strike',
      text: ferry,
      language: 'en',
      publishedAt: '2099-06-01T00:00:00Z',
    });
    expect(future.why.oddities).toContain('future-date');
    expect(future.story).not.toBe(real.story);
    // Had 2099 moved the clock, the quake story would have closed and this would start a new one.
    expect(s.add({ id: 'q2', title: 'Terremoto', text: quakeEs, language: 'es', publishedAt: at(3) }).story).toBe(
      real.story,
    );
  });
});

describe('StoryTracker with bad input', () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore();
  });
  afterEach(async () => t.cleanup());

  async function save(
    tracker: StoryTracker,
    url: string,
    title: string,
    paragraphs: string[],
    language: string | null,
    publishedAt: string | null,
  ) {
    const input = sampleArticle({ url, canonicalUrl: url, title, paragraphs, language, publishedAt });
    const saved = await t.store.saveArticle({ ...input, sourceId: null, feedId: null, seenAt: at(0) } as never);
    const storyId = await tracker.track({
      articleId: saved.articleId,
      article: { ...input, languageHint: null } as never,
      language,
      translations: [],
      sourceId: null,
      // The story keeps the countries enrich finds (run.ts hands them on).
      countries: enrichArticle(input, []).countries,
    });
    return { articleId: saved.articleId, storyId };
  }

  it('stores the oddity on the link, keeps numbers-only text alone, and records a syndicated copy', async () => {
    const tracker = new StoryTracker(t.store);
    const body = Array.from({ length: 6 }, () => quake);
    const first = await save(tracker, 'https://a.example/quake', 'Quake in Morocco', body, 'en', at(0));
    const numbers = await save(
      tracker,
      'https://a.example/numbers',
      '6.8',
      ['6.8 2,900 2,900'],
      null,
      '2099-01-01T00:00:00Z',
    );
    const copy = await save(
      tracker,
      'https://b.example/quake-copy',
      'Morocco quake',
      [...body.slice(1), 'Reporting by a wire.'],
      'en',
      at(1),
    );
    expect(numbers.storyId).not.toBe(first.storyId);
    expect(copy.storyId).toBe(first.storyId);
    const links = new Map((await t.store.storyArticles(first.storyId)).map((l) => [l.articleId, l]));
    expect(links.get(copy.articleId)?.duplicateOf).toBe(first.articleId);
    expect((await t.store.storyById(first.storyId))?.countries).toEqual(['MA']);
    const [odd] = await t.store.storyArticles(numbers.storyId);
    expect(odd?.why?.oddities).toEqual(expect.arrayContaining(['numbers-only', 'unknown-language', 'future-date']));
  });
});
