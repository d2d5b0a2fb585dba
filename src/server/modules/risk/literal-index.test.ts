import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiteralIndex } from './literal-index.js';

// The prefilter that decides which phrase rules and rewrites run (a word it misses is a rule that
// never fires, so a risk phrase unread). markFrom is what the rewrite chain calls after an edit:
// it must add exactly the words that start inside the window it is given.
const WORDS = ['ab', 'abc', 'abz', 'abcz', 'b', 'bc', 'cab', 'zz', 'a b', '', 'éa', 'aéb', 'é', 'éé', 'ba'];
const startsIn = (text: string, word: string, from: number, to: number): boolean => {
  if (word === '') return true;
  for (let p = from; p < to; p++) if (text.startsWith(word, p)) return true;
  return false;
};

describe('LiteralIndex.markFrom', () => {
  it('adds every word that starts in [from, to), and no other', () => {
    const index = new LiteralIndex(WORDS);
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'z', 'é'), maxLength: 12 });
    fc.assert(
      fc.property(text, fc.nat(14), fc.nat(14), (t, x, y) => {
        const [from, to] = x <= y ? [x, y] : [y, x];
        index.present('');
        const found = [...index.markFrom(t, from, to)];
        expect(found).toEqual(WORDS.map((w) => (startsIn(t, w, from, to) ? 1 : 0)));
      }),
      { numRuns: 1500, seed: 11 },
    );
  });
  it('keeps what an earlier call found, and present starts afresh', () => {
    const index = new LiteralIndex(['ab', 'cd']);
    index.present('ab');
    expect([...index.markFrom('xxcd', 2, 4)]).toEqual([1, 1]);
    expect([...index.present('cd')]).toEqual([0, 1]);
  });
  it('knows its size and its longest word', () => {
    const index = new LiteralIndex(['ab', 'abcde', 'x']);
    expect(index.size).toBe(3);
    expect(index.longest).toBe(5);
    expect(new LiteralIndex([]).longest).toBe(0);
  });
  it('finds words that share their first three characters, and two-character words beside longer ones', () => {
    const index = new LiteralIndex(['abcd', 'abce', 'ab', 'éab', 'éa']);
    expect([...index.present('xabce')]).toEqual([0, 1, 1, 0, 0]);
    expect([...index.present('abcd abce éab')]).toEqual([1, 1, 1, 1, 1]);
    expect([...index.present('é')]).toEqual([0, 0, 0, 0, 0]);
  });
});
