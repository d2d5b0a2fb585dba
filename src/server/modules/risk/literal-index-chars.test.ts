import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiteralIndex } from './literal-index.js';

// The index keeps pairs of ASCII characters in a flat table and every other pair in a Map: a word
// or a text at the edge between the two (U+007F, U+0080), with a NUL, or with a character outside
// the BMP (two UTF-16 units) must be found exactly as String.includes finds it — a message pasted
// from anywhere reaches the rewrites and phrase rules through this index.
const EDGE = ['\u0000', '\u007f', '\u0080', 'a', 'b', '\u00e9', '\u{1F600}'];
const WORDS = ['a\u007f', '\u007fa', 'a\u0080', '\u0080a', '\u0000a', 'a\u0000', '\u0080\u0080', '\u007f\u0080b', '\u{1F600}', 'a\u{1F600}', '\u00e9\u0080', 'ab'];

describe('LiteralIndex at the edge of its ASCII table', () => {
  it('finds the same words as String.includes, for characters on either side of U+0080 and outside the BMP', () => {
    const index = new LiteralIndex(WORDS);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EDGE), { maxLength: 10 }), (chars) => {
        const text = chars.join('');
        expect([...index.present(text)]).toEqual(WORDS.map((w) => (text.includes(w) ? 1 : 0)));
      }),
      { numRuns: 1500, seed: 17 },
    );
  });
  it('tells apart pairs that share their first character across the edge', () => {
    const index = new LiteralIndex(['a\u007f', 'a\u0080', 'b\u0000']);
    expect([...index.present('a\u0080')]).toEqual([0, 1, 0]);
    expect([...index.present('a\u007f')]).toEqual([1, 0, 0]);
    expect([...index.present('b\u0000')]).toEqual([0, 0, 1]);
    // ASCII pair (a, U+0080) would sit where (b, NUL) sits if U+0080 were taken for ASCII.
    expect([...index.present('xb\u0000')]).toEqual([0, 0, 1]);
  });
});
