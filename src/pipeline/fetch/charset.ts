/**
 * Bytes → text. The charset comes from, in order:
 *  1. a byte-order mark (it is proof, and WHATWG lets it override a header, as browsers do),
 *  2. the HTTP Content-Type header,
 *  3. <meta charset> / <meta http-equiv="Content-Type"> in the first 4 KB,
 *  4. the XML declaration (<?xml … encoding="…"?>) for feeds,
 *  5. UTF-8, and if the bytes are not valid UTF-8, windows-1252 (the usual undeclared legacy page).
 * Labels are read as the WHATWG Encoding Standard says, so 'iso-8859-1' and 'latin1' decode as
 * windows-1252 like every browser does: pages that say Latin-1 routinely carry €, “ ” in 0x80–0x9F.
 * Legacy charsets go through iconv-lite: Node 20's TextDecoder decodes 'windows-1252' as plain
 * Latin-1 (0x93 → U+0093, nodejs/node#56542), which would lose every smart quote.
 * Text the publisher encoded twice ("AmÃ©rica") is then read back (double-encoding.ts).
 */
import iconv from 'iconv-lite';
import { repairDoubleEncoding } from './double-encoding.js';

/** The WHATWG prescan reads 1 KB; many CMSs put 2–3 KB of scripts before the meta, hence 4 KB. */
const SNIFF_BYTES = 4096;

export interface DecodedBody {
  text: string;
  charset: string;
}

export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedBody {
  const { text, charset } = decodeBytes(bytes, contentType);
  return { text: repairDoubleEncoding(text), charset };
}

function decodeBytes(bytes: Uint8Array, contentType: string | null): DecodedBody {
  const bom = charsetFromBom(bytes);
  if (bom) return decodeAs(bytes.subarray(bom.length), bom.charset);
  const declared = charsetFromContentType(contentType) ?? charsetFromMarkup(bytes);
  if (declared) {
    const decoded = tryDecode(bytes, declared);
    if (decoded) return decoded;
  }
  return decodeUndeclared(bytes);
}

/** The charset parameter of a Content-Type value, if any. */
export function charsetFromContentType(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

function charsetFromBom(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** <meta charset>, <meta http-equiv content="…; charset=…">, then the XML declaration. */
export function charsetFromMarkup(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString('latin1');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  // An ASCII-compatible page cannot really be UTF-16; WHATWG says to read such a meta as UTF-8.
  if (meta?.[1]) return /^utf-?16/i.test(meta[1]) ? 'utf-8' : meta[1].toLowerCase();
  const xml = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return xml?.[1]?.toLowerCase() ?? null;
}

function decodeUndeclared(bytes: Uint8Array): DecodedBody {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return decodeAs(bytes, 'windows-1252');
  }
}

/** WHATWG label → encoding, where it differs from what iconv-lite would do with the label. */
const WHATWG_ALIASES: Record<string, string> = {
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  cp1252: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  latin5: 'windows-1254',
  'tis-620': 'windows-874',
  'iso-8859-11': 'windows-874',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** Decodes UTF-8 natively and legacy charsets with iconv-lite; null for an unknown label. */
function tryDecode(bytes: Uint8Array, label: string): DecodedBody | null {
  const charset = WHATWG_ALIASES[label] ?? label;
  if (charset === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes), charset };
  if (iconv.encodingExists(charset)) return { text: iconv.decode(Buffer.from(bytes), charset), charset };
  try {
    const decoder = new TextDecoder(charset);
    return { text: decoder.decode(bytes), charset: decoder.encoding };
  } catch {
    return null;
  }
}

function decodeAs(bytes: Uint8Array, label: string): DecodedBody {
  return tryDecode(bytes, label) ?? decodeUndeclared(bytes);
}
