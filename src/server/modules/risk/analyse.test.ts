import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';

// The analysis the concept frames read: sentences, tokens, lemmas and which tokens a negation
// covers. A frame skips a negated act ("not going to hurt myself"), so a token wrongly negated is a
// disclosure missed, and one wrongly left un-negated is a denial read as a statement. The input is
// spelling-normalised text, as the detector passes it ("can not", not "can't"), except where noted.
/** Each sentence's tokens, a negated one marked with ¬. */
const marked = (text: string): string[] => analyse(text).map((s) => s.tokens.map((t) => `${t.text}${t.negated ? '¬' : ''}`).join(' '));

describe('sentences, tokens and lemmas', () => {
  it('splits sentences, lower-cases tokens, lemmatises them and joins both with single spaces', () => {
    const sentences = analyse('Took  tablets.\n\n  Not sure.');
    expect(sentences).toHaveLength(2);
    const [first] = sentences;
    expect(first?.words).toBe('took tablets .');
    expect(first?.lemmas).toBe('take tablet .');
    expect(first?.wordList).toEqual(['took', 'tablets', '.']);
    expect(first?.lemmaList).toEqual(['take', 'tablet', '.']);
    expect(first?.tokens[0]).toEqual({ text: 'took', lemma: 'take', pos: 'VERB', negated: false });
    expect(sentences[1]?.words).toBe('not sure .');
  });

  it('gives no sentence for empty or blank text', () => {
    expect(analyse('')).toEqual([]);
    expect(analyse('   \n\n  ')).toEqual([]);
  });
});

describe('the scope of a negation', () => {
  it('covers what follows "not", "never", "no" and (in raw text) "n’t" and "nt"', () => {
    expect(marked('i do not want to live')).toEqual(['i do not want¬ to¬ live¬']);
    expect(marked('i never want to live')).toEqual(['i never want¬ to¬ live¬']);
    expect(marked('i dont want to live')).toEqual(['i do nt want¬ to¬ live¬']);
  });

  it('ends at a full stop the sentence splitter did not take for a sentence end', () => {
    expect(marked('im not going in. swallowed a full pack')).toEqual(['im not going¬ in.¬ swallowed a full pack']);
    expect(marked('im not going in.. swallowed a full pack')).toEqual(['im not going¬ in¬ .. swallowed a full pack']);
    expect(marked('im not going to st.ives swallowed a full pack')).toEqual(['im not going¬ to¬ st.¬ ives swallowed a full pack']);
  });

  it('starts again at a negator after a clause end', () => {
    expect(marked('im going in. no one will see me cut')).toEqual(['im going in. no one¬ will¬ see¬ me¬ cut¬']);
    expect(marked('i am fine; no one cares')).toEqual(['i am fine ; no one¬ cares¬']);
  });

  it('ends where a new subject with its verb starts a new clause, three words or more after the negator', () => {
    for (const subject of ['i', 'he', 'she', 'they', 'we']) {
      expect(marked(`i can not control it anymore ${subject} will hit him`)).toEqual([`i can not control¬ it¬ anymore¬ ${subject} will hit him`]);
      expect(marked(`i can not control it ${subject} hit him`)).toEqual([`i can not control¬ it¬ ${subject} hit him`]);
    }
    expect(marked('i did not go out i took all my pills')).toEqual(['i did not go¬ out¬ i took all my pills']);
    // Two words after the negator is still its own clause: "did not go i took" is one thought.
    expect(marked('i did not go i took pills')).toEqual(['i did not go¬ i¬ took¬ pills¬']);
    // Not without a verb after the subject, nor for a word that is not a subject.
    expect(marked('i can not control it anymore i really hit him')).toEqual(['i can not control¬ it¬ anymore¬ i¬ really¬ hit¬ him¬']);
    expect(marked('i can not control it anymore you will hit him')).toEqual(['i can not control¬ it¬ anymore¬ you¬ will¬ hit¬ him¬']);
    // A subject as the last word ends nothing.
    expect(marked('it was not me or him it was we')).toEqual(['it was not me¬ or¬ him¬ it¬ was¬ we¬']);
  });

  it('keeps covering the complement of a thought, a promise or a question word ("do not really think i will…")', () => {
    const takers = ['think', 'say', 'know', 'believe', 'feel', 'guess', 'reckon', 'promise', 'swear', 'want', 'hope', 'expect', 'suppose', 'sure', 'mean'];
    const words = ['that', 'if', 'whether', 'cause', 'when', 'where', 'why', 'how', 'what', 'who', 'like'];
    for (const word of [...takers, ...words]) expect(marked(`i do not really ${word} i will hurt him`)).toEqual([`i do not really¬ ${word}¬ i¬ will¬ hurt¬ him¬`]);
    // By lemma: "said" is "say".
    expect(marked('i have not ever said i will hurt him')).toEqual(['i have not ever¬ said¬ i¬ will¬ hurt¬ him¬']);
  });

  it('is lifted after "can not stop", "can not help", "not sure" and the like: statements of what the writer feels', () => {
    expect(marked('i can not stop thinking about dying')).toEqual(['i can not stop thinking about dying']);
    expect(marked('i can not help thinking about dying')).toEqual(['i can not help thinking about dying']);
    expect(marked('can not wait for the session')).toEqual(['can not wait for the session']);
    expect(marked('i am not sure i want to live')).toEqual(['i am not sure i want to live']);
    expect(marked('not even scared anymore')).toEqual(['not even scared anymore']);
    // Raw text, as a caller may pass it: "n't" and "nt" are negators too.
    expect(marked("i can't stop thinking about dying")).toEqual(["i ca n't stop thinking about dying"]);
    expect(marked('i cant stop thinking about dying')).toEqual(['i ca nt stop thinking about dying']);
  });

  it('is lifted only up to the end of the negated run', () => {
    expect(marked('i can not stop crying. i do not want to live')).toEqual(['i can not stop crying .', 'i do not want¬ to¬ live¬']);
    // The next negator's own scope is kept: "do not want to live" stays a denial.
    expect(marked('i can not stop crying and i do not want to live')).toEqual(['i can not stop crying and i do not want¬ to¬ live¬']);
  });
});
