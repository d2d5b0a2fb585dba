import { describe, expect, it } from 'vitest';
import { normaliseSpelling } from './normalise.js';

// Edges of the spelling step (normalise.ts) that the tables in normalise-table.test.ts do not
// reach: where in a message a form stands, letters outside the Basic Multilingual Plane, and
// forms that are only one character long.
describe('letter runs wherever they stand', () => {
  it('shortens a run at the very start of a message, and a message that is only a run', () => {
    expect(normaliseSpelling('ooo no')).toBe('oo no');
    expect(normaliseSpelling('aaa')).toBe('aa');
    expect(normaliseSpelling('nnnoooo')).toBe('nnoo');
  });
  it('shortens a run of a letter outside the Basic Multilingual Plane (two code units each)', () => {
    expect(normaliseSpelling('𐐨𐐨𐐨𐐨 ok')).toBe('𐐨𐐨 ok');
    expect(normaliseSpelling('ok 𐐨𐐨𐐨')).toBe('ok 𐐨𐐨');
    expect(normaliseSpelling('𐀀𐀀𐀀')).toBe('𐀀𐀀');
  });
  it('shortens a run of look-alike letters once they are read as Latin', () => {
    expect(normaliseSpelling('нннет')).toBe('hhet');
  });
  it('leaves two of a letter, and three of a sign, alone', () => {
    expect(normaliseSpelling('too bee')).toBe('too bee');
    expect(normaliseSpelling('wait... what???')).toBe('wait... what???');
  });
});

describe('forms of one character and glued emoji', () => {
  it('drops a lone kiss, hug or filler word, leaving nothing', () => {
    expect(normaliseSpelling('x')).toBe('');
    expect(normaliseSpelling('xo')).toBe('');
    expect(normaliseSpelling('ok x')).toBe('ok');
  });
  it('reads an emoji glued between two words as a word of its own, with single spaces', () => {
    expect(normaliseSpelling('a💀b')).toBe('a b');
    expect(normaliseSpelling('🔪🗡️')).toBe('knife knife');
    expect(normaliseSpelling('take💊💊now')).toBe('take pills pills now');
  });
});

describe('leetspeak: what is a word and what is a number', () => {
  it('reads a digit between letters of a longer word', () => {
    expect(normaliseSpelling('a0b a00b c4t')).toBe('aob aoob cat');
    expect(normaliseSpelling('k11ll')).toBe('kiill');
  });
  it('keeps a digit after the last letter, and a lone digit or sign', () => {
    expect(normaliseSpelling('hello0 abc5 x1')).toBe('hello0 abc5 x1');
    expect(normaliseSpelling('0 @@ $$$')).toBe('0 @@ $$$');
  });
  it('keeps a count glued to a word only when it is one digit (not a count)', () => {
    expect(normaliseSpelling('9pills')).toBe('9pills');
    expect(normaliseSpelling('12pills')).toBe('12 pills');
    expect(normaliseSpelling('30mgs')).toBe('30 mgs');
  });
  it('keeps a number with a unit of one, singular or plural', () => {
    expect(normaliseSpelling('1hr 1min 1yr 1day 1wk')).toBe('1hr 1min 1yr 1day 1wk');
  });
  it('reads a leading digit only before two letters and a digit between letters only when a letter follows the run', () => {
    expect(normaliseSpelling('flat 12a, $5ea, 4u2c, a12b')).toBe('flat 12a, $5ea, 4u2c, a12b');
  });
  it('reads a "|" inside a run of signs as an i only when an l follows it', () => {
    expect(normaliseSpelling('b0|ls')).toBe('boils');
  });
});

describe('filler words read as a space, not glued to their neighbours', () => {
  it('leaves a space where "ngl" or "no cap" stood between two marks', () => {
    expect(normaliseSpelling('so,ngl,tired')).toBe('so, ,tired');
    expect(normaliseSpelling('so,no cap,tired')).toBe('so, ,tired');
  });
});
