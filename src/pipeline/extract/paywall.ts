/**
 * Paywalls. A page that hides part of its story says so (JSON-LD isAccessibleForFree false, paywall
 * markup, a "Para suscriptores" label); we drop the prompt that stands where the rest would be
 * ("Subscribe to continue reading"), which is not part of the story, and call the article a teaser only
 * when what we got is short: the page served to us often holds the whole text behind such marks (the
 * part JSON-LD's hasPart calls not free is then the body itself, and stays).
 */
import { collapse, remove, textOf, type DomElement } from './dom.js';
import { all } from './select.js';

/** Subscriber labels as pages write them (es, pt, fr, de, it, en), optionally after a lock icon. */
const SUBSCRIBER_LABEL =
  /(para suscriptores|exclusivo para suscriptores|contenido exclusivo para suscriptores|exclusivo para assinantes|conte[úu]do exclusivo para assinantes|s[óo] para assinantes|r[ée]serv[ée] aux abonn[ée]s|article r[ée]serv[ée] aux abonn[ée]s|nur f[üu]r abonnenten|exklusiv f[üu]r abonnenten|riservato agli abbonati|solo per abbonati|subscribers only|subscriber exclusive|exclusive to subscribers)/i;
const SUBSCRIBER_LABEL_ALONE = new RegExp(
  `^[\\p{So}\\p{Co}\\s|:·•-]*(lock\\s+)?${SUBSCRIBER_LABEL.source}[\\s.:!]*$`,
  'iu',
);

/** A class or id word that names a paywall prompt box: "paywall", "c-paywall__button", "paywall-prompt",
 *  "regwall", "tp-container", "meter-banner"... */
const PROMPT_PARTS = new Set(['paywall', 'regwall', 'piano', 'poool', 'tinypass', 'metered', 'meter']);
/** Parts that turn the word into a state or a content part: "no-paywall", "paywall-on", "has-paywall",
 *  "paywalled-content" (the story, hidden to others, served to us). */
const NOT_A_PROMPT_PARTS = new Set([
  'no',
  'non',
  'not',
  'without',
  'free',
  'on',
  'off',
  'is',
  'has',
  'active',
  'enabled',
  'disabled',
  'open',
  'opened',
  'closed',
  'hidden',
  'visible',
  'content',
  'body',
  'text',
  'article',
  'story',
  'paywalled',
]);
const PROMPT_WORDS = new Set(['tp-container', 'subscribe-prompt', 'subscription-prompt', 'premium-prompt']);

/** Whether one class/id word names a prompt box (whole words: "no-paywall" is no paywall). */
export function isPromptWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (PROMPT_WORDS.has(lower)) return true;
  const parts = lower.split(/[-_]+/).filter(Boolean);
  return parts.some((part) => PROMPT_PARTS.has(part)) && !parts.some((part) => NOT_A_PROMPT_PARTS.has(part));
}

function hasPromptName(el: DomElement): boolean {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  return names.split(/\s+/).some((word) => word.length > 0 && isPromptWord(word));
}

/** The page marks part of its story as for subscribers: JSON-LD isAccessibleForFree false, a paywall
 *  box in its markup, or a subscriber label. Not yet a teaser: see isTeaser. */
export function hasPaywallMarks(html: string): boolean {
  if (/"isAccessibleForFree"\s*:\s*"?false/i.test(html) || SUBSCRIBER_LABEL.test(html)) return true;
  for (const match of html.matchAll(/class="([^"]*(?:paywall|regwall|premium-content|subscriber-only)[^"]*)"/gi))
    if (match[1]!.split(/\s+/).some((word) => isPromptWord(word) || /^(premium-content|subscriber-only)$/i.test(word)))
      return true;
  return false;
}

/** A text this long (words; Chinese and Japanese characters count a third of a word) is the article,
 *  not its opening, whatever marks the page carries. */
export const FULL_TEXT_WORDS = 200;

/** A teaser: the page carries paywall marks and what it shows us is short. */
export function isTeaser(marked: boolean, paragraphs: string[]): boolean {
  return marked && wordsIn(paragraphs) < FULL_TEXT_WORDS;
}

function wordsIn(paragraphs: string[]): number {
  let words = 0;
  for (const text of paragraphs) {
    words += (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    words += (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length / 3;
  }
  return words;
}

/** Removes the prompt boxes and subscriber labels from the body. The parts JSON-LD marks as not free
 *  stay: on the page served to us they hold the story (a prompt inside one goes by its own name). */
export function removePaywallPrompts(root: DomElement): void {
  for (const el of all(root, '[class], [id]')) if (el !== root && hasPromptName(el)) remove(el);
  for (const el of all(root, 'p, div, span, strong, b, em, small, header')) {
    if (el === root) continue;
    const text = textOf(el, 80);
    if (text.length <= 60 && SUBSCRIBER_LABEL_ALONE.test(collapse(text))) remove(el);
  }
}
