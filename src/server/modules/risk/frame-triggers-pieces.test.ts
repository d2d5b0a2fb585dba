import { describe, expect, it } from 'vitest';
import { StartLists, TriggerIndex, triggersOf } from './frame-triggers.js';

// An "A|B" frame pattern whose alternatives all have trigger words is tried piece by piece at those
// words: a piece found in the wrong place, or the wrong piece chosen, is a frame match that differs
// from exec's (a risk sentence read as none, or the wrong cue shown to the clinician).

/** The index's first match of pattern 0 on a line of words, with exec's match beside it. */
function firstMatchOf(pattern: RegExp, line: string, startWords = line.split(' ')): { got: RegExpExecArray | null; exec: RegExpExecArray | null } {
  const index = new TriggerIndex([pattern]);
  const words = line.split(' ');
  const offsets = new Int32Array(words.length);
  words.reduce((at, w, i) => ((offsets[i] = at), at + w.length + 1), 0);
  const starts = index.starts(startWords, startWords, new StartLists());
  const sticky = new RegExp(pattern.source, `${pattern.flags}y`);
  return { got: index.firstMatch(0, pattern, sticky, line, starts, offsets), exec: pattern.exec(line) };
}
const where = (m: RegExpExecArray | null): [number, string] | null => (m ? [m.index, m[0]] : null);

const TAKE_OR_ROPE = /\b(?:take)\b pills|\b(?:rope)\b/;

describe('an "A|B" pattern tried piece by piece', () => {
  it('indexes each alternative as a piece of its own, numbered after the patterns', () => {
    const index = new TriggerIndex([TAKE_OR_ROPE, /\b(?:knife)\b/]);
    expect(index.entries).toBe(4);
    const starts = index.starts(['rope', 'take', 'knife'], ['rope', 'take', 'knife'], new StartLists());
    // The pattern itself lists no start; its pieces (2: "take…", 3: "rope") list their own words.
    expect([starts.first[0], starts.first[1]].map((e) => (e as number) >= 0)).toEqual([false, true]);
    expect(starts.word[starts.first[2] as number]).toBe(1);
    expect(starts.word[starts.first[3] as number]).toBe(0);
  });
  it("makes the pattern runnable when only its first alternative's word is in the sentence", () => {
    const index = new TriggerIndex([TAKE_OR_ROPE]);
    expect([...index.starts(['i', 'take', 'pill'], ['i', 'take', 'pills'], new StartLists()).runnable]).toEqual([1]);
    expect([...index.starts(['i', 'rope'], ['i', 'rope'], new StartLists()).runnable]).toEqual([1]);
    expect([...index.starts(['i', 'cat'], ['i', 'cat'], new StartLists()).runnable]).toEqual([0]);
  });
  it("takes the first alternative's match when it is leftmost, as exec does", () => {
    const { got, exec } = firstMatchOf(TAKE_OR_ROPE, 'take pills and the rope');
    expect(where(got)).toEqual([0, 'take pills']);
    expect(where(got)).toEqual(where(exec));
  });
  it("takes a later alternative's match when it is leftmost", () => {
    const { got, exec } = firstMatchOf(TAKE_OR_ROPE, 'the rope and i take pills');
    expect(where(got)).toEqual([4, 'rope']);
    expect(where(got)).toEqual(where(exec));
  });
  it("gives exec's match, with its groups, when two alternatives match at the same word", () => {
    const pattern = /\b(?:take)\b (all)|\b(?:take)\b (all my pills)/;
    const { got, exec } = firstMatchOf(pattern, 'i will take all my pills');
    expect(got?.[0]).toBe('take all');
    expect(got?.[1]).toBe('all');
    expect(where(got)).toEqual(where(exec));
  });
  it('passes over a trigger word where its piece does not match, to a later one where it does', () => {
    const { got, exec } = firstMatchOf(TAKE_OR_ROPE, 'take a break then take pills');
    expect(where(got)).toEqual([18, 'take pills']);
    expect(where(got)).toEqual(where(exec));
  });
  it('finds nothing when no piece matches at its words, and is not tried where the sentence has none of them', () => {
    expect(firstMatchOf(TAKE_OR_ROPE, 'take a break').got).toBeNull();
    // Starts computed for a sentence without "take" or "rope": not tried, though the line has "rope".
    expect(firstMatchOf(TAKE_OR_ROPE, 'rope and more', ['i', 'ran', 'off']).got).toBeNull();
  });
});

describe('a leading concept that is no word', () => {
  it('is not indexed when it starts with a class escape, "." or a class at its top level', () => {
    expect(triggersOf(/\b(?:\d+ pills|take) x/)).toBeNull();
    expect(triggersOf(/\b(?:take|\w+ pills) x/)).toBeNull();
    expect(triggersOf(/\b(?:.+ pills|take) x/)).toBeNull();
    expect(triggersOf(/\b(?:take|[0-9]+ pills) x/)).toBeNull();
  });
  it('is indexed when the class escape, "." or class sits inside a nested group', () => {
    expect([...(triggersOf(/\b(?:take (?:\d+ )?pills|b) x/) ?? [])]).toEqual(['take', 'b']);
    expect([...(triggersOf(/\b(?:a(?:[bc]|.)|d) x/) ?? [])]).toEqual(['a', 'd']);
  });
  it('is not indexed when a "(" inside a class leaves its end unfound', () => {
    expect(triggersOf(/\b(?:a(?:[(])|b) x/)).toBeNull();
  });
});
