/**
 * An in-memory SiteData for tests of the web layer, with articles shaped like real ones:
 * a Spanish article translated into English, an untranslated French one, an English one.
 */
import { sectionChoice, sectionLabel } from './section-labels.js';
import { sectionKeyOf } from './section-taxonomy.js';
import { parseHTML } from 'linkedom';
import { createWebApp } from './app.js';
import type { ImageService } from './images/images.js';
import {
  articlePath,
  type ArticleSummary,
  type ArticleView,
  type HealthReport,
  type SiteData,
  type SourceView,
} from './site-data.js';

type ArticleInput = Partial<ArticleView> & { id: number; title: string };

/** A complete ArticleView from a few fields; the rest are plausible defaults. */
export function fakeArticle(input: ArticleInput): ArticleView {
  const paragraphs = input.original?.paragraphs ?? [
    `First paragraph of article ${input.id}.`,
    `Second paragraph of article ${input.id}.`,
  ];
  const url = input.url ?? `https://news.example.com/2024/05/article-${input.id}`;
  return {
    pagePath: articlePath(input.id, input.title),
    originalTitle: input.original?.title ?? input.title,
    site: 'Example News',
    sourceName: 'Example News — World',
    url,
    canonicalUrl: url,
    publishedAt: '2024-05-01T09:30:00Z',
    language: 'en',
    translatedFrom: null,
    lead: paragraphs[0] ?? null,
    image: null,
    imageCaption: null,
    subtitle: null,
    byline: null,
    original: {
      title: input.title,
      subtitle: null,
      html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
      paragraphs,
      language: input.language ?? 'en',
    },
    translation: null,
    carriers: [{ sourceName: 'Example News — World', url, seenAt: '2024-05-01T09:35:00Z', isFirst: true }],
    related: [],
    tags: [],
    isTeaser: false,
    ...input,
  };
}

const spanishParagraphs = [
  'El Ayuntamiento de Valencia aprobó el martes el nuevo plan de movilidad.',
  'La alcaldesa, María José Catalá, defendió la medida ante el pleno.',
  'Las obras comenzarán en septiembre.',
];
const englishParagraphs = [
  'Valencia City Council approved the new mobility plan on Tuesday.',
  'The mayor, María José Catalá, defended the measure before the plenary.',
  'The works will begin in September.',
];

export const translatedArticle = fakeArticle({
  id: 1,
  title: 'Valencia approves its new mobility plan',
  originalTitle: 'Valencia aprueba su nuevo plan de movilidad',
  site: 'Diario de Ejemplo',
  sourceName: 'Diario de Ejemplo',
  url: 'https://diario.example.es/valencia/plan-movilidad',
  publishedAt: '2024-05-07T08:15:00Z',
  language: 'es',
  translatedFrom: 'es',
  lead: englishParagraphs[0] ?? null,
  image: 'https://diario.example.es/img/IMG_2041.jpg',
  imageCaption: 'La alcaldesa durante el pleno. Foto: J. Pérez',
  subtitle: 'The works begin in September',
  byline: 'Ana García',
  original: {
    title: 'Valencia aprueba su nuevo plan de movilidad',
    subtitle: 'Las obras empiezan en septiembre',
    html: spanishParagraphs.map((p) => `<p>${p}</p>`).join(''),
    paragraphs: spanishParagraphs,
    language: 'es',
  },
  translation: {
    language: 'en',
    engine: 'apertium',
    engineVersion: '3.8',
    title: 'Valencia approves its new mobility plan',
    subtitle: 'The works begin in September',
    html: englishParagraphs.map((p) => `<p>${p}</p>`).join(''),
    paragraphs: englishParagraphs,
    translatedAt: '2024-05-07T08:20:00Z',
    imageCaption: 'The mayor during the session. Photo: J. Pérez',
  },
  carriers: [
    {
      sourceName: 'Diario de Ejemplo',
      url: 'https://diario.example.es/valencia/plan-movilidad',
      seenAt: '2024-05-07T08:16:00Z',
      isFirst: true,
    },
    {
      sourceName: 'Agencia Ejemplo',
      url: 'https://agencia.example.es/noticias/12345',
      seenAt: '2024-05-07T09:02:00Z',
      isFirst: false,
    },
  ],
  related: [{ title: 'El plan anterior, en cifras', url: 'https://diario.example.es/valencia/plan-anterior' }],
  tags: ['Valencia', 'movilidad'],
});

export const untranslatedArticle = fakeArticle({
  id: 2,
  title: 'La grève des transports se poursuit à Lyon',
  site: 'Le Journal Exemple',
  url: 'https://journal.example.fr/lyon/greve',
  publishedAt: '2024-05-06T17:00:00Z',
  language: 'fr',
  original: {
    title: 'La grève des transports se poursuit à Lyon',
    subtitle: null,
    html: '<p>Les syndicats ont reconduit le mouvement pour une troisième journée.</p>',
    paragraphs: ['Les syndicats ont reconduit le mouvement pour une troisième journée.'],
    language: 'fr',
  },
});

export const englishArticle = fakeArticle({
  id: 3,
  title: 'Harbour reopens after storm',
  publishedAt: '2024-05-05T12:00:00Z',
});

