/**
 * The store seen through the web layer's SiteData: articles in the site language when a
 * translation exists, with their carriers and the source that first carried them.
 */
import type { ArticleRow, Carrier, Store, StoryListRow, SummaryRow, Translation } from '../store/index.js';
import type {
  ArticleSummary,
  ArticleView,
  EntityChip,
  SiteData,
  SourceView,
  StoryOutlet,
  StorySummary,
} from './site-data.js';
import { articlePath } from './site-data.js';
import { recentValues } from '../recent-values.js';
import { gate, recentAnswers, remembered, viewBuffer } from './store-data-reuse.js';
import { sectionChoice } from './section-labels.js';
import { SLOW_LIST_TTL_MS, sourceView, storeSections } from './store-data-sections.js';

export interface StoreDataOptions {
  store: Store;
  /** The site language: articles in another language show their translation into it. */
  language: string;
  /** Why articles are not translated (engine missing), or null when translation works. */
  translationNote: () => Promise<string | null>;
  /** Extra facts for /healthz (queue depth, translation status; `degraded`: why the site is not ok). */
  healthDetails?: () => Promise<Record<string, unknown>>;
}

/** Outlets whose headlines a top story shows on the front page (Google News shows three or four). */
const HEADLINE_OUTLETS = 3;

/** Search answers are reused this long: a shared link or a feed reader repeating a query costs nothing. */
const SEARCH_CACHE_TTL_MS = 30_000;
const SEARCH_CACHE_ENTRIES = 500;

/**
 * Result lines by article id, reused this long: searches list the newest matches first, so most
 * lines of a new query were lines of an earlier one (bench:web, 3,000 new queries: 63,000 lines of
 * 2,735 articles). A line changes when a translation arrives; the search answers above are
 * already this old at most.
 */
const LINE_CACHE_TTL_MS = SEARCH_CACHE_TTL_MS;
const LINE_CACHE_ENTRIES = 20_000;

/**
 * Searches reading the store at once; the rest wait their turn in order. Kysely's SQLite driver
 * hands its one connection on by waking every waiter, so 200 searches in flight cost each search
 * more CPU than a few at a time; this FIFO wakes one (200 concurrent searches in one process, three
 * A/B runs: 1.00-1.03 ms CPU each without it, 0.75-0.92 with four at once).
 * Four also keeps a PostgreSQL pool (10 connections by default) from filling with searches.
 */
const SEARCHES_AT_ONCE = 4;

