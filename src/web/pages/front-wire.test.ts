/** The front page as a wire: story images, outlets' headlines, thumbnails, times in the site's zone. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { HappeningsError } from '../../errors.js';
import { utf8Of } from '../html.js';
import type { ImageLinks } from '../images/images.js';
import type { SiteContext } from '../layout.js';
import type { StorySummary } from '../site-data.js';
import { absoluteTime, relativeTime } from '../times.js';
import { fakeArticle, translatedArticle, untranslatedArticle } from '../web.testkit.js';
import { frontPage, type FrontPageModel } from './front.js';

const NOW = Date.parse('2026-12-05T19:20:00Z');

/** A cache holding every image but those named missing. */
function cache(missing: string[] = []): ImageLinks & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    src(url, width) {
      if (!url) return null;
      asked.push(`${width} ${url}`);
      return missing.includes(url) ? null : `/img/${width}/sig/${Buffer.from(url).toString('base64url')}`;
    },
  };
}

const withImage = fakeArticle({
  id: 10,
  title: 'Storm closes the harbour',
  site: 'Harbour Times',
  publishedAt: '2026-12-05T17:20:00Z',
  image: 'https://harbour.example/storm.jpg',
});
const noImage = fakeArticle({ id: 11, title: 'Council meets', publishedAt: '2026-12-04T09:05:00Z', image: null });
const notCached = fakeArticle({
  id: 12,
  title: 'Ferry late',
  publishedAt: '2026-12-05T19:15:00Z',
  image: 'https://x.example/gone.jpg',
});

const story: StorySummary = {
  id: 7,
  pagePath: '/story/7',
  title: 'Valencia mobility plan',
  articleCount: 5,
  outletCount: 4,
  languages: ['es', 'fr'],
  updatedAt: '2026-12-05T18:00:00Z',
  latestAt: '2026-12-05T17:20:00Z',
  image: 'https://diario.example/plan.jpg',
  headlines: [translatedArticle, untranslatedArticle, withImage],
};

function render(site: Partial<SiteContext>, model: Partial<FrontPageModel> = {}) {
  const context: SiteContext = { siteName: 'Wire', language: 'en', siteUrl: 'https://wire.test', ...site };
  const page = frontPage(context, {
    articles: [notCached, withImage, noImage],
    page: 1,
    hasNext: false,
    translationNote: null,
    stories: [story],
    now: NOW,
    ...model,
  });
  return parseHTML(new TextDecoder().decode(utf8Of(page))).document;
}