export const fakeSources: SourceView[] = [
  {
    id: 1,
    name: 'Diario de Ejemplo',
    url: 'https://diario.example.es/rss',
    language: 'es',
    articleCount: 120,
    lastSuccessAt: '2024-05-07T08:16:00Z',
    errorCount: 0,
    lastError: null,
    lastErrorCode: null,
  },
  {
    id: 2,
    name: 'Le Journal Exemple',
    url: 'https://journal.example.fr/feed',
    language: 'fr',
    articleCount: 4,
    lastSuccessAt: '2024-05-01T10:00:00Z',
    errorCount: 3,
    lastError: 'fetch: HTTP 503 from https://journal.example.fr/feed',
    lastErrorCode: 'http-status',
  },
];

export interface FakeSiteDataOptions {
  articles?: ArticleView[];
  sources?: SourceView[];
  health?: HealthReport | (() => Promise<HealthReport>);
  translationNote?: string | null;
}

function summaryOf(article: ArticleView): ArticleSummary {
  const {
    id,
    pagePath,
    title,
    originalTitle,
    site,
    sourceName,
    url,
    publishedAt,
    language,
    translatedFrom,
    lead,
    image,
    section,
  } = article;
  return {
    id,
    pagePath,
    title,
    originalTitle,
    site,
    sourceName,
    url,
    publishedAt,
    language,
    translatedFrom,
    lead,
    image,
    section,
    siteSection: article.siteSection ?? sectionKeyOf(section),
    ...(article.sourceId !== undefined && { sourceId: article.sourceId }),
  };
}

/** SiteData over arrays; `calls` records list requests so tests can check paging. */
export function fakeSiteData(
  options: FakeSiteDataOptions = {},
): SiteData & { calls: { limit: number; offset: number }[]; views: number[] } {
  const articles = [...(options.articles ?? [translatedArticle, untranslatedArticle, englishArticle])].sort((a, b) =>
    (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
  );
  const calls: { limit: number; offset: number }[] = [];
  const views: number[] = [];
  return {
    calls,
    views,
    async latestArticles({ limit, offset, language, sourceId, ...filter }) {
      calls.push({ limit, offset });
      const { siteSection, section } = filter.siteSection ? filter : sectionChoice(filter.section, 'en');
      const sourceName = sourceId ? (options.sources ?? fakeSources).find((s) => s.id === sourceId)?.name : undefined;
      return articles
        .filter(
          (a) =>
            (!language || a.language === language) &&
            (!sourceId || a.sourceName === sourceName) &&
            (!section || a.section === section) &&
            (!siteSection || (a.siteSection ?? sectionKeyOf(a.section)) === siteSection),
        )
        .slice(offset, offset + limit)
        .map(summaryOf);
    },
    async popularArticles({ limit }) {
      const count = (id: number) => views.filter((v) => v === id).length;
      return articles
        .filter((a) => count(a.id) > 0)
        .sort((a, b) => count(b.id) - count(a.id))
        .slice(0, limit)
        .map(summaryOf);
    },
    async search({ q, limit, offset, language }) {
      const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (!words.length) return [];
      const text = (a: ArticleView) =>
        [a.title, a.original.title, ...a.original.paragraphs, ...(a.translation?.paragraphs ?? [])]
          .join(' ')
          .toLowerCase();
      return articles
        .filter((a) => words.every((w) => text(a).includes(w)) && (!language || a.language === language))
        .slice(offset, offset + limit)
        .map(summaryOf);
    },
    async readToo(id, limit) {
      return articles
        .filter((a) => a.id !== id)
        .slice(0, limit)
        .map(summaryOf);
    },
    async recordView(id) {
      views.push(id);
    },
    async sourceById(id) {
      return (options.sources ?? fakeSources).find((s) => s.id === id) ?? null;
    },
    async languages() {
      return [...new Set(articles.map((a) => a.language).filter((l): l is string => !!l))];
    },
    async sections() {
      const keys = articles.map((a) => a.siteSection ?? sectionKeyOf(a.section)).filter((k) => k !== null);
      return [...new Set(keys)].map((k) => sectionLabel(k, 'en'));
    },
    // No stories or entities unless a test sets them (pages/lists.test.ts).
    async topStories() {
      return [];
    },
    async storyById() {
      return null;
    },
    async entityById() {
      return null;
    },
    async entitiesOf() {
      return [];
    },
    async articleById(id) {
      const article = articles.find((a) => a.id === id);
      return article ? { ...article, siteSection: article.siteSection ?? sectionKeyOf(article.section) } : null;
    },
    async sources() {
      return options.sources ?? fakeSources;
    },
    async health() {
      const h = options.health;
      if (typeof h === 'function') return h();
      return h ?? { ok: true, articles: articles.length, details: { store: 'memory' } };
    },
    async translationNote() {
      return options.translationNote === undefined
        ? 'Translation is off: install Apertium to translate articles.'
        : options.translationNote;
    },
  };
}

/** The web app over fakeSiteData, as tests use it (English site at https://news.test). */
export function testApp(options: FakeSiteDataOptions = {}) {
  const data = fakeSiteData(options);
  return {
    app: createWebApp({
      data,
      siteName: 'Happenings Test',
      language: 'en',
      siteUrl: 'https://news.test',
      images: everyImageCached,
    }),
    data,
  };
}

/** An image cache that has every image (its /img answers are 404s): pages show each image they name. */
export const everyImageCached: ImageService = {
  src: (url, width) => (url ? `/img/${width}/test/${Buffer.from(url).toString('base64url')}` : null),
  answer: async () => ({ status: 404, reason: 'a test cache has no bytes' }),
};

/** Parses an HTML response into a DOM document (linkedom) for assertions on structure. */
export async function documentOf(response: Response) {
  return parseHTML(await response.text()).document;
}
