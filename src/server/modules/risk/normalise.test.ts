import { describe, expect, it } from 'vitest';
import { normaliseSpelling } from './normalise.js';
import { expandShorthand } from './prepare-text.js';

describe('spelling normalisation before risk analysis', () => {
  it('maps look-alike Cyrillic and Greek letters to Latin', () => {
    expect(normaliseSpelling('ѕuісіdе')).toBe('suicide');
    expect(normaliseSpelling('pіllѕ')).toBe('pills');
  });
  it('reads leetspeak inside words, but not numbers, strengths and punctuation', () => {
    expect(normaliseSpelling('k1ll mys3lf')).toBe('kill myself');
    expect(normaliseSpelling('p!lls c0unted')).toBe('pills counted');
    expect(normaliseSpelling('0verdose')).toBe('overdose');
    expect(normaliseSpelling('took 50mg at 3am')).toBe('took 50mg at 3am');
    expect(normaliseSpelling('help!')).toBe('help!');
    // "|" is an i before an l, else an l
    expect(normaliseSpelling('k|ll myself')).toBe('kill myself');
    expect(normaliseSpelling('p|lls')).toBe('pills');
    expect(normaliseSpelling('ki||ing')).toBe('killing');
  });
  it('splits a count glued to a word', () => {
    expect(normaliseSpelling('took 30pills')).toBe('took 30 pills');
  });
  it('joins spaced-out letters', () => {
    expect(normaliseSpelling('s u i c i d e')).toBe('suicide');
    expect(normaliseSpelling('d.i.e')).toBe('die');
    expect(normaliseSpelling('plan a b c')).toBe('plan a b c');
    // two letters only into a listed word
    expect(normaliseSpelling('took an o d')).toBe('took an od');
    expect(normaliseSpelling('an s.h day')).toBe('an sh day');
    expect(normaliseSpelling('a b test')).toBe('a b test');
  });
  it('shortens letter runs and fixes common typos and texting forms', () => {
    expect(normaliseSpelling('killlll')).toBe('kill');
    expect(normaliseSpelling('tonite rn')).toBe('tonight right now');
    expect(normaliseSpelling('tablts')).toBe('tablets');
    expect(normaliseSpelling('gonna')).toBe('going to');
  });
  it('turns emoji people use for words into words, and drops the rest later', () => {
    expect(normaliseSpelling('💊💊 🔪')).toBe('pills pills knife');
  });
  it('expands contractions and shorthand without losing medicine names', () => {
    expect(expandShorthand("I've got my sertraline, can't sleep")).toBe('i have got my sertraline, can not sleep');
    expect(expandShorthand('kms')).toBe('kill myself');
    expect(expandShorthand('ran 10kms this morning, and 3 kms after')).toBe('ran 10 kilometres this morning, and 3 kilometres after');
    // session 11: contractions typed without their apostrophe
    expect(expandShorthand('hes got a knife and shes scared, they cant get out')).toBe('he is got a knife and she is scared, they can not get out');
    expect(expandShorthand('theyre not here and i wont wait, couldnt, havent')).toBe('they are not here and i will not wait, could not, have not');
  });
  it('removes invisible characters and reads full-width letters', () => {
    expect(normaliseSpelling('d\u200Bie')).toBe('die');
    expect(normaliseSpelling('ｄｉｅ')).toBe('die');
  });
});
