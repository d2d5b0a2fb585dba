import { describe, expect, it } from 'vitest';
import { assessLayer1 } from './assess-risk.js';
import type { FrameHit } from './frames.js';

// Session mut18: the edges of frames.ts' helper functions that the mutation run left, each as a
// clinician reading the card would notice it — who the one acting is (the meme's "you", a request,
// a possessive, a person after a preposition or spoken to), what a negation denies, which past is
// the writer's recovery, and when a goodbye takes an ordinary reason away.
const frame = (text: string, id: string): FrameHit | undefined => assessLayer1(text).frames.find((f) => f.frame === id);
const ABOUT_SOMEONE_ELSE = { tier: 'concern', modifiers: ['about someone else'] };
const THE_WRITERS_OWN = { tier: 'urgent', modifiers: [] };

describe('the meme "POV: you" is the writer', () => {
  it('"pov: you" right after the word, or one word after it, is the writer, whoever is named before it', () => {
    expect(frame('everyone laughs but pov: you have the tablets lined up', 'means_prepared')).toMatchObject(THE_WRITERS_OWN);
    expect(frame('everyone laughs but pov: so you have the tablets lined up', 'means_prepared')).toMatchObject(THE_WRITERS_OWN);
  });
  it('"you" without "pov" is not the writer: the person named before it is the one acting', () => {
    expect(frame('my sister says you have the tablets lined up', 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it('"your" after "pov" names nobody: the one who posted it is the one acting', () => {
    expect(frame('she posted pov: your tablets are lined up', 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
});

describe('whose act it is', () => {
  it('"one of them\'s got a blade": the owner of the "s" is the one acting, even after "of"', () => {
    expect(frame("three lads are outside my building and one of them's got a blade", 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it('a person after "with this" is the one acting, not the object of "with"', () => {
    expect(frame('i sat with this lad who has the tablets lined up', 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it('"myself" is the writer, nearer than the sister named before it', () => {
    expect(frame('my sister and myself have the tablets lined up', 'means_prepared')).toMatchObject(THE_WRITERS_OWN);
  });
  it('a person followed by a comma inside the sentence is the one acting; only a first word with a comma is spoken to', () => {
    expect(frame('i came home and my brother, drunk again, has the tablets lined up', 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it('"my sister\'s in a bad way": an "s" that is "is" keeps the sister as the one acting when no means follows within six words', () => {
    expect(frame("my sister's in a really bad way tonight, tablets lined up next to her", 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it('a means described by four words after the owner\'s "s" is still the owner\'s means the writer took', () => {
    expect(frame("got my husband's little round white heart tablets lined up on the table", 'means_prepared')).toMatchObject(THE_WRITERS_OWN);
  });
  it('the words after the owner\'s "s" are read in order: the means before "just" makes it the owner\'s means', () => {
    expect(frame("got my husband's tablets, just written my goodbye letter", 'final_goodbye')).toMatchObject(THE_WRITERS_OWN);
  });
  it('"his" and "this" are not the verb "is": "my neighbour\'s … his car" is the neighbour\'s means, and the threat is the writer\'s', () => {
    const text = "my neighbour's outside washing his car and I've got the axe behind the door, I'm going out to him";
    expect(frame(text, 'threat_to_other')).toMatchObject(THE_WRITERS_OWN);
  });
  it('"scan someone" is no request: a word that only ends like "can" does not make "someone" the writer', () => {
    expect(frame('in the waiting room for my scan someone has the tablets lined up', 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
});

describe('what a negation denies', () => {
  it('"never" inside a hopeless frame is part of it ("I will never be happy"), not its denial', () => {
    expect(frame('i think i will never be happy', 'hopeless_trapped')).toMatchObject({ tier: 'concern', modifiers: [] });
  });
  it('"I\'m not hopeless." is negated, and the card says so', () => {
    expect(frame("I'm not hopeless.", 'hopeless_trapped')).toMatchObject({ tier: 'none', modifiers: ['negated'] });
  });
  it('a threat denied after "leaving" earlier in its words is still denied ("he is leaving and will not hurt me")', () => {
    expect(frame('he is leaving and will not hurt me', 'threat_from_other')).toMatchObject({ tier: 'none', modifiers: ['negated'] });
  });
  it('a "not" after the threat denies nothing ("he is going to hurt me not her")', () => {
    expect(frame('he is going to hurt me not her', 'threat_from_other')).toMatchObject({ tier: 'concern', modifiers: [] });
  });
});

describe("the writer's past or recovery", () => {
  it('names its cue without a trailing space ("clean for")', () => {
    expect(frame('clean for two years now from cutting myself', 'sharp_self')).toMatchObject({ tier: 'none', modifiers: ['past or recovery (“clean for”)'] });
  });
  it('"i used to cut myself" beside "i\'m going to bed" is still the writer\'s past', () => {
    expect(frame("i'm going to bed now, i used to cut myself but the group has really helped", 'sharp_self')).toMatchObject({
      tier: 'none',
      modifiers: ['past or recovery (“used to”)'],
    });
  });
  it('"when he used to hit me" with nothing done now is a past the writer has come through', () => {
    expect(frame('had a flashback to when he used to hit me but i am safe now', 'threat_from_other')).toMatchObject({
      tier: 'none',
      modifiers: ['past or recovery (“used to”)'],
    });
  });
  it('"where she grew up, i used to…" is the writer\'s past: "she" does not come right before "used to"', () => {
    expect(frame("i'm going to the house where she grew up, i used to cut myself in her room", 'sharp_self')).toMatchObject({
      tier: 'none',
      modifiers: ['past or recovery (“used to”)'],
    });
  });
});

describe('a goodbye beside an ordinary reason', () => {
  it('"thanks for everything" takes the view away from a place of danger', () => {
    expect(frame('up on the cliffs for the view. thanks for everything', 'place_of_danger')).toMatchObject(THE_WRITERS_OWN);
  });
  it('arrangements explained by a move keep their ordinary reading beside a thank-you (the goodbye frame reads the goodbye)', () => {
    const text = 'we are moving abroad so i gave the dog to my sister and cancelled my phone contract. thanks for everything';
    expect(frame(text, 'final_arrangements')).toMatchObject({ tier: 'none', modifiers: ['ordinary context (“moving”)'] });
  });
});
