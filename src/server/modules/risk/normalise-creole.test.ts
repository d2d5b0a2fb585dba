import { describe, expect, it } from 'vitest';
import { normaliseSpelling } from './normalise.js';

// Jamaican and other Caribbean Creole forms, read into English before any layer judges the message
// (normalise.ts, CREOLE): each row of the table, in a sentence a member might write. Until session 19 no
// test of the text's reading reached the table (the mutation run left every row's mutants alive).
describe('Caribbean Creole read into English', () => {
  it.each([
    // going to
    ['me gwaan tek di tablets dem', 'i am going to take the tablets dem'],
    ['him a go chop mi up, him seh so', 'he is going to chop me up, he says so'],
    ['im ago kill mi, im sey so pon di phone', 'he is going to kill me, he says so on the phone'],
    ['she a go lef mi, she seh she cyaan tek it', 'she is going to lef me, she says she can not take it'],
    ['shi gwaan call police, shi sey she nuh care', 'she is going to call police, she says she not care'],
    ['dem a go beat mi up inna di yard', 'they are going to beat me up in the yard'],
    ['dey ago come fi mi tonight wid knife', 'they are going to come for me tonight with knife'],
    // where somebody is
    ['him deh outside wid a cutlass', 'he is outside with a cutlass'],
    ['she deh pon di roof', 'she is on the roof'],
    ['mi deh inna di bathroom', 'i am in the bathroom'],
    ['di knife deh yah wid mi', 'the knife here with me'],
    // single words
    ['nobody seh nutten, mi cyaan cope', 'nobody says nutten, i can not cope'],
    ['mi caan tek it', 'i can not take it'],
    ['mi sit inna di dark', 'i sit in the dark'],
    ['mi deh inna bed wid di pills', 'i am in bed with the pills'],
    ['yuh nuh know wah mi go through', 'you not know wah me go through'],
    ['dis fi mi last message pon yah', 'dis for me last message on yah'],
    ['mek mi go, mi tek di pills', 'make me go, i take the pills'],
    ['and mi feel like mi cyaan breathe', 'and i feel like me can not breathe'],
  ])('reads "%s" as "%s"', (creole, english) => {
    expect(normaliseSpelling(creole)).toBe(english);
  });

  it('reads a message only when it holds two of the creole’s own words: an English "di" or "dem" is left alone', () => {
    expect(normaliseSpelling('mi a go jump off di bridge tonight')).toBe('mi a go jump off di bridge tonight');
    expect(normaliseSpelling('di and dem are the pickup artists in the play')).toBe('di and dem are the pickup artists in the play');
    // Exactly two are enough.
    expect(normaliseSpelling('mi tek it')).toBe('i take it');
  });
});
