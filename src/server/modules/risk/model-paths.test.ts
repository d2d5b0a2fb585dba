import { describe, expect, it } from 'vitest';
import { textForModel } from './features.js';
import { JOINT_CLASSES, jointKind, predict, predictReference, type ModelWeights } from './model.js';

// The run-time path of Layer 2 (numbered features, stamps, a ranked explanation built in one pass)
// against the reference path the trainer uses, on the inputs where the two are built differently:
// empty and very long messages, each length class, a word with many letter sequences never seen,
// and a full list of six features that a later one must displace. Hand-made weights, so each
// expected figure can be checked by hand.
const only = (at: number, v: number): number[] => JOINT_CLASSES.map((_, i) => (i === at ? v : 0));
const URGENT_OTHERS = 5;
/** Fresh weights (each object gets its own compiled tables, so earlier tests leave no numbered features behind). */
const weightsOf = (weights: Record<string, number[]>): ModelWeights => ({
  version: 'test',
  trainedOn: [],
  seed: 1,
  thresholds: { urgent: 0.4, concern: 0.41 },
  joint: { classes: [...JOINT_CLASSES], bias: [1, 0, 0, 0, 0, 0, 0], weights },
});
const LETTERS = 'bcdfghjklmnpqrstvwxz';
/** n distinct made-up words of letters only (digits would be read as look-alike letters and repeat words). */
const words = (n: number, seed = 'w'): string =>
  Array.from({ length: n }, (_, i) => `${seed}${LETTERS[i % 20]}${LETTERS[Math.floor(i / 20) % 20]}${LETTERS[Math.floor(i / 400)]}`).join(' ');
/** predict, after checking it equals the reference path to the last bit. */
const checked = (text: string, weights: ModelWeights) => {
  const prediction = predict(text, weights);
  expect(prediction).toEqual(predictReference(text, weights));
  return prediction;
};

describe('the run-time path reads what the reference path reads', () => {
  it('an empty message: the length feature alone', () => {
    const weights = weightsOf({ 'n:tiny': only(URGENT_OTHERS, 3), 'w:': only(URGENT_OTHERS, 9) });
    expect(checked('', weights).features).toEqual([{ feature: '(a tiny message)', weight: 3 }]);
    expect(checked('   ', weights).features).toEqual([{ feature: '(a tiny message)', weight: 3 }]);
  });

  it('the first 600 words of a longer message', () => {
    const text = words(700, 'l');
    const read = textForModel(text).split(' ');
    expect(read.length).toBe(700);
    const [last, first] = [read[599] as string, read[600] as string];
    expect([read.indexOf(last), read.indexOf(first)]).toEqual([599, 600]);
    const cut = checked(text, weightsOf({ [`w:${last}`]: only(URGENT_OTHERS, 400), [`w:${first}`]: only(URGENT_OTHERS, 4000) }));
    expect(cut.features.map((f) => f.feature)).toEqual([`“${last}”`]);
  });

  it('the length class of each message: tiny to 3 words, short to 8, medium to 25, long beyond', () => {
    const weights = weightsOf({ 'n:tiny': only(1, 100), 'n:short': only(2, 100), 'n:medium': only(3, 100), 'n:long': only(4, 100) });
    const pushes = (n: number) => checked(words(n), weights).features.map((f) => f.feature);
    expect(pushes(3)).toEqual(['(a tiny message)']);
    expect(pushes(4)).toEqual(['(a short message)']);
    expect(pushes(8)).toEqual(['(a short message)']);
    expect(pushes(9)).toEqual(['(a medium message)']);
    expect(pushes(25)).toEqual(['(a medium message)']);
    expect(pushes(26)).toEqual(['(a long message)']);
  });

  it('one long word of letter sequences never seen before (more than the stamps first made room for)', () => {
    let seed = 7;
    const letter = (): string => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return 'abcdefghijklmnopqrstuvwxyz'[seed % 26] as string;
    };
    const word = Array.from({ length: 1500 }, letter).join('');
    checked(word, weightsOf({ 'n:tiny': only(URGENT_OTHERS, 3) }));
    checked(`${word} ${word}`, weightsOf({ 'n:tiny': only(URGENT_OTHERS, 3) }));
  });
});

describe('the features that pushed', () => {
  it('leave out a feature that pushes neither way', () => {
    const weights = weightsOf({ 'w:cut': only(4, 4), 'w:deep': [2, 0, 0, 0, 2, 0, 0] });
    expect(checked('cut deep', weights).features.map((f) => f.feature)).toEqual(['“cut”']);
  });

  it('let a later word, or a stronger letter sequence, displace the weakest of six letter sequences', () => {
    // "abcdefg": w:abcdefg, then its letter sequences " ab", "abc", "bcd", … in order.
    const grams = ['c: ab', 'c:abc', 'c:bcd', 'c:cde', 'c:def', 'c:efg', 'c:fg ', 'c: abc'];
    const weights = weightsOf({ ...Object.fromEntries(grams.map((g, i) => [g, only(URGENT_OTHERS, 1 + i)])), 'w:zy': only(URGENT_OTHERS, 0.5) });
    expect(checked('abcdefg', weights).features.map((f) => f.feature)).toEqual([
      '“abc…” (letters)',
      '“fg…” (letters)',
      '“efg…” (letters)',
      '“def…” (letters)',
      '“cde…” (letters)',
      '“bcd…” (letters)',
    ]);
    expect(checked('abcdefg zy', weights).features.map((f) => f.feature)).toEqual([
      '“zy”',
      '“abc…” (letters)',
      '“fg…” (letters)',
      '“efg…” (letters)',
      '“def…” (letters)',
      '“cde…” (letters)',
    ]);
  });
});

describe('malformed probabilities', () => {
  it('still name a kind: self-harm, the first', () => {
    expect(jointKind([0, Number.NaN, 0, 0, 0, 0, 0])).toBe('self_harm');
    expect(predict('pills', weightsOf({ 'w:pills': only(1, Number.NaN) }))).toMatchObject({ tier: 'none', kind: 'self_harm' });
  });
});
