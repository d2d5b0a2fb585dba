import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StartLists, TriggerIndex, alternatesAtTop, patternTriggers, triggersOf } from './frame-triggers.js';

/** What the frames do with the index: sticky matches at the trigger words' starts. */
function viaIndex(index: TriggerIndex, patterns: readonly RegExp[], lemmas: string[], words: string[]): (RegExpExecArray | null)[][] {
  const starts = index.starts(lemmas, words, new StartLists());
  const sticky = patterns.map((p) => new RegExp(p.source, `${p.flags}y`));
  return [lemmas, words].map((line) => {
    const offsets = new Int32Array(line.length);
    line.reduce((at, w, i) => ((offsets[i] = at), at + w.length + 1), 0);
    const text = line.join(' ');
    return patterns.map((p, n) => index.firstMatch(n, p, sticky[n] as RegExp, text, starts, offsets));
  });
}
const same = (a: RegExpExecArray | null, b: RegExpExecArray | null): boolean => (a === null ? b === null : b !== null && a.index === b.index && a[0] === b[0]);

describe('frame trigger index', () => {
  it('reads the first words of a leading alternation, and none when it cannot', () => {
    expect([...(triggersOf(/\b(?:take|took|swallow) (?:\S+ ){0,3}\bpills\b/) ?? [])]).toEqual(['take', 'took', 'swallow']);
    expect(triggersOf(/(?:\b(?:a|b)\b|\d+) pills/)).toBeNull();
    expect(triggersOf(/\b(?:(?:a|b) c|d)\b/)).toBeNull();
  });
  it('knows a pattern that alternates at its top level, outside groups and character classes', () => {
    expect(alternatesAtTop(/\b(?:a|b)\b x|\b(?:c)\b/)).toBe(true);
    expect(alternatesAtTop(/\b(?:a|b)\b (?:x|y)/)).toBe(false);
    expect(alternatesAtTop(/\b(?:a)\b [|x]/)).toBe(false);
    expect(alternatesAtTop(/\b(?:a)\b \|x/)).toBe(false);
  });
  it('indexes an "A|B" pattern by the triggers of every alternative (B runs without A\'s words)', () => {
    expect([...(patternTriggers(/\b(?:give|gave)\b (?:\S+ ){0,3}\b(?:away)\b|\b(?:rehome|rehomed)\b/) ?? [])]).toEqual(['give', 'gave', 'rehome', 'rehomed']);
    expect(patternTriggers(/\b(?:a)\b x|\d+ pills/)).toBeNull();
    const index = new TriggerIndex([/\b(?:give|gave)\b (?:\S+ ){0,3}\b(?:away)\b|\b(?:rehome|rehomed)\b/]);
    const starts = index.starts(['i', 'rehome', 'the', 'cat'], ['i', 'rehomed', 'the', 'cat'], new StartLists());
    expect([...starts.runnable]).toEqual([1]);
  });
  it('says which groups of patterns may run', () => {
    const index = new TriggerIndex([/\b(?:take)\b/, /\b(?:pills)\b/, /\b(?:rope)\b/, /(?:\d+) x/], [0, 0, 1, 2]);
    const scan = (words: string[]): number[] => [...index.starts(words, words, new StartLists()).groupRunnable];
    expect(scan(['pills'])).toEqual([1, 0, 1]);
    expect(scan(['rope', 'now'])).toEqual([0, 1, 1]);
  });
  it('lists each start once, in order, for either line', () => {
    const index = new TriggerIndex([/\b(?:take|took)\b pills/, /\b(?:pills)\b/]);
    const starts = index.starts(['i', 'take', 'pill', 'take'], ['i', 'took', 'pills', 'take'], new StartLists());
    const list = (n: number): number[] => {
      const out: number[] = [];
      for (let e = starts.first[n] as number; e >= 0; e = starts.next[e] as number) out.push(starts.word[e] as number);
      return out;
    };
    expect(list(0)).toEqual([1, 3]);
    expect(list(1)).toEqual([2]);
    expect([...starts.runnable]).toEqual([1, 1]);
  });
  it('finds the same first match as exec, for every frame pattern, on lines made of their own words', async () => {
    // Imported here, not at the top: the frames build their index when they load, so an index that
    // breaks on a frame pattern fails this test instead of keeping the file's other tests from running.
    const { FRAME_PATTERNS } = await import('./frames.js');
    const index = new TriggerIndex(FRAME_PATTERNS);
    // Words the patterns are made of, and some others.
    const vocabulary = [...new Set(FRAME_PATTERNS.flatMap((p) => p.source.replace(/\\[bSsd]|[()?:*+{}\d,\\|]/g, ' ').split(/\s+/)).filter((w) => /^[a-z]+$/.test(w)))];
    const word = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('i', 'me', 'my', 'he', 'she', 'zzmed', 'zzpoison', '30', 'tonight', 'the', 'and', '.', 'not'));
    let matched = 0;
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 14 }), (line) => {
        const words = [...line];
        const lemmas = line.map((w) => w.replace(/(ed|ing|s)$/, ''));
        const got = viaIndex(index, FRAME_PATTERNS, lemmas, words);
        const mayRun = index.starts(lemmas, words, new StartLists()).runnable.slice();
        [lemmas, words].forEach((l, k) => {
          const text = l.join(' ');
          FRAME_PATTERNS.forEach((p, n) => {
            const expected = p.exec(text);
            // A pattern the index rules out never matches: the prefilter only skips what cannot match.
            if (mayRun[n] !== 1) {
              expect(expected).toBeNull();
              return;
            }
            if (expected) matched++;
            expect(same(got[k]?.[n] ?? null, expected)).toBe(true);
          });
        });
      }),
      { numRuns: 400, seed: 11 },
    );
    expect(matched).toBeGreaterThan(50);
  });
});
