/**
 * What the web layer reads, and nothing more: plain view types and one read interface. The store
 * implements SiteData; pages, feeds and the API depend only on this file. Dates are ISO 8601 strings,
 * languages BCP 47 tags ("es", "pt-BR").
 */
import type { SectionKey } from './section-taxonomy.js';

/** One line of a list: enough for the front page, feeds and the API list. */
export interface ArticleSummary {
  id: number;
  /** The article's page on this site, from articlePath(); part of the API contract. */
  pagePath: string;
  /** In the site language when translated (translatedFrom set), else in `language`. */
  title: string;
  originalTitle: string;
  /** The publisher's name as the page gives it. */
  site: string;
  /** The followed source that first carried it, when known. */
  sourceName: string | null;
  /** The original article's address. */
  url: string;
  publishedAt: string | null;
  /** Language of the original text. */
  language: string | null;
  /** Language the shown title/lead were translated from; null when not translated. */
  translatedFrom: string | null;
  lead: string | null;
  image: string | null;
  /** The publisher's section ("Politics", "Deportes"), when known: shown on the article page. */
  section?: string | null;
  /** The site's section it is shown in (section-taxonomy.ts, with its source's overrides); null: none. */
  siteSection?: SectionKey | null;
  /** The followed source that first carried it (its page: /source/N), when known. */
  sourceId?: number | null;
}

export interface ArticleText {
  title: string;
  subtitle: string | null;
  /** Sanitized body HTML (the pipeline's sanitize stage ran last). */
  html: string;
  /** Body blocks in reading order, plain text; the bilingual view aligns them by index. */
  paragraphs: string[];
}

export interface OriginalText extends ArticleText {
  language: string | null;
}

export interface TranslationText extends ArticleText {
  language: string;
  /** Engine id, e.g. "apertium". */
  engine: string;
  engineVersion: string;
  translatedAt: string;
  /** The lead image's caption in the site's language, when the source had one. */
  imageCaption?: string | null;
  /** The model that translated ("opus-mt-de-en"), null for a rule-based engine. */
  model?: string | null;
  /** The pivot language ("es" for pt → es → en), null when direct. */
  via?: string | null;
  /** How many names the engine lost or altered (each repaired or not), and how many of them stayed so. */
  nameRepairs?: number;
  unrepairedNames?: number;
}

export interface Carrier {
  /** Its page on the site (/source/N), when a followed source carried it. */
  sourceId?: number | null;
  sourceName: string;
  url: string;
  seenAt: string;
  isFirst: boolean;
}

export interface ArticleView extends ArticleSummary {
  canonicalUrl: string;
  subtitle: string | null;
  byline: string | null;
  imageCaption: string | null;
  original: OriginalText;
  translation: TranslationText | null;
  /** Every outlet/feed that carried this article (the one first seen included). */
  carriers: Carrier[];
  /** "Read also" links the source page gave. */
  related: { title: string; url: string }[];
  tags: string[];
  /** The source shows only a teaser (paywall): we never pass the lead off as the whole. */
  isTeaser: boolean;
  /** Its source allows excerpts only: a public site shows title, lead and the link. */
  excerptOnly?: boolean;
}

export interface SourceView {
  id: number;
  name: string;
  url: string;
  language: string | null;
  articleCount: number;
  lastSuccessAt: string | null;
  errorCount: number;
  lastError: string | null;
  lastErrorCode: string | null;
  /** Publisher asks for excerpts only: in public mode show title, lead and link. */
  excerptOnly?: boolean;
}

export interface HealthReport {
  ok: boolean;
  articles: number;
  details: Record<string, unknown>;
}

/** Filters of a list: articles in one original language, carried by one source, in one section. */
export interface ListFilter {
  language?: string;
  sourceId?: number;
  /** The publisher's section, as stored ("Sport"). */
  section?: string;
  /** One of the site's sections (publishers' names mapped, sources' overrides applied). */
  siteSection?: SectionKey;
}

export interface SearchOptions extends ListFilter {
  q: string;
  limit: number;
  offset: number;
  /** ISO dates (YYYY-MM-DD), inclusive, on publishedAt. */
  from?: string;
  to?: string;
  /**
   * 'newest' (default): matches newest first, the news reader's order and one bounded index walk;
   * 'relevance': the newest 100 matches with the query's words in their headline first.
   */
  sort?: SearchSort;
}

export type SearchSort = 'newest' | 'relevance';

/** A story: the articles of several outlets about one happening (built by the stories module). */
export interface StorySummary {
  id: number;
  pagePath: string;
  title: string;
  articleCount: number;
  outletCount: number;
  languages: string[];
  updatedAt: string;
  /** When its newest article was published (else first seen). */
  latestAt?: string | null;
  /** The newest lead image among its articles (the publisher's address). */
  image?: string | null;
  /** Newest first, one per outlet, up to three: what each outlet calls it (translated when it can be). */
  headlines?: ArticleSummary[];
}

