import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBody, charsetFromMarkup } from './charset.js';

// Bytes as a legacy CMS writes them: é ñ in Latin-1 positions, “ ” € in windows-1252's 0x80–0x9F.
const SENTENCE = 'Café de España: “El niño” cuesta 5 €';
const cp1252 = (html: string) => new Uint8Array(iconv.encode(html, 'windows-1252'));
const page = (head: string) =>
  `<!doctype html><html><head>${head}<title>t</title></head><body><p>${SENTENCE}</p></body></html>`;

describe('decodeBody', () => {
  it('decodes a windows-1252 page declared in the header', () => {
    const { text, charset } = decodeBody(cp1252(page('')), 'text/html; charset=windows-1252');
    expect(text).toContain(SENTENCE);
    expect(charset).toBe('windows-1252');
  });

  it('decodes an ISO-8859-1 page with smart quotes and € the way browsers do', () => {
    const { text } = decodeBody(cp1252(page('')), 'text/html; charset=ISO-8859-1');
    expect(text).toContain(SENTENCE);
  });

  it('reads <meta charset> when the header says nothing', () => {
    const { text, charset } = decodeBody(cp1252(page('<meta charset="windows-1252">')), 'text/html');
    expect(text).toContain(SENTENCE);
    expect(charset).toBe('windows-1252');
  });

  it('reads <meta http-equiv> when there is no header at all', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">';
    expect(decodeBody(cp1252(page(head)), null).text).toContain(SENTENCE);
  });

  it('reads the XML declaration of a feed', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>${SENTENCE}</title></channel></rss>`;
    const { text } = decodeBody(cp1252(xml), 'application/rss+xml');
    expect(text).toContain(SENTENCE);
  });

  it('lets the header win over a contradicting meta', () => {
    const bytes = new TextEncoder().encode(page('<meta charset="windows-1252">'));
    expect(decodeBody(bytes, 'text/html; charset=utf-8').text).toContain(SENTENCE);
  });

  it('follows a UTF-8 BOM and strips it', () => {
    const body = new TextEncoder().encode(page(''));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    const { text, charset } = decodeBody(bytes, 'text/html; charset=windows-1252');
    expect(charset).toBe('utf-8');
    expect(text.startsWith('<!doctype')).toBe(true);
    expect(text).toContain(SENTENCE);
  });

  it('decodes a UTF-16LE page with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(page(''), 'utf-16le')]);
    expect(decodeBody(bytes, null).text).toContain(SENTENCE);
  });

  it('defaults to UTF-8 and falls back to windows-1252 on invalid UTF-8', () => {
    expect(decodeBody(new TextEncoder().encode(page('')), null)).toMatchObject({ charset: 'utf-8' });
    const legacy = decodeBody(cp1252(page('')), null);
    expect(legacy.charset).toBe('windows-1252');
    expect(legacy.text).toContain(SENTENCE);
  });

  it('decodes a charset only iconv-lite knows, and ignores an unknown label', () => {
    const koi = new Uint8Array(iconv.encode('Привет', 'koi8-r'));
    expect(decodeBody(koi, 'text/plain; charset=koi8-r').text).toBe('Привет');
    expect(decodeBody(new TextEncoder().encode('ñ'), 'text/plain; charset=no-such-thing').text).toBe('ñ');
  });
});

describe('charsetFromMarkup', () => {
  it('only looks at the first 4 KB', () => {
    const late = ' '.repeat(5000) + '<meta charset="koi8-r">';
    expect(charsetFromMarkup(new TextEncoder().encode(late))).toBeNull();
  });

  it('reads a meta asking for UTF-16 as UTF-8', () => {
    expect(charsetFromMarkup(new TextEncoder().encode('<meta charset="utf-16">'))).toBe('utf-8');
  });
});
