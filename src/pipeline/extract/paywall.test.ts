import { describe, expect, it } from 'vitest';
import { parseFragment, protectStory, remove, textOf } from './dom.js';
import { all } from './select.js';
import { hasPaywallMarks, isPromptWord, isTeaser, removePaywallPrompts } from './paywall.js';

const prose = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) => `<p>Sentence ${i + 1} of the story, long enough to be read as its prose.</p>`,
  ).join('');

describe('paywall prompts', () => {
  it('matches whole class words of a prompt, never a state or the paywalled content', () => {
    for (const word of ['paywall', 'c-paywall', 'c-paywall__button', 'paywall-prompt', 'regwall', 'tp-container'])
      expect(isPromptWord(word), word).toBe(true);
    for (const word of ['no-paywall', 'paywall-on', 'has-paywall', 'paywalled-content', 'paywall-free', 'wallpaper'])
      expect(isPromptWord(word), word).toBe(false);
  });

  it('reads paywall marks from JSON-LD, prompt classes and subscriber labels, not from "no-paywall"', () => {
    expect(hasPaywallMarks('<script>{"isAccessibleForFree": false}</script>')).toBe(true);
    expect(hasPaywallMarks('<div class="x c-paywall__box"></div>')).toBe(true);
    expect(hasPaywallMarks('<span>🔒 Réservé aux abonnés</span>')).toBe(true);
    expect(hasPaywallMarks('<div class="article no-paywall paywall-on"></div>')).toBe(false);
  });

  it('calls a marked page a teaser only when its text is short', () => {
    const short = ['Una frase de apertura con pocas palabras, como la de un adelanto para suscriptores.'];
    const long = Array.from(
      { length: 12 },
      () =>
        'Veinte palabras de un párrafo completo que se repite aquí para hacer un texto largo de verdad uno dos tres.',
    );
    expect(isTeaser(true, short)).toBe(true);
    expect(isTeaser(true, long)).toBe(false);
    expect(isTeaser(false, short)).toBe(false);
  });

  it('removes prompt boxes and subscriber labels but never the block holding most of the story', () => {
    const root = parseFragment(
      `<div><div class="paywall-wrapper">${prose(6)}<div class="paywall-prompt"><p>Subscribe to continue</p></div></div>` +
        `<p><span>🔒</span> Nur für Abonnenten</p></div>`,
    );
    protectStory(root);
    removePaywallPrompts(root);
    const text = textOf(root);
    expect(text).toContain('Sentence 6 of the story');
    expect(text).not.toContain('Subscribe to continue');
    expect(text).not.toContain('Nur für Abonnenten');
  });

  it('makes remove() leave the story block in place, and only it', () => {
    const root = parseFragment(
      `<div><section class="story">${prose(5)}</section><aside><p>Short box</p></aside></div>`,
    );
    protectStory(root);
    const [story] = all(root, 'section');
    remove(story!);
    for (const aside of all(root, 'aside')) remove(aside);
    expect(textOf(root)).toContain('Sentence 5');
    expect(textOf(root)).not.toContain('Short box');
  });
});
