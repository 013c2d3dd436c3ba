import { describe, expect, it } from 'vitest';
import { editRunTexts } from './html-edit.js';

describe('editRunTexts', () => {
  it('rewrites only the words that changed, inside the tags that held them, spacing as it was', () => {
    const html = '<p>The <b>Pink  House</b> said\nyes.</p><p>Other run.</p>';
    const edit = (text: string) => (text === 'The Pink House said yes.' ? 'The Casa Rosada said yes.' : undefined);
    expect(editRunTexts(html, edit)).toBe('<p>The <b>Casa  Rosada</b> said\nyes.</p><p>Other run.</p>');
  });

  it('rewrites several places in one run, across tags', () => {
    const html = '<li>Vladimir <i>Putina</i> met <a href="/x">Ana</a> in Moscú.</li>';
    const out = editRunTexts(html, () => 'Vladimir Putin met Ana López in Moscow.');
    expect(out).toBe('<li>Vladimir <i>Putin</i> met <a href="/x">Ana López</a> in Moscow.</li>');
  });

  it('leaves runs it is not asked to change, and escapes what it writes', () => {
    const html = '<p>One &amp; two.</p><p>Three.</p>';
    expect(editRunTexts(html, (t) => (t === 'Three.' ? 'Three <four>.' : undefined))).toBe(
      '<p>One &amp; two.</p><p>Three &lt;four&gt;.</p>',
    );
  });
});
