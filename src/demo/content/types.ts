/**
 * The shape of the demo publisher's content: plain data, one file per outlet. Paragraphs are HTML
 * fragments with a little inline markup (<strong>, <b>, <em>, <a>), written the way real CMSs emit
 * them — spaces inside tags, names touching punctuation — because word boundaries at inline tags are
 * what extraction and name-safe translation must get right.
 */
export interface DemoImage {
  /** File name under /img/ (also what a careless CMS puts in alt/caption). */
  file: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface DemoArticle {
  slug: string;
  /** Section as shown ("Internacional") and as it appears in URLs ("internacional"). */
  section: string;
  sectionSlug: string;
  headline: string;
  standfirst: string;
  author: string;
  /** Hours before the publisher's start hour: dates stay fresh yet deterministic within an hour. */
  hoursAgo: number;
  image: DemoImage;
  paragraphs: string[];
  /** A "read also" box placed after paragraph `after` (0-based), linking two sibling articles by slug. */
  readAlso?: { after: number; slugs: [string, string] };
  tags: string[];
  /** Agency copy carried by more than one outlet. */
  syndicated?: boolean;
  /**
   * The real-world happening the article reports, as a short slug: two articles share it only if they
   * report the same happening (syndicated copies share their original's). Tests check that stories
   * group exactly the articles that share an event.
   */
  event: string;
}

export type DemoFeedFormat = 'rss' | 'atom' | 'news-sitemap' | 'json-feed';

/** Words the shared page template prints around the article, in the outlet's language. */
export interface DemoLabels {
  home: string;
  skip: string;
  by: string;
  share: [string, string, string];
  mostRead: string;
  readAlso: string;
  newsletter: string;
  newsletterButton: string;
  cookies: string;
  cookiesAccept: string;
  rights: string;
  demoNotice: string;
}

export interface DemoOutlet {
  id: string;
  name: string;
  /** BCP 47 language tag, as in <html lang>. */
  language: string;
  /** og:locale, e.g. es_ES. */
  locale: string;
  timeZone: string;
  template: 'diario' | 'gaceta' | 'basic';
  /** Article URL path; {section} and {slug} are filled in. */
  articlePath: string;
  /** `fullContent`: the feed carries whole articles (content:encoded / content_html), not only summaries. */
  feed: { format: DemoFeedFormat; path: string; title: string; description: string; fullContent?: boolean };
  /** Sections shown in the navigation menu. */
  menu: string[];
  labels: DemoLabels;
  articles: DemoArticle[];
}
