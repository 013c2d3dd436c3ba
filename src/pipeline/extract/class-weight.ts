/**
 * Readability's class/id weighting, shared by the scorer (score.ts) and the cleaner (clean.ts): a class
 * or id naming story parts adds 25, one naming page furniture takes 25 off.
 */
import { getAttr, type DomElement } from './dom.js';

/** Readability's switches; each pass of the body cascade (body.ts) turns one more off. */
export interface Flags {
  stripUnlikely: boolean;
  weightClasses: boolean;
  cleanConditionally: boolean;
}

const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;

export function classWeight(el: DomElement, flags: Flags): number {
  if (!flags.weightClasses) return 0;
  let weight = 0;
  for (const name of [getAttr(el, 'class'), getAttr(el, 'id')]) {
    if (!name) continue;
    if (NEGATIVE.test(name)) weight -= 25;
    if (POSITIVE.test(name)) weight += 25;
  }
  return weight;
}
