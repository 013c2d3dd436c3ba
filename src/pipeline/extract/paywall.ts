/**
 * Paywalls. A page that hides part of its story says so (JSON-LD isAccessibleForFree false, paywall
 * markup); we keep the lead it shows, mark the article as a teaser, and drop the prompt that stands
 * where the rest would be ("Subscribe to continue reading"), which is not part of the story.
 */
import { remove, type DomElement } from './dom.js';
import { all } from './select.js';

/** The page marks its body as partly hidden: JSON-LD isAccessibleForFree false, or paywall markup. */
export function isTeaser(html: string): boolean {
  return (
    /"isAccessibleForFree"\s*:\s*"?false/i.test(html) ||
    /class="[^"]*\b(paywall|regwall|premium-content|subscriber-only)\b/i.test(html)
  );
}

/** Where publishers put the subscription prompt (Piano, Poool, Tinypass, home-grown "paywall" boxes). */
const PROMPT = [
  '[class*=paywall]',
  '[id*=paywall]',
  '[class*=regwall]',
  '[class*=subscribe-prompt]',
  '[class*=subscription-prompt]',
  '[class*=piano]',
  '[id*=piano]',
  '[class*=poool]',
  '[id*=poool]',
  '[class*=tp-container]',
  '[class*=meter-]',
].join(', ');

/** Removes the prompt boxes of a teaser from its body, and the part the page's JSON-LD marks as paywalled
 *  (hasPart.cssSelector): on a teaser that part holds the prompt, never the story. */
export function removePaywallPrompts(root: DomElement, paywalledSelectors: string[]): void {
  for (const selector of [PROMPT, ...paywalledSelectors]) {
    for (const el of all(root, selector)) if (el !== root) remove(el);
  }
}
