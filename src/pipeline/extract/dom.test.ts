import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { collapse, collapsedLength, measureText, parseFragment } from './dom.js';

/** Every character JavaScript's \s matches, and some that it does not. */
const chars = fc.constantFrom(
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\f',
  '\v',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '\u200b',
  'a',
  'é',
  'Ж',
  '.',
  '-',
);

describe('collapse', () => {
  it('is the whitespace runs made one space and the ends trimmed, as the regex does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 12 }).map((parts) => parts.join('')),
        (text) => {
          expect(collapse(text)).toBe(text.replace(/\s+/g, ' ').trim());
          expect(collapsedLength(text, true)).toBe(collapse(text).length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads null and undefined as empty', () => {
    expect(collapse(null)).toBe('');
    expect(collapse(undefined)).toBe('');
  });
});

describe('measureText', () => {
  it('counts collapsed text and the part inside links, skipping scripts', () => {
    const root = parseFragment('<p>Hello  <a href="/x">big\n world</a></p><script>var x = 1;</script><p> ok </p>');
    expect(measureText(root)).toEqual({
      text: 'Hello'.length + 'big world'.length + 'ok'.length,
      links: 'big world'.length,
    });
  });
});
