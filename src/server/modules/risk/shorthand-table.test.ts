import { describe, expect, it } from 'vitest';
import { expandShorthand, prepareForRisk, segments } from './prepare-text.js';

// What every layer of the detector reads after the shorthand and contractions are expanded
// (prepare-text.ts): one row per form the rewrites know, so that "kms", "sewerslide" or "cant"
// reads as the words the frames, the phrase rules and the model were written for. The texting
// forms the spelling step already rewrites ("gonna", "tonite") are in normalise-table.test.ts.
const SHORTHAND: [typed: string, read: string][] = [
  ['kms kmsl', 'kill myself kill myself'],
  // A distance is not "kill myself": with or without its "s", a decimal count, typed against the number.
  ['ran 5 km, 2.5 kms, 10kms', 'ran 5 kilometres, 2.5 kilometres, 10 kilometres'],
  ['unalive myself, unalive me', 'kill myself, kill myself'],
  ['unalive him, unaliving', 'kill him, kill'],
  ['suicide suuicide swicide suiccide suicidde suicidee', 'suicide suicide suicide suicide suicide suicide'],
  ['sucide suicde suiside sewerslide s*cide s**cide su*cide', 'suicide suicide suicide suicide suicide suicide suicide'],
  // No i after the u, none after the c, no final e, several stars.
  ['succide swicde suicid s***cide su**cide su1c1de', 'suicide suicide suicide suicide suicide suicide'],
  ['suicidel sucidal suicdal suisidal suicidial suicidal', 'suicidal suicidal suicidal suicidal suicidal suicidal'],
  ['myslef mysef myelf mself mysefl myselff meself', 'myself myself myself myself myself myself myself'],
  [
    'self-harm self harming self  harmed self-injury self injure self-injuring self injured',
    'self harm self harming self harmed self injury self injure self injuring self injured',
  ],
  ['selfharm selfharming selfharmed', 'self harm self harming self harmed'],
  ['self - harm, self -harm', 'self harm, self harm'],
  ['s/h again, sh again', 'self harm again, self harm again'],
  ["i'm im i've ive i'd i'll", 'i am i am i have i have i would i will'],
  ["can't cant cannot won't wont don't dont", 'can not can not can not will not will not do not do not'],
  ["doesn't doesnt didn't didnt isn't isnt wasn't wasnt", 'does not does not did not did not is not is not was not was not'],
  ["aren't arent haven't havent hasn't hasnt werent", 'are not are not have not have not has not has not were not'],
  ["wouldn't wouldnt couldn't couldnt shouldn't shouldnt ain't aint", 'would not would not could not could not should not should not am not am not'],
  ["it's that's thats what's whats there's who's he's she's", 'it is that is that is what is what is there is who is he is she is'],
  ["they're we're you're", 'they are we are you are'],
  ["they'd we'd you'd he'd she'd it'd", 'they would we would you would he would she would it would'],
  ["they'll we'll you'll he'll she'll", 'they will we will you will he will she will'],
  ['gotta go', 'got to go'],
  ['want 2, wants 2, going 2, need 2, have 2, got 2, ready 2, time 2, able 2', 'want to, wants to, going to, need to, have to, got to, ready to, time to, able to'],
  ['wnat wamt whant wnats wamts', 'want want want wants wants'],
  ['u ur', 'you your'],
  ["every1 evry1 everyone's", 'everyone everyone everyone'],
  ['no1 noone no-one', 'no one no one no one'],
  ['any more', 'anymore'],
  ['bc cuz coz cos bcos', 'because because because because because'],
];

// The same letters inside a longer word are not the form: "him" is not "hi am", "ship" is not "self harm".
const UNCHANGED = [
  'skms kmsx',
  'unalived unalivemyself',
  'suicides',
  'myselfish',
  'selfharmer',
  'ship shh',
  'him swim image',
  'river liver fiver',
  'adont fonts',
  'cantor',
  'menu gurus urn burr',
  'snoone',
  'abc cosy',
  'want 22 want 2x',
  'wnatever',
];

describe('shorthand and contractions expanded', () => {
  it.each(SHORTHAND)('%s → %s', (typed, read) => {
    expect(expandShorthand(typed)).toBe(read);
  });
  it.each(UNCHANGED)('leaves "%s" as it is', (text) => {
    expect(expandShorthand(text)).toBe(text);
  });
  it('expands a contraction made by the spelling step (a curly apostrophe, "wanna" then "want 2")', () => {
    expect(expandShorthand('I can’t')).toBe('i can not');
    expect(expandShorthand('s u i c i d e')).toBe('suicide');
  });
});

describe('the text the phrase rules read', () => {
  it('reads every medicine word as pills, and only whole words', () => {
    expect(prepareForRisk('meds medication tablets paracetamol painkillers co-codamol sleeping pills antidepressants insulin')).toBe(
      'pills pills pills pills pills pills pills pills pills',
    );
    expect(prepareForRisk('medsx tabletsy')).toBe('medsx tabletsy');
  });
  it('drops emoji and symbols, keeps sentence and clause marks, and drops apostrophes', () => {
    expect(prepareForRisk('ok 🌧 ☔ ✨ then')).toBe('ok then');
    expect(prepareForRisk('a#b (c) "d" e/f, g; h! i? j.')).toBe('a b c d e f, g; h! i? j.');
    expect(prepareForRisk("the dog's bowl")).toBe('the dogs bowl');
    expect(prepareForRisk('  2 of   them  ')).toBe('2 of them');
    // Marks dropped at either end leave no space behind; an emoji between two words still parts them.
    expect(prepareForRisk('"i want to die"')).toBe('i want to die');
    expect(prepareForRisk('took the pills🌧tonight')).toBe('took the pills tonight');
  });
});

describe('segments the phrase rules weigh one by one', () => {
  it('splits at sentence marks and line breaks, and drops empty pieces', () => {
    expect(segments('one. two! three? four; five\nsix..!! ')).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
  });
  it('splits where a contrast turns to the present, and at ", now"', () => {
    expect(segments('i used to cut but i am ok')).toEqual(['i used to cut', 'i am ok']);
    // "but now" splits at its "but": the present-tense segment keeps its "now".
    expect(segments('i used to cut, but now i am ok')).toEqual(['i used to cut', 'now i am ok']);
    for (const word of ['though', 'although', 'however', 'whereas', 'yet', 'and now', 'these days', 'nowadays']) {
      expect(segments(`i used to cut, ${word} i am ok`)).toEqual(['i used to cut', 'i am ok']);
    }
    expect(segments('i used to cut,now i am ok')).toEqual(['i used to cut', 'i am ok']);
    expect(segments('i used to cut , now i am ok')).toEqual(['i used to cut', 'i am ok']);
  });
  it('does not split inside a word ("butter", "yesterday", "nowhere")', () => {
    expect(segments('butter yesterday nowhere buttons')).toEqual(['butter yesterday nowhere buttons']);
    expect(segments('i have butter, nowhere else')).toEqual(['i have butter, nowhere else']);
  });
});
