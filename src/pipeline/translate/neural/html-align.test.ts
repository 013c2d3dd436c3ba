import { describe, expect, it } from 'vitest';
import { translateHtmlAligned } from './html-align.js';

describe('translateHtmlAligned', () => {
  /** A model that moves the name to the end of its sentence. */
  const reorder = async (texts: string[]) =>
    texts.map((t) => (t === 'Dijo Ana Pérez hoy' ? 'Today said Ana Pérez' : t));

  it('puts a tag back around a name found verbatim, wherever the model moved it', async () => {
    const { html } = await translateHtmlAligned('<p>Dijo <a href="/a">Ana Pérez</a> hoy</p>', 'en', reorder);
    expect(html).toBe('<p>Today said <a href="/a">Ana Pérez</a></p>');
  });

  it('puts other tags at the same relative position, punctuation outside them', async () => {
    const { html } = await translateHtmlAligned('<p>uno <em>dos</em> tres cuatro.</p>', 'en', async (t) => t);
    expect(html).toBe('<p>uno <em>dos</em> tres cuatro.</p>');
    const upper = async (texts: string[]) => texts.map((t) => t.toUpperCase());
    expect((await translateHtmlAligned('<p>La <a href="/c">casa</a>.</p>', 'en', upper)).html).toBe(
      '<p>LA <a href="/c">CASA</a>.</p>',
    );
  });
});
