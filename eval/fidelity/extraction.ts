/**
 * Extraction defects a program can find on one real page (issue 17), against the page's truth where
 * the set gives one (eval/sets/fidelity.ts) and by pattern. The audit (bench/fidelity.ts) and the floors
 * (eval/fidelity.gate.test.ts) count them per page and in total.
 *   lostBody      — no article (an error or no paragraph) although the truth has text;
 *   teaserWrong   — isTeaser on a long text, or not set on a short text under a subscriber marker;
 *   furniture     — paragraphs that are furniture: a furniture pattern (furnitureKind), or a short
 *                   paragraph the truth does not hold;
 *   title         — the site name kept as an affix, a slogan instead of the headline, a cut at a quote;
 *   byline        — a brand or the site's name, an anonymous/desk name, a bare city, an HTML entity;
 *   caption       — an image file name or a dangling "Foto:" in the lead image's caption.
 */
import type { Article } from '../../src/model.js';
import { tokens } from '../metrics/extract-text.js';

export interface ExtractionDefects {
  lostBody: boolean;
  teaserWrong: string | null;
  /** Each furniture paragraph with its kind ("related", "date", ... or "not-in-truth"). */
  furniture: Array<{ kind: string; text: string }>;
  paragraphs: number;
  title: string | null;
  byline: string | null;
  caption: string | null;
}

export interface PageTruth {
  /** The truth's paragraphs; empty when none is known. */
  truth: string[];
  title: string | null;
  author: string | null;
  /** The page's HTML (for subscriber markers). */
  html: string;
  url: string;
}

/** A text at least this long (words) is a full article, never a teaser. */
export const LONG_TEXT_WORDS = 250;
/** A text at most this long (words) under a subscriber marker is a teaser. */
export const SHORT_TEXT_WORDS = 120;

export function extractionDefects(article: Article | null, page: PageTruth): ExtractionDefects {
  const truthWords = tokens(page.truth.join(' ')).length;
  if (!article || article.paragraphs.length === 0) {
    return {
      lostBody: truthWords >= 30,
      teaserWrong: null,
      furniture: [],
      paragraphs: 0,
      title: null,
      byline: null,
      caption: null,
    };
  }
  return {
    lostBody: false,
    teaserWrong: teaserProblem(article, page, truthWords),
    furniture: furnitureParagraphs(article.paragraphs, page.truth),
    paragraphs: article.paragraphs.length,
    title: titleProblem(article.title, page.title, article.site),
    byline: bylineProblem(article.byline, article.site, page),
    caption: captionProblem(article.imageCaption),
  };
}

/** "Para suscriptores", "Exclusivo para assinantes", "Réservé aux abonnés", "Nur für Abonnenten", ... */
export const SUBSCRIBER_MARKER =
  /\b(para suscriptores|exclusivo para (suscriptores|assinantes)|s[óo] para assinantes|conte[úu]do exclusivo|r[ée]serv[ée] aux abonn[ée]s|article r[ée]serv[ée]|nur f[üu]r abonnenten|abo-inhalt|f[üu]r abonnenten|subscribers? only|for subscribers|exclusive to subscribers|premium content)\b/i;

function teaserProblem(article: Article, page: PageTruth, truthWords: number): string | null {
  const words = tokens(article.paragraphs.join(' ')).length;
  const long = Math.max(words, truthWords);
  if (article.isTeaser && long >= LONG_TEXT_WORDS) return `flagged teaser on ${long} words`;
  if (!article.isTeaser && words <= SHORT_TEXT_WORDS && SUBSCRIBER_MARKER.test(visibleText(page.html)))
    return `not flagged on ${words} words under a subscriber marker`;
  return null;
}

function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Furniture by its words, whatever the truth says (es/pt/fr/de/it/en). */
const PATTERNS: Array<[string, RegExp]> = [
  [
    'related',
    /^[\s»›>•·-]*(lea también|lee también|leia também|leia mais|veja também|lire aussi|à lire aussi|a lire aussi|voir aussi|auch interessant|lesen sie auch|mehr zum thema|leggi anche|read more|read also|also read|see also|related|noticias relacionadas|te puede interesar|also it can read|sur le même sujet)\b/i,
  ],
  [
    'appeal',
    /\b(suscr[íi]bete|hazte suscriptor|assine( já| agora)?|abonnez-vous|abonnieren sie|jetzt abonnieren|subscribe (now|today|to)|sign up for|inscr[íi]bete|newsletter|bolet[íi]n)\b/i,
  ],
  ['credit', /^\(?\s*(fotos?|photos?|foto de|photo de|bild|crédits?|credit|imagen|image)\s*:/i],
  [
    'date',
    /^(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d\d-\d\d|(publicado|actualizado|atualizado|publié|mis à jour|veröffentlicht|aktualisiert|updated|published)\b)[^.!?]{0,80}$/i,
  ],
  [
    'byline',
    /^(por|por:|par|von|by|autor|auteur|redacción|redação)\s*:?\s+\p{Lu}[\p{L}.'-]+(\s+\p{Lu}[\p{L}.'-]+){0,4}\s*$/iu,
  ],
  ['meta', /(publicado por|tags?)\s*:/i],
  [
    'interface',
    /^(compartir|compartilhar|partager|teilen|share|comentarios|comentários|commentaires|kommentare|imprimir|drucken|imprimer|print|enviar|tweet|whatsapp|facebook|twitter|copiar enlace|copy link)(\s+(en|on|sur|auf|no|na))?\s*$/i,
  ],
];

export function furnitureKind(paragraph: string): string | null {
  if (tokens(paragraph).length > 60) return null; // a long paragraph is prose, whatever it mentions
  for (const [kind, pattern] of PATTERNS) if (pattern.test(paragraph.trim())) return kind;
  return null;
}

