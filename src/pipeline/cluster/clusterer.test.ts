import { describe, expect, it } from 'vitest';
import { StoryClusterer } from './clusterer.js';
import { headlinesMeet } from './features.js';
import { ClusterStream } from './stream.js';

const day = 86_400_000;
const t0 = Date.parse('2026-03-01T00:00:00Z');
const quake = (text: string, at = t0) => ({ publishedAtMs: at, samples: [{ title: 'Earthquake', text }] });

describe('StoryClusterer', () => {
  it('puts articles sharing names and numbers in one story across languages', () => {
    const c = new StoryClusterer();
    const a = c.add(quake('A magnitude 6.8 earthquake hit Marrakesh and Al Haouz, killing 2,900 people.'));
    const b = c.add(quake('Un terremoto de magnitud 6,8 sacudió Marrakech y Al Haouz: 2.900 muertos.', t0 + 3_600_000));
    expect(b.storyId).toBe(a.storyId);
    expect(b.sharedTerms.length).toBeGreaterThanOrEqual(3);
  });

  it('starts a new story when the same names come back after the story closed', () => {
    const c = new StoryClusterer();
    const a = c.add(quake('A magnitude 6.8 earthquake hit Marrakesh and Al Haouz, killing 2,900 people.'));
    const later = c.add(
      quake('A magnitude 6.8 earthquake hit Marrakesh and Al Haouz, killing 2,900 people.', t0 + 60 * day),
    );
    expect(later.storyId).not.toBe(a.storyId);
  });

  it('keeps a long story open while articles keep joining it', () => {
    const c = new StoryClusterer();
    const first = c.add(
      quake('Rescuers in Al Haouz near Marrakesh search for survivors; 2,900 dead after the 6.8 quake.'),
    );
    let last = first;
    for (let d = 2; d <= 20; d += 2)
      last = c.add(
        quake('Rescuers in Al Haouz near Marrakesh: 2,900 dead after the 6.8 quake, aid arrives.', t0 + d * day),
      );
    expect(last.storyId).toBe(first.storyId);
  });
});

describe('StoryClusterer: the same people, two events (issue 18, the demo)', () => {
  const en = (title: string, text: string, hours: number) => ({
    publishedAtMs: t0 + hours * 3_600_000,
    samples: [{ title, text, language: 'en' }],
  });
  const visit = en(
    'Putin hosts Kim Jong Un for talks at the Kremlin',
    'Vladimir Putin welcomed Kim Jong Un in Moscow on Wednesday. Sergei Shoigu met the delegation from Pyongyang at the station; the two leaders held talks on military cooperation before a dinner at the Kremlin.',
    0,
  );

  it('keeps a parade in Pyongyang apart from a visit to the Kremlin, though both name Kim, Putin and Shoigu', () => {
    const c = new StoryClusterer();
    const a = c.add(visit);
    const parade = c.add(
      en(
        'Kim Jong Un reviews a night parade of new missiles in Pyongyang',
        'Kim Jong Un watched a military parade in Pyongyang with Sergei Shoigu at his side. State television showed a new launcher; Vladimir Putin called the ties with North Korea excellent.',
        5,
      ),
    );
    expect(parade.storyId).not.toBe(a.storyId);
  });

  it('still joins another report of the same talks, whose headline meets on what happened', () => {
    const c = new StoryClusterer();
    const a = c.add(visit);
    const again = c.add(
      en(
        'Kremlin talks: Putin and Kim Jong Un discuss military cooperation',
        'Vladimir Putin and Kim Jong Un held talks at the Kremlin in Moscow, with Sergei Shoigu present, on military cooperation. Kim came from Pyongyang by armoured train.',
        2,
      ),
    );
    expect(again.storyId).toBe(a.storyId);
  });
});

describe('headlinesMeet', () => {
  const h = (terms: string[], languages = ['en']) => ({ terms: new Set(terms), languages });
  it('asks for a shared word when both headlines have words in one language', () => {
    expect(headlinesMeet(h(['parad', 'missi']), h(['talks', 'host']))).toBe(false);
    expect(headlinesMeet(h(['parad', 'missi']), h(['parad']))).toBe(true);
  });
  it('is no evidence when a headline is empty or the two share no language', () => {
    expect(headlinesMeet(h([]), h(['talks']))).toBe(true);
    expect(headlinesMeet(h(['parad'], ['eu']), h(['talks'], ['en']))).toBe(true);
  });
});

describe('ClusterStream', () => {
  it('marks a byte-identical repost and 1,000 copies arriving at once as duplicates of one article', () => {
    const s = new ClusterStream(t0);
    const text = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const first = s.add({ id: 'a', title: 'T', text, language: 'en', publishedAt: '2026-03-01T00:00:00Z' });
    for (let i = 0; i < 1000; i++) {
      const r = s.add({ id: `c${i}`, title: 'T', text, language: 'en', publishedAt: '2026-03-01T00:00:00Z' });
      expect(r.duplicateOf).toBe('a');
      expect(r.story).toBe(first.story);
    }
  });

  it('handles empty, number-only, unknown-language and far-future articles without joining them to others', () => {
    const s = new ClusterStream(t0);
    const a = s.add({ id: 'a', title: '', text: '', language: null, publishedAt: '2026-03-01T00:00:00Z' });
    const b = s.add({ id: 'b', title: '', text: '', language: null, publishedAt: '2026-03-01T00:00:00Z' });
    const n = s.add({
      id: 'n',
      title: '1 2 3',
      text: '4 5 6 7 8 9',
      language: 'xx',
      publishedAt: '2099-01-01T00:00:00Z',
    });
    expect(a.why.oddities).toContain('empty');
    expect(b.story).not.toBe(a.story);
    expect(n.why.oddities).toContain('future-date');
    expect(new Set([a.story, b.story, n.story]).size).toBe(3);
  });
});
