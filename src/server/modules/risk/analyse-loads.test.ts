import { describe, expect, it } from 'vitest';

// Imported inside each test, not at the top: a language-model set-up that fails when the module
// loads must fail a test here, not only the collection of the file.
const load = async () => (await import('./analyse.js')).analyse;
const marked = async (text: string): Promise<string[]> => (await load())(text).map((s) => s.tokens.map((t) => `${t.text}${t.negated ? '¬' : ''}`).join(' '));

describe('the language model the frames read', () => {
  it('loads with sentence bounds, parts of speech and negation', async () => {
    const analyse = await load();
    const sentences = analyse('Took tablets. not going to do it');
    expect(sentences.map((s) => s.tokens.map((t) => t.pos))).toEqual([
      ['VERB', 'NOUN', 'PUNCT'],
      ['PART', 'VERB', 'PART', 'VERB', 'PRON'],
    ]);
    expect(sentences[1]?.tokens.map((t) => t.negated)).toEqual([false, true, true, true, true]);
  });
});

describe('negation words wink-nlp knows and the fix-up does not name', () => {
  it('keeps the scope of "without" from the start of a sentence', async () => {
    expect(await marked('everyone better off without me')).toEqual(['everyone better off without me¬']);
    expect(await marked('first week without a drink')).toEqual(['first week without a¬ drink¬']);
  });

  it('keeps it past a subject that wink-nlp did not read as negated', async () => {
    expect(await marked('i am just a burden they would be fine without me')).toEqual(['i am just a burden they would be fine without me¬']);
    expect(await marked('some days i think everyone would be better off without me')).toEqual(['some days i think everyone would be better off without me¬']);
  });

  it('starts again at "never" after a clause end', async () => {
    expect(await marked('i am fine; i never want to live')).toEqual(['i am fine ; i never want¬ to¬ live¬']);
  });

  it('ends a clause only at a stop at the end of a word, not inside one ("11.40")', async () => {
    expect(await marked('the 11.40 freight comes through here without stopping. i am on the embankment waiting for it')).toEqual([
      'the 11.40 freight comes through here without stopping¬ .',
      'i am on the embankment waiting for it',
    ]);
  });
});