export interface StoryView extends StorySummary {
  /** Set when this story was merged into another: its page redirects there. */
  mergedInto?: number | null;
  /** Every outlet's version, first reported first. */
  articles: ArticleSummary[];
  /**
   * Every followed outlet that carried one of its articles, syndicated copies included (the
   * front page's "from N outlets" counts the same), each once, first seen first.
   */
  outlets?: StoryOutlet[];
  entities: EntityChip[];
}

export interface StoryOutlet {
  sourceId: number;
  name: string;
  /** The story's article it carried (a copy of another outlet's when it is not that article's first). */
  articleId: number;
  /** Its address of that article. */
  url: string;
}

export interface EntityChip {
  id: number;
  name: string;
  kind: string | null;
  pagePath: string;
}

export interface EntityView extends EntityChip {
  articles: ArticleSummary[];
}

export interface SiteData {
  /** Newest first (by publishedAt, else first seen). */
  latestArticles(opts: { limit: number; offset: number } & ListFilter): Promise<ArticleSummary[]>;
  /** Most viewed over the last `days` days, most first. */
  popularArticles(opts: { days: number; limit: number }): Promise<ArticleSummary[]>;
  /** Full-text search over original and translated text, in `opts.sort` order (default newest first). */
  search(opts: SearchOptions): Promise<ArticleSummary[]>;
  /** Articles like this one (same story first, then by text similarity), never itself. */
  readToo(id: number, limit: number): Promise<ArticleSummary[]>;
  /** Counts one reader's view of an article today (no personal data). */
  recordView(id: number): Promise<void>;
  sourceById(id: number): Promise<SourceView | null>;
  /** Languages of the stored originals, most articles first. */
  languages(): Promise<string[]>;
  /** The site's sections that have articles, as labels in the site language, most articles first. */
  sections(): Promise<string[]>;
  /** Stories with two or more articles, most outlets and freshest first. */
  topStories(opts: { limit: number }): Promise<StorySummary[]>;
  storyById(id: number): Promise<StoryView | null>;
  entityById(id: number): Promise<EntityView | null>;
  /** An article's people, organisations and places, most mentioned first. */
  entitiesOf(articleId: number): Promise<EntityChip[]>;
  articleById(id: number): Promise<ArticleView | null>;
  sources(): Promise<SourceView[]>;
  health(): Promise<HealthReport>;
  /** Why articles are not translated, when they are not (e.g. "Translation is off: install Apertium ..."). */
  translationNote(): Promise<string | null>;
}

/** Longest slug kept, in characters: long enough to read, short enough for a shared link. */
const MAX_SLUG_LENGTH = 80;

/**
 * ASCII, lower-case words of a title joined by "-"; "article" when nothing Latin is left.
 * One pass over the characters (a title with letters past ASCII decomposed first: accents off,
 * "Señal" → "senal"; ß → ss, æ → ae, ø → o, ł → l). Every search result line makes one: the chain
 * of seven regular-expression passes it replaced cost 5–7 µs a title, ~3 % of a new search's main
 * thread at a million articles (bench:web's profile).
 */
export function slugify(title: string): string {
  const text = ASCII_ONLY.test(title) ? title : title.normalize('NFKD');
  // Character codes gathered in one buffer and made a string once: adding to a string character by
  // character made a new string each time (2.7 KB allocated a title of 90 characters, now ~0.1 KB;
  // result lines' slugs were a tenth of what a new search allocated in bench:web's heap profile).
  const codes = SLUG_CODES;
  let n = 0;
  let gap = false;
  for (let i = 0; i < text.length && n <= MAX_SLUG_LENGTH; i += 1) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    let folded: string | undefined;
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      if (c < 0x80) {
        gap = true;
        continue;
      }
      folded = LATIN_FOLDS.get(text[i]!);
      if (folded === undefined) {
        // A combining mark (an accent, once decomposed) is dropped without splitting the word.
        if (!MARK.test(text[i]!)) gap = true;
        continue;
      }
    }
    if (gap && n > 0) codes[n++] = HYPHEN;
    gap = false;
    if (folded === undefined) codes[n++] = c;
    else for (let k = 0; k < folded.length; k += 1) codes[n++] = folded.charCodeAt(k);
  }
  // Cut at a word boundary: one character more was taken, so a cut word loses its partial end.
  let end = n;
  if (n > MAX_SLUG_LENGTH) {
    const lastHyphen = codes.lastIndexOf(HYPHEN, n - 1);
    if (lastHyphen >= 0) end = lastHyphen;
  }
  end = Math.min(end, MAX_SLUG_LENGTH);
  return end > 0 ? codes.toString('latin1', 0, end) : 'article';
}

const HYPHEN = 45;
/** The slug being made, ASCII only: at most MAX_SLUG_LENGTH + 1 codes, then a hyphen and a two-letter fold. */
const SLUG_CODES = Buffer.alloc(MAX_SLUG_LENGTH + 4);
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const MARK = /^\p{M}$/u;
const LATIN_FOLDS = new Map(Object.entries({ ß: 'ss', æ: 'ae', Æ: 'ae', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l' }));

/** The page of an article on this site: `/article/${id}/${slug}`. */
export function articlePath(id: number, title: string): string {
  return `/article/${id}/${slugify(title)}`;
}