describe('front page of a wire', () => {
  it('shows each top story with its image, its latest time, languages and three outlets’ headlines', () => {
    const doc = render({ images: cache() });
    const item = doc.querySelector('section[aria-labelledby="top-stories"] li')!;
    const img = item.querySelector('img.story-image')!;
    expect(img.getAttribute('src')).toBe(
      `/img/400/sig/${Buffer.from('https://diario.example/plan.jpg').toString('base64url')}`,
    );
    expect(img.getAttribute('alt')).toBe('');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['400', '225']);
    expect(img.hasAttribute('loading')).toBe(false); // the first story is above the fold
    const time = item.querySelector('.meta time')!;
    expect(time.getAttribute('datetime')).toBe('2026-12-05T17:20:00.000Z');
    expect(time.textContent).toBe('2h ago · 17:20');
    expect(item.querySelector('.meta')!.textContent).toContain('5 articles from 4 outlets · Spanish, French');
    const headlines = [...item.querySelectorAll('.headlines li')];
    expect(headlines.map((li) => li.textContent)).toEqual([
      'Valencia approves its new mobility plan — Diario de Ejemplo',
      'La grève des transports se poursuit à Lyon — Le Journal Exemple',
      'Storm closes the harbour — Harbour Times',
    ]);
    expect(headlines[0]!.querySelector('a')!.getAttribute('lang')).toBe('en'); // translated
    expect(headlines[1]!.querySelector('a')!.getAttribute('lang')).toBe('fr'); // not translated: its own language
    expect(headlines[1]!.querySelector('a')!.getAttribute('href')).toBe(untranslatedArticle.pagePath);
  });

  it('gives the latest articles thumbnails (lazy, decorative, sized) and times; none for a missing or uncached image', () => {
    const images = cache(['https://x.example/gone.jpg']);
    const doc = render({ images });
    const items = [...doc.querySelectorAll('section[aria-labelledby="latest"] ol.list > li')];
    const [ferry, storm, council] = items;
    expect(ferry!.querySelector('img')).toBeNull();
    expect(council!.querySelector('img')).toBeNull();
    const thumb = storm!.querySelector('img.thumb')!;
    expect(thumb.getAttribute('src')).toMatch(/^\/img\/160\/sig\//);
    expect(thumb.getAttribute('alt')).toBe('');
    expect(thumb.getAttribute('loading')).toBe('lazy');
    expect([thumb.getAttribute('width'), thumb.getAttribute('height')]).toEqual(['160', '90']);
    expect(items.map((li) => li.querySelector('time')!.textContent)).toEqual([
      '5m ago · 19:15',
      '2h ago · 17:20',
      'Dec 4, 09:05',
    ]);
    expect(images.asked).toContain('160 https://x.example/gone.jpg'); // asked for, so it is fetched
  });

  it('shows times in the configured time zone', () => {
    const doc = render({ images: cache(), timeZone: 'Europe/Madrid' });
    const times = [...doc.querySelectorAll('section[aria-labelledby="latest"] time')].map((t) => t.textContent);
    expect(times).toEqual(['5m ago · 20:15', '2h ago · 18:20', 'Dec 4, 10:05']);
    // In Tokyo it is 04:20 on Dec 6: the storm (02:20 there) is today, the council (Dec 4, 18:05 there) is not.
    const tokyo = render({ images: cache(), timeZone: 'Asia/Tokyo' });
    const there = [...tokyo.querySelectorAll('section[aria-labelledby="latest"] time')].map((t) => t.textContent);
    expect(there).toEqual(['5m ago · 04:15', '2h ago · 02:20', 'Dec 4, 18:05']);
  });

  it('shows no image at all without an image cache (browsers never load publishers’ images)', () => {
    const doc = render({});
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelectorAll('.headlines li')).toHaveLength(3);
  });

  it('renders a line again when its time text changes (the item cache keys on it)', () => {
    const first = render({ images: cache() }, { stories: [] });
    const later = render({ images: cache() }, { stories: [], now: NOW + 3_600_000 });
    const timeOf = (doc: ReturnType<typeof render>) => doc.querySelectorAll('ol.list time')[1]!.textContent;
    expect(timeOf(first)).toBe('2h ago · 17:20');
    expect(timeOf(later)).toBe('3h ago · 17:20');
  });
});

describe('times', () => {
  it('counts minutes and hours within a day, and nothing after', () => {
    expect(relativeTime('2026-12-05T19:19:40Z', NOW, 'en')).toBe('now');
    expect(relativeTime('2026-12-04T19:21:00Z', NOW, 'en')).toBe('23h ago');
    expect(relativeTime('2026-12-04T19:20:00Z', NOW, 'en')).toBeNull();
    expect(relativeTime('not a date', NOW, 'en')).toBeNull();
    expect(relativeTime('2026-12-05T17:20:00Z', NOW, 'es')).toBe('hace 2 h');
  });

  it('names the day when it is not today, and the year when it is long ago', () => {
    expect(absoluteTime('2025-01-02T10:00:00Z', NOW, { language: 'en' })).toBe('Jan 2, 2025');
    expect(absoluteTime('2026-12-05T23:30:00Z', NOW, { language: 'en', timeZone: 'UTC' })).toBe('23:30');
  });

  it('takes HAPPENINGS_TIME_ZONE as an IANA zone and refuses a typo in one line', () => {
    expect(loadConfig({ HAPPENINGS_TIME_ZONE: 'europe/madrid' }).timeZone).toBe('Europe/Madrid');
    expect(loadConfig({}).timeZone).toBe('UTC');
    expect(() => loadConfig({ HAPPENINGS_TIME_ZONE: 'Mars/Olympus' })).toThrow(HappeningsError);
    expect(() => loadConfig({ HAPPENINGS_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /HAPPENINGS_TIME_ZONE: expected a time zone/,
    );
  });
});