export function storeSiteData(options: StoreDataOptions): SiteData {
  const { store, language } = options;
  const views = viewBuffer(store);
  const languages = remembered(SLOW_LIST_TTL_MS, async () => (await store.articleLanguages()).map((l) => l.language));
  const searches = recentAnswers<ArticleSummary[]>(SEARCH_CACHE_TTL_MS, SEARCH_CACHE_ENTRIES);
  const searchTurn = gate(SEARCHES_AT_ONCE);
  const lines = recentValues<number, ArticleSummary>(LINE_CACHE_TTL_MS, LINE_CACHE_ENTRIES);
  const siteSections = storeSections(store, language);

  function summaryOf(
    row: ArticleRow,
    translation: Translation | null,
    sourceName: string | null,
    sourceId: number | null = null,
  ): ArticleSummary {
    const { id, title, subtitle, site, url, publishedAt, language: lang, image } = row;
    const lead = (t: { paragraphs: string[] }) => t.paragraphs[0] ?? null;
    const line = translation && {
      title: translation.title,
      subtitle: translation.subtitle,
      lead: lead(translation),
      sourceLanguage: translation.sourceLanguage,
    };
    return lineOf({
      id,
      title,
      subtitle,
      site,
      url,
      publishedAt,
      language: lang,
      image,
      section: row.section ?? null,
      lead: lead(row),
      sourceName,
      sourceId,
      translation: line,
    });
  }

  /** A list line: the translation's title and lead when there is one, else the original's. */
  function lineOf(row: SummaryRow): ArticleSummary {
    const { translation } = row;
    const title = translation?.title ?? row.title;
    return {
      id: row.id,
      pagePath: articlePath(row.id, title),
      title,
      originalTitle: row.title,
      site: row.site,
      sourceName: row.sourceName,
      url: row.url,
      publishedAt: row.publishedAt,
      language: row.language,
      translatedFrom: translation ? translation.sourceLanguage : null,
      lead:
        row.subtitle && !translation
          ? row.subtitle
          : translation
            ? (translation.subtitle ?? translation.lead)
            : row.lead,
      image: row.image,
      section: row.section,
      sourceId: row.sourceId ?? null,
      siteSection: siteSections.sectionOf(row),
    };
  }

  /** Excerpt-only when the source that first carried it says so. */
  async function excerptOnly(carriers: Carrier[]): Promise<boolean> {
    const first = carriers.find((c) => c.isFirst) ?? carriers[0];
    return first?.sourceId ? ((await store.sourceById(first.sourceId))?.excerptOnly ?? false) : false;
  }

  async function storyLanguages(storyId: number): Promise<string[]> {
    const story = await store.storyById(storyId);
    if (story?.languages.length) return story.languages;
    const row = await store.storyRowById(storyId);
    const rows = row ? await store.articlesByIds(row.articleIds) : [];
    return [...new Set(rows.map((r) => r.language).filter((l): l is string => !!l))];
  }

  const needsTranslation = (row: { language: string | null }) => !!row.language && row.language !== language;
  const translated = async (row: ArticleRow) => (needsTranslation(row) ? store.translationOf(row.id, language) : null);

  /** A list's summaries in three queries whatever its length (rows, then translations and first carriers). */
  const summarise = async (rows: ArticleRow[]) => {
    await siteSections.refresh();
    const { translations, firstCarriers } = await store.articleListFacts(
      rows.map((r) => r.id),
      language,
    );
    return rows.map((row) =>
      summaryOf(
        row,
        needsTranslation(row) ? (translations.get(row.id) ?? null) : null,
        firstCarriers.get(row.id)?.sourceName ?? null,
        firstCarriers.get(row.id)?.sourceId ?? null,
      ),
    );
  };
  const summariesOf = async (ids: number[]) => {
    const byId = new Map((await store.articlesByIds(ids)).map((r) => [r.id, r]));
    return summarise(ids.flatMap((id) => byId.get(id) ?? []));
  };
  /** The followed sources that carried the articles `ids` (copies included), each once, first seen first. */
  const storyOutlets = async (ids: number[]): Promise<StoryOutlet[]> => {
    const carriers = (await Promise.all(ids.map((id) => store.carriersOf(id)))).flat();
    carriers.sort((a, b) => a.seenAt.localeCompare(b.seenAt));
    const seen = new Map<number, StoryOutlet>();
    for (const c of carriers)
      if (c.sourceId !== null && !seen.has(c.sourceId))
        seen.set(c.sourceId, {
          sourceId: c.sourceId,
          name: c.sourceName ?? new URL(c.url).hostname,
          articleId: c.articleId,
          url: c.url,
        });
    return [...seen.values()];
  };
  const chip = (e: { id: number; name: string; kind: string | null }): EntityChip => ({
    ...e,
    pagePath: `/entity/${e.id}`,
  });
  const storySummary = (r: StoryListRow, languages: string[]): StorySummary => ({
    id: r.id,
    pagePath: `/story/${r.id}`,
    title: r.title,
    articleCount: r.articleCount,
    outletCount: r.sourceCount,
    languages,
    updatedAt: r.updatedAt,
  });

  /**
   * Each story's front-page line in four queries for all of them: the newest article of each of up to
   * HEADLINE_OUTLETS outlets (by the site's name), the newest lead image, the time of the newest article.
   */
  async function storyLines(storyIds: number[]) {
    const members = await store.storyMemberLines(storyIds);
    const picked = new Map<number, { ids: number[]; sites: Set<string>; image: string | null; latestAt: string }>();
    for (const m of members) {
      let story = picked.get(m.storyId);
      if (!story) picked.set(m.storyId, (story = { ids: [], sites: new Set(), image: null, latestAt: m.at }));
      story.image ??= m.image;
      if (story.sites.size < HEADLINE_OUTLETS && !story.sites.has(m.site)) {
        story.sites.add(m.site);
        story.ids.push(m.articleId);
      }
    }
    const summaries = new Map((await summariesOf([...picked.values()].flatMap((p) => p.ids))).map((a) => [a.id, a]));
    const lines = new Map<number, Pick<StorySummary, 'headlines' | 'image' | 'latestAt'>>();
    for (const [id, p] of picked)
      lines.set(id, {
        headlines: p.ids.flatMap((a) => summaries.get(a) ?? []),
        image: p.image,
        latestAt: p.latestAt,
      });
    return lines;
  }

  return {
    async latestArticles({ limit, offset, language: lang, sourceId, ...filter }) {
      // A `?section=` the API or a feed passed on: one of the site's sections when it names one.
      const { siteSection, section } = filter.siteSection ? filter : sectionChoice(filter.section, language);
      const sections = siteSection ? await siteSections.filterOf(siteSection) : undefined;
      return summarise(await store.latestArticles({ limit, offset, language: lang, sourceId, section, sections }));
    },

    async popularArticles({ days, limit }) {
      await views.flush();
      return summarise(await store.popularArticles({ days, limit }));
    },

    // Two queries per new search: the index walk for a page of ids (search-window.ts), then the
    // lines not seen lately in one read (store.searchLines) instead of rows + translations + carriers.
    async search({ q, limit, offset, language: lang, sourceId, from, to, sort = 'newest' }) {
      return searches.get(JSON.stringify([q, limit, offset, lang, sourceId, from, to, sort]), () =>
        searchTurn(async () => {
          await siteSections.refresh();
          const ids = await store.searchIds(q, { limit, offset, language: lang, sourceId, from, to, order: sort });
          const now = Date.now();
          const missing = ids.filter((id) => !lines.get(id, now));
          for (const r of await store.searchLines(missing, language))
            lines.set(r.id, lineOf({ ...r, translation: needsTranslation(r) ? r.translation : null }), now);
          return ids.flatMap((id) => lines.get(id, now) ?? []);
        }),
      );
    },

    async readToo(id, limit) {
      const storyId = await store.storyIdOfArticle(id);
      const sameStory = storyId ? ((await store.storyRowById(storyId))?.articleIds ?? []).filter((a) => a !== id) : [];
      const similar = sameStory.length >= limit ? [] : await store.similarArticleIds(id, limit);
      const ids = [...new Set([...sameStory, ...similar])].slice(0, limit);
      return summariesOf(ids);
    },

    async recordView(id) {
      views.add(id);
    },

    async sourceById(id) {
      const source = await store.sourceById(id);
      if (!source) return null;
      // A source added since the list was read is looked up afresh.
      const find = (list: SourceView[]) => list.find((s) => s.id === id);
      return find(await siteSections.sourceViews()) ?? find((await store.sourceList()).map(sourceView)) ?? null;
    },

    languages,

    sections: siteSections.sections,

    async topStories({ limit }) {
      const rows = await store.topStoryRows({ limit });
      const [stories, lines] = await Promise.all([
        Promise.all(
          rows.map(async (r) => storySummary(r, r.languages?.length ? r.languages : await storyLanguages(r.id))),
        ),
        storyLines(rows.map((r) => r.id)),
      ]);
      return stories.map((story) => ({ ...story, ...lines.get(story.id) }));
    },

    async storyById(id) {
      const [row, story] = await Promise.all([store.storyRowById(id), store.storyById(id)]);
      if (!row) return null;
      // The stories module's row says whether the story was merged and which languages it spans.
      if (story?.mergedInto)
        return { ...storySummary(row, story.languages), mergedInto: story.mergedInto, articles: [], entities: [] };
      const [articles, outlets] = await Promise.all([summariesOf(row.articleIds), storyOutlets(row.articleIds)]);
      const languages = story?.languages.length
        ? story.languages
        : [...new Set(articles.map((a) => a.language).filter((l): l is string => !!l))];
      return {
        ...storySummary(row, languages),
        articles,
        outlets,
        entities: (await store.entitiesOfStory(id)).map(chip),
      };
    },

    async entityById(id) {
      const row = await store.entityRowById(id);
      return row && { ...chip(row), articles: await summariesOf(row.articleIds) };
    },

    async entitiesOf(articleId) {
      return (await store.entitiesOfArticle(articleId)).map(chip);
    },

    async articleById(id): Promise<ArticleView | null> {
      const row = await store.articleById(id);
      if (!row) return null;
      const translation = await translated(row);
      const carriers = await store.carriersOf(id);
      await siteSections.refresh();
      const first = carriers.find((c) => c.isFirst) ?? carriers[0];
      const summary = summaryOf(row, translation, first?.sourceName ?? null, first?.sourceId ?? null);
      return {
        ...summary,
        canonicalUrl: row.canonicalUrl,
        subtitle: translation?.subtitle ?? row.subtitle,
        byline: row.byline,
        imageCaption: row.imageCaption,
        original: {
          title: row.title,
          subtitle: row.subtitle,
          html: row.html,
          paragraphs: row.paragraphs,
          language: row.language,
        },
        translation: translation && {
          language: translation.language,
          engine: translation.engine,
          engineVersion: translation.engineVersion,
          translatedAt: translation.translatedAt,
          title: translation.title,
          subtitle: translation.subtitle,
          html: translation.html,
          paragraphs: translation.paragraphs,
          imageCaption: translation.imageCaption ?? null,
          model: translation.model ?? null,
          via: translation.via ?? null,
          nameRepairs: translation.nameRepairs?.length ?? 0,
          unrepairedNames: translation.nameRepairs?.filter((r) => r.action === 'unrepaired').length ?? 0,
        },
        carriers: carriers.map((c) => ({
          sourceId: c.sourceId,
          sourceName: c.sourceName ?? new URL(c.url).hostname,
          url: c.url,
          seenAt: c.seenAt,
          isFirst: c.isFirst,
        })),
        related: row.related,
        tags: row.tags,
        isTeaser: row.isTeaser,
        excerptOnly: await excerptOnly(carriers),
      };
    },

    sources: siteSections.sourceViews,

    async health() {
      const articles = await store.articleCount();
      const details = (await options.healthDetails?.()) ?? {};
      // A detail named `degraded` (a reason) makes the site not ok: e.g. a disk about to fill up.
      return { ok: typeof details.degraded !== 'string', articles, details };
    },

    translationNote: options.translationNote,
  };
}
