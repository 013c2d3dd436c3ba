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

  it('forgets signatures older than its window, and finds copies within it', () => {
    const day = 86_400_000;
    const index = new DedupeIndex(14 * day);
    const first = article(20);
    index.add(1, bodySignature(first)!, 0);
    index.add(2, bodySignature(article(21))!, 10 * day);
    expect(index.findDuplicate(bodySignature(first)!)).toMatchObject({ articleId: 1 });
    // An article seen 15 days after the first moves the window past it.
    index.add(3, bodySignature(article(22))!, 15 * day);
    expect(index.has(1)).toBe(false);
    expect(index.size).toBe(2);
    expect(index.findDuplicate(bodySignature(first)!)).toBeNull();
    expect(index.findDuplicate(bodySignature(article(21))!)).toMatchObject({ articleId: 2 });
    // A late arrival from before the window is not kept.
    index.add(4, bodySignature(article(23))!, 0);
    expect(index.has(4)).toBe(false);
  });

  it('holds a window of signatures, not all it ever saw (memory bounded in a long run)', () => {
    const day = 86_400_000;
    const index = new DedupeIndex(2 * day);
    const bodies = Array.from({ length: 20 }, (_, i) => bodySignature(article(100 + i))!);
    for (let i = 0; i < 600; i++) index.add(i, bodies[i % bodies.length]!, i * (day / 50));
    // 50 a day over 12 days; the window holds two days (100) plus the one just added.
    expect(index.size).toBeLessThanOrEqual(101);
    expect(index.size).toBeGreaterThanOrEqual(99);
  });

  it('refuses to judge bodies too short to carry evidence', () => {
    expect(bodySignature(['Breve teaser de diez palabras sobre la reunión de hoy.'])).toBeNull();
  });

  it("takes no two articles for copies because their bodies hold the publisher's cookie notice", () => {
    const notice = [
      'Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle publicidad relacionada con sus preferencias.',
      'Si continúa navegando, consideramos que acepta su uso en nuestro sitio web y en los de nuestros socios.',
      'Puede cambiar la configuración u obtener más información en nuestra política de privacidad y en la de cookies.',
      'Al pulsar aceptar, consiente el tratamiento de sus datos para los fines descritos en la política de privacidad.',
    ];
    const index = new DedupeIndex();
    const first = bodySignature([...article(1, 5), ...notice])!;
    index.add(1, first);
    expect(index.findDuplicate(bodySignature([...article(2, 5), ...notice])!)).toBeNull();
    // The article itself is still known under its notice.
    expect(index.findDuplicate(bodySignature(article(1, 5))!)?.articleId).toBe(1);
  });
});
