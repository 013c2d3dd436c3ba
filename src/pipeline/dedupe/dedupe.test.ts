import { describe, expect, it } from 'vitest';
import { DedupeIndex, bodySignature, decodeSignature, encodeSignature, minhash, similarity } from './index.js';

/** A deterministic pseudo-article: sentences drawn from a vocabulary with a seeded generator. */
function article(seed: number, sentences = 30): string[] {
  const vocab =
    'gobierno presidente ministro acuerdo ciudad país economía mercado elecciones guerra paz tratado reunión cumbre ' +
    'empresa trabajadores sindicato huelga precio energía gas petróleo banco inflación crecimiento tribunal juez ' +
    'policía investigación informe datos población escuela hospital salud lluvia incendio puerto tren avión frontera';
  const list = vocab.split(' ');
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s;
  };
  const paragraphs: string[] = [];
  for (let p = 0; p < sentences / 5; p++) {
    const sentence: string[] = [];
    for (let i = 0; i < 5 * 12; i++) sentence.push(list[next() % list.length]!);
    paragraphs.push(sentence.join(' ') + '.');
  }
  return paragraphs;
}

describe('minhash', () => {
  it('scores an identical text 1 and an unrelated one near 0', () => {
    const a = minhash(article(1).join('\n'));
    expect(similarity(a, minhash(article(1).join('\n')))).toBe(1);
    expect(similarity(a, minhash(article(2).join('\n')))).toBeLessThan(0.1);
  });

  it('round-trips a signature through its text encoding', () => {
    const sig = minhash(article(3).join('\n'));
    expect(Array.from(decodeSignature(encodeSignature(sig)))).toEqual(Array.from(sig));
  });
});

describe('DedupeIndex', () => {
  it('finds an edited syndicated copy (paragraph added, one cut) and not a distinct article', () => {
    const index = new DedupeIndex();
    const original = article(10);
    index.add(1, bodySignature(original)!);
    index.add(2, bodySignature(article(11))!);

    const copy = [...original.slice(0, -1), 'Con información de agencias y redacción local sobre la cumbre.'];
    expect(index.findDuplicate(bodySignature(copy)!)).toMatchObject({ articleId: 1 });
    expect(index.findDuplicate(bodySignature(article(12))!)).toBeNull();
  });

  it('refuses to judge bodies too short to carry evidence', () => {
    expect(bodySignature(['Breve teaser de diez palabras sobre la reunión de hoy.'])).toBeNull();
  });
});
