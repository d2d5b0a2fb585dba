import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus.js';
import { predict, predictReference } from './model.js';

describe('the model at run time', () => {
  const sentences = loadCorpus(['train', 'validation', 'heldout', 'legacy']).map((s) => s.text);

  it('gives exactly what the trainer’s reference path gives, to the last bit, for every corpus sentence', () => {
    for (const text of sentences) expect(predict(text)).toEqual(predictReference(text));
  });

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
