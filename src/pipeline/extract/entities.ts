/**
 * Character references left in text after the HTML parser read it: a publisher that escaped twice
 * ("SQL &amp;#x26; AI" in an attribute reads "SQL &#x26; AI"; JSON-LD bylines "Maria &amp; Katerina").
 * No headline or name means the letters "&amp;", so they are read once more.
 */
import { parseFragment, textOf } from './dom.js';

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** The text with its leftover character references read. */
export function decodeEntities(text: string): string {
  const decoded = text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
  // Any other named entity ("Redacci&oacute;n") through the HTML parser, which knows them all.
  return /&[a-z]+;/i.test(decoded) ? textOf(parseFragment(decoded.replace(/</g, '&lt;'))) : decoded;
}