/** A paragraph the truth holds: most of its 4-token runs (its tokens, when shorter) occur in the truth. */
export function inTruth(paragraph: string, truth: Set<string>, truthTokens: Set<string>): boolean {
  const words = tokens(paragraph.toLowerCase());
  if (words.length === 0) return true;
  if (words.length < 4) return words.every((w) => truthTokens.has(w));
  let hits = 0;
  for (let i = 0; i + 4 <= words.length; i++) if (truth.has(words.slice(i, i + 4).join(' '))) hits++;
  return hits >= 0.5 * (words.length - 3);
}

/** A short paragraph is furniture when the truth lacks it; a long one the truth lacks is more likely
 *  story text the truth's maker dropped, and is left to the patterns. */
const SHORT_PARAGRAPH_WORDS = 25;

function furnitureParagraphs(paragraphs: string[], truth: string[]): Array<{ kind: string; text: string }> {
  const truthWords = tokens(truth.join('\n').toLowerCase());
  const grams = new Set<string>();
  for (const line of truth) {
    const words = tokens(line.toLowerCase());
    for (let i = 0; i + 4 <= words.length; i++) grams.add(words.slice(i, i + 4).join(' '));
  }
  const known = new Set(truthWords);
  const compactTruth = compact(truth.join(''));
  const out: Array<{ kind: string; text: string }> = [];
  for (const text of paragraphs) {
    const kind = furnitureKind(text);
    if (kind) out.push({ kind, text });
    else if (
      truthWords.length > 0 &&
      tokens(text).length <= SHORT_PARAGRAPH_WORDS &&
      !(CJK.test(text) ? inCompactTruth(text, compactTruth) : inTruth(text, grams, known)) &&
      !isTruthFragment(text, truth)
    )
      out.push({ kind: 'not-in-truth', text });
  }
  return out;
}

/** Chinese and Japanese run their words together: their paragraphs are matched by characters. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const compact = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Most of the paragraph's 6-character runs occur in the truth (without spaces or punctuation). */
function inCompactTruth(paragraph: string, truth: string): boolean {
  const text = compact(paragraph);
  if (text.length < 6) return truth.includes(text);
  let hits = 0;
  for (let i = 0; i + 6 <= text.length; i++) if (truth.includes(text.slice(i, i + 6))) hits++;
  return hits >= 0.5 * (text.length - 5);
}

/** A heading or list item of the truth written with other spacing or punctuation. */
function isTruthFragment(text: string, truth: string[]): boolean {
  const key = tokens(text.toLowerCase()).join(' ');
  return key.length > 0 && truth.some((line) => tokens(line.toLowerCase()).join(' ').includes(key));
}

const key = (text: string): string => tokens(text.toLowerCase()).join(' ');

export function titleProblem(title: string, truth: string | null, site: string): string | null {
  const got = key(title);
  const siteKey = key(site.replace(/^www\./, '').replace(/\.[a-z]{2,6}$/, ''));
  if (siteKey.length >= 3 && got !== siteKey && (got.startsWith(`${siteKey} `) || got.endsWith(` ${siteKey}`)))
    return `site name kept: "${title}"`;
  if (!truth) return null;
  const want = key(truth);
  if (!want || got === want) return null;
  if (want.startsWith(got) && /["“”«»„'’]/.test(truth.slice(Math.max(0, title.length - 2), title.length + 3)))
    return `cut at a quote: "${title}"`;
  if (got.includes(want)) return `affix kept: "${title}"`;
  const wanted = new Set(want.split(' '));
  const shared = got.split(' ').filter((w) => wanted.has(w)).length / Math.max(1, got.split(' ').length);
  if (shared < 0.3) return `not the headline: "${title}" (truth "${truth}")`;
  return null;
}

const NOT_PERSON =
  /^(an[óo]nimo|anonyme?|anonymous|redac(ci[óo]n|[çc][ãa]o|tion)|reda[kc]tion|la redacci[óo]n|staff)$/i;

export function bylineProblem(byline: string | null, site: string, page: PageTruth): string | null {
  if (!byline) return null;
  if (/&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(byline)) return `entity: ${byline}`;
  if (NOT_PERSON.test(byline.trim())) return `not a person: ${byline}`;
  const host = hostName(page.url);
  const b = key(byline).replace(/ /g, '');
  if (b && (b === key(site).replace(/ /g, '') || (host && (host.includes(b) || b.includes(host)))))
    return `site name: ${byline}`;
  if (/\b(www\.|\.com\b|\.de\b|\.es\b|\.fr\b|\.br\b)/i.test(byline)) return `brand: ${byline}`;
  if (!/\s/.test(byline.trim()) && /^\p{Ll}/u.test(byline.trim())) return `a bare word (a city?): ${byline}`;
  if (page.author) {
    const want = new Set(key(page.author).split(' '));
    if (
      !key(byline)
        .split(' ')
        .some((w) => want.has(w))
    )
      return `not the truth's author: ${byline} (truth "${page.author}")`;
  }
  return null;
}

function hostName(url: string): string {
  try {
    const parts = new URL(url).hostname.replace(/^www\./, '').split('.');
    return parts.length > 1 ? parts[parts.length - 2]! : parts[0]!;
  } catch {
    return '';
  }
}

export function captionProblem(caption: string | null): string | null {
  if (!caption) return null;
  if (/[\w-]+\.(jpe?g|png|gif|webp|avif|heic|tiff?)\b/i.test(caption)) return `file name: ${caption}`;
  if (/(^|[—–-]\s*)(foto|photo|fotograf[íi]a|bild|imagen|crédit|credit)s?\s*[:.]?\s*(…|\.\.\.)?\s*$/i.test(caption))
    return `dangling credit: ${caption}`;
  return null;
}
