/**
 * The store seen through the web layer's SiteData: articles in the site language when a
 * translation exists, with their carriers and the source that first carried them.
 */
import type { ArticleRow, Carrier, Store, Translation } from '../store/index.js';
import type { ArticleSummary, ArticleView, SiteData, SourceView } from './site-data.js';
import { articlePath } from './site-data.js';

export interface StoreDataOptions {
  store: Store;
  /** The site language: articles in another language show their translation into it. */
  language: string;
  /** Why articles are not translated (engine missing), or null when translation works. */
  translationNote: () => Promise<string | null>;
  /** Extra facts for /healthz (queue depth, translation status). */
  healthDetails?: () => Promise<Record<string, unknown>>;
}

export function storeSiteData(options: StoreDataOptions): SiteData {
  const { store, language } = options;

  async function summaryOf(row: ArticleRow, translation: Translation | null, carriers: Carrier[]): Promise<ArticleSummary> {
    const title = translation?.title ?? row.title;
    const leadSource = translation?.paragraphs ?? row.paragraphs;
    return {
      id: row.id,
      pagePath: articlePath(row.id, title),
      title,
      originalTitle: row.title,
      site: row.site,
      sourceName: carriers.find((c) => c.isFirst)?.sourceName ?? carriers[0]?.sourceName ?? null,
      url: row.url,
      publishedAt: row.publishedAt,
      language: row.language,
      translatedFrom: translation ? translation.sourceLanguage : null,
      lead: row.subtitle && !translation ? row.subtitle : (translation?.subtitle ?? leadSource[0] ?? null),
      image: row.image,
    };
  }

  const translated = async (row: ArticleRow) => (row.language && row.language !== language ? store.translationOf(row.id, language) : null);

  return {
    async latestArticles({ limit, offset }) {
      const rows = await store.latestArticles({ limit, offset });
      return Promise.all(rows.map(async (row) => summaryOf(row, await translated(row), await store.carriersOf(row.id))));
    },

    async articleById(id): Promise<ArticleView | null> {
      const row = await store.articleById(id);
      if (!row) return null;
      const translation = await translated(row);
      const carriers = await store.carriersOf(id);
      const summary = await summaryOf(row, translation, carriers);
      return {
        ...summary,
        canonicalUrl: row.canonicalUrl,
        subtitle: translation?.subtitle ?? row.subtitle,
        byline: row.byline,
        imageCaption: row.imageCaption,
        original: { title: row.title, subtitle: row.subtitle, html: row.html, paragraphs: row.paragraphs, language: row.language },
        translation: translation && {
          language: translation.language,
          engine: translation.engine,
          engineVersion: translation.engineVersion,
          translatedAt: translation.translatedAt,
          title: translation.title,
          subtitle: translation.subtitle,
          html: translation.html,
          paragraphs: translation.paragraphs,
        },
        carriers: carriers.map((c) => ({ sourceName: c.sourceName ?? new URL(c.url).hostname, url: c.url, seenAt: c.seenAt, isFirst: c.isFirst })),
        related: row.related,
        tags: row.tags,
        isTeaser: row.isTeaser,
      };
    },

    async sources(): Promise<SourceView[]> {
      return (await store.sourceList()).map((s) => ({
        id: s.id,
        name: s.name,
        url: s.url,
        language: s.language,
        articleCount: s.articleCount,
        lastSuccessAt: s.lastSuccessAt,
        errorCount: s.errorCount,
        lastError: s.lastError,
        lastErrorCode: s.lastErrorCode,
      }));
    },

    async health() {
      const articles = await store.articleCount();
      return { ok: true, articles, details: (await options.healthDetails?.()) ?? {} };
    },

    translationNote: options.translationNote,
  };
}
