import { describe, expect, it } from 'vitest';
import { featuresOf, featuresOfExpanded, modelTextExpanded, substanceClassFeatures, textForModel } from './features.js';

// The model's features (Layer 2) as the trainer and the detector compute them. A feature the
// detector computes differently from the trainer is a weight read for the wrong thing: the model's
// tier and its explanation ("“pills”", "“tonig…” (letters)") change without any retraining.
const names = (text: string): string[] => [...featuresOfExpanded(text).keys()];
const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('the text the model reads', () => {
  it('drops apostrophes inside words and turns other marks, emoji and line breaks into single spaces', () => {
    expect(modelTextExpanded("it's 💔 a—b\tc\u00a0d  e ")).toBe('its a b c d e');
    expect(modelTextExpanded("don't")).toBe('dont');
    expect(modelTextExpanded('a\n\nb')).toBe('a b');
    expect(modelTextExpanded('  a  ')).toBe('a');
    expect(modelTextExpanded('a,b;c!')).toBe('a b c');
  });

  it('keeps letters and digits of any script, and drops emoji-block symbols even where they count as digits', () => {
    expect(modelTextExpanded('é ñ 3 ½ _')).toBe('é ñ 3 ½');
    // ➀ (U+2780, a dingbat digit) is a number to Unicode: only the emoji range removes it.
    expect(modelTextExpanded('a➀b')).toBe('a b');
    expect(modelTextExpanded('a\u2603b\u27BFc\u{1F300}d\u{1FAFF}e')).toBe('a b c d e');
  });

  it('reads shorthand and contractions expanded first (textForModel = expandShorthand + modelTextExpanded)', () => {
    expect(textForModel("I can't 💔 do this—anymore!!")).toBe('i can not do this anymore');
    expect(textForModel("I'm sad")).toBe('i am sad');
  });
});

describe('the features of a text', () => {
  it('are each word, each pair of neighbouring words, the 3- and 4-letter sequences of words over two letters, and the length', () => {
    expect(names('ab abc')).toEqual(['w:ab', 'b:ab abc', 'w:abc', 'c: ab', 'c:abc', 'c:bc ', 'c: abc', 'c:abc ', 'n:tiny']);
    expect(names('ok')).toEqual(['w:ok', 'n:tiny']);
  });

  it('count each distinct feature once, all with the same weight, the vector of length one', () => {
    const features = featuresOfExpanded('no no no');
    expect([...features.keys()]).toEqual(['w:no', 'b:no no', 'n:tiny']);
    for (const value of features.values()) expect(value).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect([...featuresOfExpanded('').entries()]).toEqual([['n:tiny', 1]]);
  });

  it('name the length of the message: tiny up to 3 words, short up to 8, medium up to 25, long beyond', () => {
    const length = (n: number) => names(words(n)).filter((f) => f.startsWith('n:'));
    expect(length(3)).toEqual(['n:tiny']);
    expect(length(4)).toEqual(['n:short']);
    expect(length(8)).toEqual(['n:short']);
    expect(length(9)).toEqual(['n:medium']);
    expect(length(25)).toEqual(['n:medium']);
    expect(length(26)).toEqual(['n:long']);
  });

  it('read the first 600 words only', () => {
    const features = featuresOfExpanded(words(601));
    expect(features.has('w:w599')).toBe(true);
    expect(features.has('b:w598 w599')).toBe(true);
    expect(features.has('w:w600')).toBe(false);
    expect(features.has('b:w599 w600')).toBe(false);
  });

  it('add medicines and poisons by class, with their neighbours, after the words', () => {
    const features = [...featuresOf('took 30 paracetamol tonight').keys()];
    expect(features.slice(-4)).toEqual(['w:zzmed', 'b:30 zzmed', 'b:zzmed tonight', 'n:short']);
    expect(features).toContain('w:paracetamol');
  });
});

describe('substance class features', () => {
  it('name the class of each substance word with the words beside it, and nothing for a text without one', () => {
    expect(substanceClassFeatures(['took', 'paracetamol', 'and', 'bleach'])).toEqual(['w:zzmed', 'b:took zzmed', 'b:zzmed and', 'w:zzpoison', 'b:and zzpoison']);
    expect(substanceClassFeatures(['paracetamol'])).toEqual(['w:zzmed']);
    expect(substanceClassFeatures(['sleeping', 'pills', 'x'])).toEqual(['w:zzmed', 'b:zzmed zzmed', 'w:zzmed', 'b:zzmed zzmed', 'b:zzmed x']);
    expect(substanceClassFeatures(['i', 'am', 'tired'])).toEqual([]);
    expect(substanceClassFeatures([])).toEqual([]);
  });
});
