import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleArticle, type TestStore } from '../../store/store.testkit.js';
import { StoryTracker } from './persist.js';

let t: TestStore;
beforeEach(async () => {
  t = await openTestStore();
});
afterEach(async () => t.cleanup());

const texts = {
  en: [
    'Flash floods kill 62 near Valencia',
    'Torrential rain overwhelmed the Poyo ravine, flooding Paiporta and Catarroja south of Valencia; 62 people died.',
  ],
  es: [
    'La DANA deja 62 muertos en Valencia',
    'Las lluvias desbordaron el barranco del Poyo e inundaron Paiporta y Catarroja, en Valencia: 62 fallecidos.',
  ],
  other: [
    'Mbappé out for three weeks',
    'Real Madrid said Kylian Mbappé sprained his ankle and will miss the Clásico against Barcelona on 25 January.',
  ],
};

async function save(key: keyof typeof texts, tracker: StoryTracker) {
  const url = `https://news.example/${key}`;
  const [title, body] = texts[key] as [string, string];
  const input = sampleArticle({
    url,
    canonicalUrl: url,
    title,
    paragraphs: [body],
    language: key === 'es' ? 'es' : 'en',
    publishedAt: '2026-10-29T18:00:00Z',
  });
  const saved = await t.store.saveArticle({
    ...input,
    sourceId: null,
    feedId: null,
    seenAt: '2026-10-29T18:00:00Z',
  } as never);
  return tracker.track({
    articleId: saved.articleId,
    article: { ...input, languageHint: null },
    language: input.language ?? null,
    translations: [],
    sourceId: null,
  });
}

describe('StoryTracker', () => {
  it('puts two languages of one event in one stored story, another event apart, with entities', async () => {
    const tracker = new StoryTracker(t.store);
    const s1 = await save('en', tracker);
    const s2 = await save('es', tracker);
    const s3 = await save('other', tracker);
    expect(s2).toBe(s1);
    expect(s3).not.toBe(s1);
    const story = await t.store.storyById(s1);
    expect(story).toMatchObject({
      articleCount: 2,
      languages: ['en', 'es'],
      title: 'Flash floods kill 62 near Valencia',
    });
    expect((await t.store.storiesLatest({ limit: 5 })).length).toBe(2);
  });

  it('puts one event in one story when a worker tracks its articles at the same time (jobs run concurrently)', async () => {
    const tracker = new StoryTracker(t.store);
    const [s1, s2] = await Promise.all([save('en', tracker), save('es', tracker)]);
    expect(s2).toBe(s1);
    expect((await t.store.storiesLatest({ limit: 5 })).map((s) => s.articleCount)).toEqual([2]);
  });

  it('after a restart (a new tracker resumed from the store) a new article joins the stored story', async () => {
    const before = new StoryTracker(t.store);
    const s1 = await save('en', before);
    await save('other', before);
    const after = new StoryTracker(t.store);
    // The saved articles are dated 2026-10-29; resume as of the next day.
    expect(await after.resume(Date.parse('2026-10-30T12:00:00Z'))).toBe(2);
    expect(await save('es', after)).toBe(s1);
    expect((await t.store.storiesLatest({ limit: 5 })).length).toBe(2);
  });

  it('after a restart, counts two weeks of stored articles into the word frequencies without replaying them', async () => {
    const before = new StoryTracker(t.store);
    const towns = ['Kassel', 'Erfurt', 'Gotha', 'Fulda', 'Jena', 'Weimar', 'Suhl', 'Gera', 'Zeulenroda', 'Plauen'];
    for (let i = 0; i < 120; i++) {
      const url = `https://zeitung.example/${i}`;
      const input = sampleArticle({
        url,
        canonicalUrl: url,
        title: `Meldung ${i} aus ${towns[i % 10]}`,
        paragraphs: [`Die Feuerwehr in ${towns[i % 10]} meldete am Morgen ${i + 10} Einsätze nach dem Sturm.`],
        language: 'de',
        publishedAt: '2026-10-20T08:00:00Z',
      });
      const saved = await t.store.saveArticle({
        ...input,
        sourceId: null,
        feedId: null,
        seenAt: input.publishedAt,
      } as never);
      await before.track({
        articleId: saved.articleId,
        article: { ...input, languageHint: null },
        language: 'de',
        translations: [],
        sourceId: null,
      });
    }
    expect(before.clusterer.knowsLanguage('de')).toBe(true);
    // Ten days later: nothing is in an open story any more, but the German words' frequencies are known.
    const after = new StoryTracker(t.store);
    expect(await after.resume(Date.parse('2026-10-30T12:00:00Z'))).toBe(0);
    expect(after.clusterer.knowsLanguage('de')).toBe(true);
    // Beyond the two weeks of history, nothing is counted.
    const later = new StoryTracker(t.store);
    await later.resume(Date.parse('2026-11-10T12:00:00Z'));
    expect(later.clusterer.knowsLanguage('de')).toBe(false);
  });
});
