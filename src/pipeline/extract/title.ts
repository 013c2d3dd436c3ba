/**
 * The headline, once. A page states it up to five times (<title>, og:title, twitter:title, JSON-LD
 * headline, <h1>), the <title> usually with " | Section | Site" after it. The best candidate is the
 * longest h1/og:title/headline that the <title> contains; failing that, og:title, the JSON-LD headline,
 * the h1, then the <title> cut at its separators.
 */
import { collapse, textOf, type DomDocument } from './dom.js';
import { all, attr, first } from './select.js';
import { stringField, type JsonObject } from './jsonld.js';
import { decodeEntities } from './entities.js';

const SEPARATOR = /\s+[|\-–—·:»/]\s+|\s+[|·»]\s*|\s*[|·»]\s+/;

export function findTitle(
  document: DomDocument,
  ld: JsonObject | null,
  site: string | null,
  domain = '',
): string | null {
  const title = chooseTitle(document, ld, site);
  return title ? withoutSitePrefix(decodeEntities(title), [site, domain]) : null;
}

function chooseTitle(document: DomDocument, ld: JsonObject | null, site: string | null): string | null {
  const pageTitle = textOf(first(document, 'head title'));
  const declaredOg = attr(document, 'meta[property="og:title"], meta[name="og:title"]', 'content');
  const twitter = attr(document, 'meta[name="twitter:title"], meta[property="twitter:title"]', 'content');
  const headline = stringField(ld, 'headline') ?? stringField(ld, 'name');
  // og:title that shares nothing with the article's own headline and is not in <title>: the site's slogan.
  const og =
    declaredOg && headline && sharedShare(declaredOg, headline) < MIN_SHARED_WORDS && !contains(pageTitle, declaredOg)
      ? null
      : declaredOg;
  // A trailing part of "Headline | Section | Site" is a name, not a headline, even as an h1 (a logo).
  const names = new Set(pageTitle.split(SEPARATOR).slice(1).map(normalize));
  const h1s = all(document, 'h1')
    .map(textOf)
    .filter((text) => text.length > 0 && text.length < 400 && !isSiteName(text, site) && !names.has(normalize(text)));
  const visible = visibleHeadline(
    h1s,
    [og, headline, twitter, pageTitle].filter((c): c is string => !!c),
  );
  if (visible) return collapse(visible);
  const candidates = [og, headline, twitter].filter((c): c is string => !!c && !isSiteName(c, site));
  const contained = candidates
    .filter((c) => wordCount(c) >= 2 && normalize(pageTitle).includes(normalize(c)))
    .sort((a, b) => b.length - a.length)[0];
  const chosen = contained ?? og ?? headline ?? twitter ?? cutAtSeparators(pageTitle);
  const best = chosen ? untilQuote(chosen, [headline, twitter, declaredOg, cutAtSeparators(pageTitle)]) : null;
  return best ? withoutSiteSuffix(collapse(best), site) : null;
}

/** A title cut at a quote (an attribute that ended at an unescaped '"': "…califica a Biden de"): the
 *  longer candidate that goes on past the cut with a quote. */
function untilQuote(title: string, others: Array<string | null>): string {
  const cut = collapse(title);
  for (const other of others) {
    const full = other ? collapse(other) : '';
    if (full.length > cut.length && full.startsWith(cut) && /^\s*["“”«„'‘’]/.test(full.slice(cut.length))) return full;
  }
  return title;
}

function sharedShare(a: string, b: string): number {
  const own = words(a);
  const other = new Set(words(b));
  return own.length ? own.filter((w) => other.has(w)).length / own.length : 0;
}

function contains(text: string, part: string): boolean {
  return normalize(text).includes(normalize(part));
}

/** "Diario HOY | Headline" → "Headline" when the first part is the site's name (or its domain's). */
function withoutSitePrefix(title: string, names: Array<string | null>): string {
  const first = SEPARATOR.exec(title);
  if (!first || first.index === 0) return title;
  const head = title.slice(0, first.index);
  const rest = collapse(title.slice(first.index + first[0].length));
  const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const isName = names.some(
    (name) => !!name && key(name).length >= 3 && key(name.replace(/\.[a-z]{2,}$/, '')) === key(head),
  );
  return isName && wordCount(rest) >= 2 ? rest : title;
}

/** The <h1> the reader sees is the headline as the page states it (og:title and <title> are often SEO
 *  rewrites: on shared/data/wcxb-dev-articles the truth equals the h1 far more often). With several
 *  h1s (a logo, a section name), the one sharing most words with the declared titles; an h1 sharing
 *  none with them when they exist is a logo or a section, not the headline. */
function visibleHeadline(h1s: string[], declared: string[]): string | null {
  if (h1s.length === 0) return null;
  if (declared.length === 0) return h1s[0]!;
  const reference = new Set(declared.flatMap(words));
  const declaredWords = declared.map((d) => new Set(words(d))).filter((d) => d.size > 0);
  let best: string | null = null;
  let bestShare = 0;
  for (const h1 of h1s) {
    const own = words(h1);
    // A fragment of the headline set as an h1 ("10" of "10 Free Accounting Tools…", a kicker) covers
    // too little of every declared title to be it.
    const covers = declaredWords.some((d) => own.filter((w) => d.has(w)).length >= MIN_COVERED * d.size);
    const share = own.length && covers ? own.filter((w) => reference.has(w)).length / own.length : 0;
    if (share > bestShare || (share === bestShare && best !== null && h1.length > best.length))
      [best, bestShare] = [h1, share];
  }
  return bestShare >= MIN_SHARED_WORDS ? best : null;
}

/** Share of an h1's words found in og:title / headline / <title> for it to count as the headline. */
const MIN_SHARED_WORDS = 0.3;
/**
 * Share of some declared title's words an h1 must hold to count as the headline, not a piece of it
 * ("10", "WEEKEND", "Discord" set large above the headline). WCXB dev titles (the only set with
 * them, so tuned and measured on it): 0.2-0.25 587 -> 592 of 711 right, 0.3 589, 0.35 590.
 */
const MIN_COVERED = 0.25;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The longest part of a "Headline | Section | Site" title. */
export function cutAtSeparators(title: string): string {
  const parts = title.split(SEPARATOR).map(collapse).filter(Boolean);
  return parts.sort((a, b) => b.length - a.length)[0] ?? title;
}

/** "Headline - Site" → "Headline" when Site is the publisher's name. */
function withoutSiteSuffix(title: string, site: string | null): string {
  let rest = title;
  for (;;) {
    const separators = [...rest.matchAll(new RegExp(SEPARATOR.source, 'g'))];
    const last = separators[separators.length - 1];
    if (!last || !isSiteName(rest.slice(last.index + last[0].length), site)) return collapse(rest);
    rest = rest.slice(0, last.index);
  }
}

function isSiteName(text: string, site: string | null): boolean {
  return !!site && normalize(text) === normalize(site);
}

function normalize(text: string): string {
  return collapse(text)
    .toLowerCase()
    .replace(/[“”«»"']/g, '"');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
