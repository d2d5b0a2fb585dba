import { describe, expect, it } from 'vitest';
import { StartLists, TriggerIndex, alternatesAtTop, topLevelAlternatives, triggersOf } from './frame-triggers.js';

// The frames' prefilter skips a pattern none of whose trigger words is in the sentence, so a
// trigger read wrongly is a frame that never runs on the words it was written for (a risk
// sentence read as none), and a start missed is a match not found.
describe('trigger words of a frame pattern', () => {
  it('reads an escaped parenthesis in a first word as a character, not as a group', () => {
    expect([...(triggersOf(/\b(?:ab\(c|d) x/) ?? [])]).toEqual(['ab(c', 'd']);
  });
  it('skips a group nested inside the leading concept and takes the first word of each alternative', () => {
    expect([...(triggersOf(/\b(?:a(?:b|c)|d) x/) ?? [])]).toEqual(['a', 'd']);
    expect([...(triggersOf(/\b(?:take(?:n)? all|swallow) x/) ?? [])]).toEqual(['take', 'swallow']);
  });
});

describe('a pattern cut at its top-level alternations', () => {
  it('cuts only outside groups and character classes, at every top-level bar', () => {
    expect(topLevelAlternatives(/ab|c(d|e)|[|]f/)).toEqual(['ab', 'c(d|e)', '[|]f']);
    expect(alternatesAtTop(/[ab]c|d/)).toBe(true);
    expect(alternatesAtTop(/a[x|y]b/)).toBe(false);
    expect(alternatesAtTop(/(a|b)c/)).toBe(false);
  });
});

describe('where the index lets a pattern start', () => {
  it('tries a pattern only at the starts of its trigger words, not wherever exec would find it', () => {
    const pattern = /\b(?:cut)\b/;
    const index = new TriggerIndex([pattern]);
    const sticky = new RegExp(pattern.source, 'y');
    const line = 'i cut';
    const offsets = Int32Array.from([0, 2]);
    // Starts computed for a sentence without "cut": the pattern is not tried, though the line has it.
    expect(index.firstMatch(0, pattern, sticky, line, index.starts(['i', 'ran'], ['i', 'ran'], new StartLists()), offsets)).toBeNull();
    expect(index.firstMatch(0, pattern, sticky, line, index.starts(['i', 'cut'], ['i', 'cut'], new StartLists()), offsets)?.index).toBe(2);
  });
  it('puts every pattern in group 0 when no groups are given', () => {
    const index = new TriggerIndex([/\b(?:a)\b/, /\b(?:b)\b/]);
    expect([...index.starts(['b'], ['b'], new StartLists()).groupRunnable]).toEqual([1]);
  });
  it('keeps every start of a long message (its buffers grow past their first 64 entries)', () => {
    const index = new TriggerIndex([/\b(?:a)\b/, /\b(?:b)\b/]);
    const words = Array.from({ length: 150 }, (_, i) => (i % 3 === 2 ? 'b' : 'a'));
    const starts = index.starts(words, words, new StartLists());
    const list = (n: number): number[] => {
      const out: number[] = [];
      for (let e = starts.first[n] as number; e >= 0; e = starts.next[e] as number) out.push(starts.word[e] as number);
      return out;
    };
    expect(list(0)).toEqual(words.flatMap((w, i) => (w === 'a' ? [i] : [])));
    expect(list(1)).toEqual(words.flatMap((w, i) => (w === 'b' ? [i] : [])));
  });
});
