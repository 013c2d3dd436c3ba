// Text a publisher encoded twice, in the languages we read, is read back; text written right, and
// the few runs that only look encoded twice, stay as they are.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { repairDoubleEncoding } from './double-encoding.js';
import { decodeBody } from './charset.js';

/** What a publisher's system does: UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1), written as UTF-8. */
function encodeTwice(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      [0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte)
        ? String.fromCharCode(byte)
        : iconv.decode(Buffer.from([byte]), 'windows-1252'),
    )
    .join('');
}

const written = [
  'El contundente triunfo del América ante el Atlanta United, según la Concacaf.',
  'Horoz dövüşü yaptıran zanlılar yakalandı; öğrenci girişi için şifre nasıl alınır?',
  'Fast jeder Zweite lehnt Grenzöffnungen für den Sommerurlaub ab, sagt die Umfrage.',
  'Przykro nam: ogromną ilość połączeń z Gdańska i Łodzi.',
  'Le président a déclaré « nous irons à Bruxelles » — c’est l’été.',
  'São Paulo e Brasília: a votação não começou às 8h.',
  'Președintele României a vizitat Timișoara.',
  'Президент заявил, что переговоры продолжатся в четверг.',
  'Ο πρωθυπουργός μίλησε στη Βουλή.',
  'ראש הממשלה נפגש עם השגריר בירושלים.',
  'قال الرئيس إن المحادثات ستستمر يوم الخميس.',
  'It’s “quoted” – and costs €12™.',
];

describe('repairDoubleEncoding', () => {
  for (const text of written) {
    it(`reads back "${text.slice(0, 24)}…" encoded twice, and leaves it as written`, () => {
      const twice = encodeTwice(text);
      expect(twice).not.toBe(text);
      expect(repairDoubleEncoding(twice)).toBe(text);
      expect(repairDoubleEncoding(text)).toBe(text);
    });
  }

  it('repairs the runs of a text encoded twice only in part, and keeps the rest', () => {
    const mixed = `${encodeTwice('EBA öğrenci giriş')} İTÇ Şifresi nasıl alınır?`;
    expect(repairDoubleEncoding(mixed)).toBe('EBA öğrenci giriş İTÇ Şifresi nasıl alınır?');
  });

  it('leaves runs that only look encoded twice', () => {
    // "×" before a no-break space reads as the Hebrew "נ"; "É…" as "Ʌ", no news language's letter.
    for (const text of ['Rosa ×\u00a0medioccidentalis', 'ÉTÉ… À BIENTÔT', 'Ñandú, naïve, Âge'])
      expect(repairDoubleEncoding(text)).toBe(text);
  });
});

describe('decodeBody', () => {
  it('reads a page whose text its publisher encoded twice as the text it was', () => {
    const page = `<html><head><meta charset="utf-8"><title>${encodeTwice('Atlético de Madrid')}</title></head></html>`;
    expect(decodeBody(Buffer.from(page, 'utf8'), 'text/html; charset=utf-8').text).toContain(
      '<title>Atlético de Madrid</title>',
    );
  });
});
