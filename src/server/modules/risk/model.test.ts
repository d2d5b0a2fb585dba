import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus.js';
import { PairTable, predict, predictReference } from './model.js';

describe('the model at run time', () => {
  const sentences = loadCorpus(['train', 'validation', 'heldout', 'legacy']).map((s) => s.text);

  it('gives exactly what the trainer’s reference path gives, to the last bit, for every corpus sentence', () => {
    for (const text of sentences) expect(predict(text)).toEqual(predictReference(text));
    // Every labelled sentence (14,000 and growing) twice: about 12 s alone, several times that on a loaded CI machine.
  }, 180_000);

  it('gives exactly the reference for long messages, repeated words, unknown words and odd input', () => {
    const long: string[] = [];
    for (let i = 0; i < 30; i++) {
      let t = '';
      for (let k = i; t.length < 2000; k += 37) t += `${sentences[k % sentences.length]} `;
      long.push(t);
    }
    const odd = ['', ' ', '!!!', 'a', 'ab', 'abc', 'zxqv zxqv zxqv', 'ok ok ok ok ok ok', '💔💔💔', 'pills pills pills tonight tonight', 'x'.repeat(5000), 'word '.repeat(1000)];
    for (const text of [...long, ...odd, ...long]) expect(predict(text)).toEqual(predictReference(text));
  });
});

describe('PairTable', () => {
  it('keeps every pair through growth, answers -1 for an absent pair, and forgets all on clear', () => {
    const table = new PairTable(4);
    const pairs: [number, number][] = [];
    for (let a = 0; a < 60; a++) for (let b = 0; b < 50; b++) if ((a * 7 + b * 3) % 5 === 0) pairs.push([a * 1000, b]);
    pairs.forEach(([a, b], i) => table.add(a, b, i));
    expect(table.size).toBe(pairs.length);
    pairs.forEach(([a, b], i) => expect(table.get(a, b)).toBe(i));
    expect(table.get(1, 1)).toBe(-1);
    expect(table.get(0, 1)).toBe(-1);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get(0, 0)).toBe(-1);
  });
});
