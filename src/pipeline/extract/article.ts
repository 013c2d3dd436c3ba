/** The article as extraction hands it on: what the page says, plain text and sanitized HTML. */
export interface RelatedLink {
  title: string;
  url: string;
}

export interface Article {
  /** The address the page was fetched from (a file:// URL for a local file without --url). */
  url: string;
  /** The page's own canonical address (link rel=canonical / og:url), else `url`. */
  canonicalUrl: string;
  /** The publisher's name (og:site_name, JSON-LD publisher, else the host). */
  site: string;
  /** The headline, once, without " | Section | Site" suffixes. */
  title: string;
  subtitle: string | null;
  byline: string | null;
  /** ISO 8601 with the offset the page wrote (its own calendar day: 23:30-04:00 stays on that day),
   *  or null when the page declares no date. The store keeps it in UTC. */
  publishedAt: string | null;
  /** Language the page declares (<html lang>, og:locale, JSON-LD inLanguage); a hint, not the answer. */
  languageHint: string | null;
  /** Lead image URL (absolute). */
  image: string | null;
  imageCaption: string | null;
  /** Body blocks in reading order, plain text. */
  paragraphs: string[];
  /** Sanitized body HTML. */
  html: string;
  /** "Read also" links found inside the body, moved out of the text. */
  related: RelatedLink[];
  tags: string[];
  /** True when the page shows only a teaser (paywall); the lead is kept, never passed off as the whole. */
  isTeaser: boolean;
}
