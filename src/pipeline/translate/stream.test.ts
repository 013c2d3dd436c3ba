import { describe, it, expect } from 'vitest';
import { escapeStream, parseStream, stripUnknownMarks, wordbound } from './stream.js';

describe('stream format', () => {
  it('escapes every special character and parses it back', () => {
    const text = 'a [b] ^c$ 5 * 3 <x> @y {z} \\ w/v';
    expect(escapeStream(text)).toBe('a \\[b\\] \\^c\\$ 5 * 3 \\<x\\> \\@y \\{z\\} \\\\ w\\/v');
    expect(
      parseStream(escapeStream(text))
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });

  it('reads wordbound blanks as marks, including the merged form apertium writes', () => {
    const pieces = parseStream('Yesterday, [[t:1]]Vladimir[[/]] [[t:1; n:2]]Putin[[/]], said.[]');
    expect(pieces).toEqual([
      { text: 'Yesterday, ', marks: [] },
      { text: 'Vladimir', marks: ['t:1'] },
      { text: ' ', marks: [] },
      { text: 'Putin', marks: ['t:1', 'n:2'] },
      { text: ', said.', marks: [] },
    ]);
  });

  it('wraps only when there are marks', () => {
    expect(wordbound([], 'x')).toBe('x');
    expect(wordbound(['t:1', 'n:1'], 'x')).toBe('[[t:1; n:1]]x[[/]]');
  });
});

describe('stripUnknownMarks', () => {
  it('removes marks before words', () => {
    expect(stripUnknownMarks('the *Xyzzy and #gato and @perro', 'el Xyzzy')).toBe('the Xyzzy and gato and perro');
  });
  it('keeps arithmetic, hashtags and handles that were in the source', () => {
    expect(stripUnknownMarks('5 * 3 is 15 #JeSuis @elpais', '5 * 3 son 15 #JeSuis @elpais')).toBe(
      '5 * 3 is 15 #JeSuis @elpais',
    );
  });
  it('removes marks inside hyphenated words and after digits, noting the marked words', () => {
    const unknown = new Set<string>();
    expect(stripUnknownMarks('the gastro-*entérologue came 1*º', 'le gastro-entérologue 1º', unknown)).toBe(
      'the gastro-entérologue came 1º',
    );
    expect([...unknown]).toEqual(['entérologue', 'º']);
    expect(stripUnknownMarks('write to ana@example.com', 'escribe a ana@example.com')).toBe('write to ana@example.com');
  });
});
