/**
 * The seed case: a Spanish article page shaped like the ones the bad aggregator scraped (headline in
 * <title>, og:title, breadcrumb and <h1>; names in <strong>/<a>/<b> with and without spaces at the
 * tags; a "LEE TAMBIÉN" box in the body; share bar; most-read list; an image named by its file).
 * Extracted and translated by real Apertium, it must hold no furniture, the headline once, every
 * name intact and no glued words.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractArticle } from './extract/index.js';
import { detectLanguage } from './language/index.js';
import { createTranslator } from './translate/index.js';

const dir = new URL('./extract/testdata/seed-case-es-aggregator/', import.meta.url);
const html = readFileSync(new URL('source.html', dir), 'utf8');
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as {
  url: string;
  mustNotContain: string[];
};
const translator = createTranslator({ engines: ['apertium'] });

afterAll(() => translator.close());

const furniture = [
  'Saltar al contenido',
  'LEE TAMBIÉN',
  'Lee también',
  'Compartir',
  'Lo más leído',
  'IMG_2024-0619',
  'Skip to content',
  'Read also',
  'Share',
  'most read',
];
/** Each name as English writes it; "glued" means a letter touching either end. */
const namesInEnglish = [
  'Kim Jong Un',
  'Vladimir Putin',
  'Kremlin',
  'Sergei Shoigu',
  'Sergei Lavrov',
  'Dmitri Peskov',
  'Antony Blinken',
  'TASS',
];

describe('the seed case, extracted and translated', async () => {
  const article = extractArticle(html, expected.url);
  const language = detectLanguage(article.paragraphs.join('\n'), article.languageHint);
  const translation = await translator.translateArticle(article, 'es', 'en');

  it('is Spanish and gets an Apertium translation', () => {
    expect(language.language).toBe('es');
    expect(translation?.engine).toBe('apertium');
    expect(translation!.paragraphs).toHaveLength(article.paragraphs.length);
  });

  it('holds no page furniture in the original or the translation', () => {
    const texts = [article.paragraphs.join('\n'), article.html, translation!.paragraphs.join('\n'), translation!.html];
    for (const text of texts)
      for (const phrase of [...expected.mustNotContain, ...furniture]) expect(text).not.toContain(phrase);
    expect(article.related).toHaveLength(2);
  });

  it('prints the headline once: as the title, never again in the body', () => {
    expect(article.title).toBe('Putin recibe a Kim Jong Un en el Kremlin y promete ampliar la cooperación militar');
    expect(article.paragraphs.join('\n')).not.toContain(article.title);
    expect(translation!.paragraphs.join('\n')).not.toContain(translation!.title);
    expect(translation!.title).toMatch(/^Putin .*Kim Jong Un.*Kremlin/);
  });

  it('keeps every name intact and glues no word to a name', () => {
    const text = translation!.paragraphs.join('\n');
    for (const name of namesInEnglish) {
      expect(text, name).toContain(name);
      const glued = new RegExp(`\\p{L}${name}|${name}\\p{Ll}`, 'u');
      expect(text, `${name} glued`).not.toMatch(glued);
    }
    for (const wrong of ['put on', 'He Kremlin', 'Kim Jong An', 'Shoigureceived', 'Ilfather'])
      expect(text).not.toContain(wrong);
    expect(translation!.protectedNames).toEqual(
      expect.arrayContaining(['Kim Jong Un', 'Vladímir Putin', 'Serguéi Shoigú']),
    );
  });

  it('keeps the inline markup around the names in the translated HTML, with spaces at the tag edges', () => {
    expect(translation!.html).toMatch(/<strong>Vladimir Putin<\/strong>,/);
    expect(translation!.html).toMatch(/Sergei Shoigu ?<\/b> ?\p{L}/u);
    const textOfHtml = translation!.html.replace(/<[^>]+>/g, '');
    for (const name of namesInEnglish)
      expect(textOfHtml, `${name} glued in HTML`).not.toMatch(new RegExp(`\\p{L}${name}|${name}\\p{Ll}`, 'u'));
  });
});
