/**
 * A SiteData whose every stored field holds an XSS payload, shaped as the store holds it: text
 * fields as publishers (or engines) sent them, HTML bodies after the sanitizer (the pipeline
 * sanitizes before storing; sanitize/index.ts). Stories, entities and sources too.
 */
import { sanitizeHtml } from '../pipeline/sanitize/index.js';
import type { ArticleView, SiteData, SourceView } from '../web/site-data.js';
import { articlePath } from '../web/site-data.js';
import { fakeArticle, fakeSiteData } from '../web/web.testkit.js';
import { XSS_PAYLOADS } from './payloads.testkit.js';

const BASE = 'https://hostile.example/news/';

function hostileArticle(payload: string, i: number): ArticleView {
  const id = i + 1;
  const title = `Title ${i} ${payload}`;
  const body = sanitizeHtml(`<p>Body ${payload}</p><p>More ${payload}</p>`, `${BASE}${id}`);
  const url = i % 3 === 0 ? 'javascript:window.__pwned=1' : `${BASE}${id}`;
  return fakeArticle({
    id,
    title,
    pagePath: articlePath(id, title),
    originalTitle: `Original ${payload}`,
    site: `Site ${payload}`,
    sourceName: `Source ${payload}`,
    url,
    canonicalUrl: url,
    lead: `Lead ${payload}`,
    subtitle: `Subtitle ${payload}`,
    byline: `By ${payload}`,
    image: i % 2 ? `javascript:window.__pwned=1` : `https://img.example/${id}.jpg?"${payload}`,
    imageCaption: `Caption ${payload}`,
    section: `section ${payload}`,
    language: 'es',
    translatedFrom: 'es',
    publishedAt: `2024-05-01T09:${String(i % 60).padStart(2, '0')}:00Z`,
    original: {
      title: `Original ${payload}`,
      subtitle: `Sub ${payload}`,
      html: body,
      paragraphs: [`Body ${payload}`],
      language: 'es',
    },
    translation: {
      language: 'en',
      engine: `engine ${payload}`,
      engineVersion: payload,
      translatedAt: '2024-05-01T10:00:00Z',
      title,
      subtitle: `Translated subtitle ${payload}`,
      html: body,
      paragraphs: [`Body ${payload}`],
      imageCaption: `Translated caption ${payload}`,
    },
    carriers: [{ sourceName: `Carrier ${payload}`, url, seenAt: '2024-05-01T09:35:00Z', isFirst: true }],
    related: [{ title: `Related ${payload}`, url }],
    tags: [`tag ${payload}`],
  });
}

export const hostileArticles = XSS_PAYLOADS.map(hostileArticle);

export const hostileSources: SourceView[] = XSS_PAYLOADS.slice(0, 5).map((payload, i) => ({
  id: i + 1,
  name: `Source ${payload}`,
  url: i % 2 ? 'javascript:window.__pwned=1' : `https://hostile.example/${i}`,
  language: 'es',
  articleCount: 3,
  lastSuccessAt: null,
  errorCount: 1,
  lastError: `Error ${payload}`,
  lastErrorCode: 'http-status',
}));

export function hostileSiteData(): SiteData & { views: number[] } {
  const data = fakeSiteData({ articles: hostileArticles, sources: hostileSources });
  const summaries = hostileArticles.slice(0, 5);
  const payload = XSS_PAYLOADS[1]!;
  const entity = (id: number) => ({
    id,
    name: `Entity ${XSS_PAYLOADS[id % XSS_PAYLOADS.length]}`,
    kind: payload,
    pagePath: `/entity/${id}`,
  });
  const story = (id: number) => ({
    id,
    pagePath: `/story/${id}`,
    title: `Story ${XSS_PAYLOADS[id % XSS_PAYLOADS.length]}`,
    articleCount: 5,
    outletCount: 3,
    languages: ['es', payload],
    updatedAt: '2024-05-01T10:00:00Z',
  });
  data.topStories = async () => [story(1), story(2)];
  data.storyById = async (id) => ({ ...story(id), articles: summaries, entities: [entity(1), entity(2)] });
  data.entityById = async (id) => ({ ...entity(id), articles: summaries });
  for (const id of [1, 2]) void data.recordView(id);
  return data;
}
