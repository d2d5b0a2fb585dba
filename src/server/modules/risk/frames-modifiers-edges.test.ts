import { describe, expect, it } from 'vitest';
import { assessLayer1 } from './assess-risk.js';
import type { FrameHit } from './frames.js';

// The edges of what lowers or keeps a concept frame, as a clinician reading the card would notice
// them: a threat the writer says will not happen, a past that is somebody else's, a request the
// writer makes through someone, a means that belongs to someone else, an ordinary reason that is
// not denied, and a long message whose risk comes at the end.
const frame = (text: string, id: string): FrameHit | undefined => assessLayer1(text).frames.find((f) => f.frame === id);

describe('a threat the writer says will not happen', () => {
  it('"not going to", "won\'t", "will not" and "would never" hurt me lower the threat', () => {
    for (const text of ['he is not going to hurt me', "he won't hurt me", 'he will not hurt me', 'he would never hurt me', 'he shall not hurt me']) {
      expect(frame(text, 'threat_from_other'), text).toMatchObject({ tier: 'none', modifiers: ['negated'] });
    }
  });
  it('the same threat without a negator keeps its tier', () => {
    expect(frame('he is going to hurt me', 'threat_from_other')).toMatchObject({ tier: 'concern', modifiers: [] });
  });
  it('"won\'t let me out" is the danger itself, not its denial', () => {
    expect(frame("he won't let me out", 'threat_from_other')).toMatchObject({ tier: 'concern', modifiers: [] });
  });
  it('a frame whose words hold "no" is not negated by it ("no reason to live", "no way out")', () => {
    expect(frame('i have no reason to live', 'hopeless_trapped')).toMatchObject({ tier: 'concern', modifiers: [] });
    expect(frame('i see no way out', 'hopeless_trapped')).toMatchObject({ tier: 'concern', modifiers: [] });
  });
  it('"won\'t stop hitting me" and "not safe at home" are the danger itself, with their own negation', () => {
    expect(frame("he won't stop hitting me", 'threat_from_other')).toMatchObject({ tier: 'concern', modifiers: [] });
    expect(frame('i am not safe at home', 'threat_from_other')).toMatchObject({ tier: 'concern', modifiers: [] });
  });
  it('a denial with a condition after it is no denial ("won\'t hurt me if I keep quiet")', () => {
    expect(frame("he won't hurt me if i keep quiet", 'threat_from_other')).toMatchObject({ tier: 'concern', modifiers: [] });
    expect(frame('he is not going to hurt me but', 'threat_from_other')?.modifiers).toEqual([]);
  });
  it('a "but" before the denial does not stop it ("I was scared but he is not going to hurt me")', () => {
    expect(frame('i was scared but he is not going to hurt me', 'threat_from_other')).toMatchObject({ tier: 'none', modifiers: ['negated'] });
  });
});

describe("a past that is not the writer's recovery", () => {
  it('"where we watched the fireworks last year" is a shared memory of the place, not the writer\'s past', () => {
    expect(frame('i am standing on the bridge where we watched the fireworks last year, i cant do this anymore', 'place_of_danger')).toMatchObject({
      tier: 'urgent',
      modifiers: [],
    });
  });
  it('"where I tried years ago" is the writer\'s own past, and lowers the frame with its cue', () => {
    expect(frame('i am at the bridge where i tried years ago, i cant do this anymore', 'place_of_danger')).toMatchObject({
      tier: 'none',
      modifiers: ['past or recovery (“years ago”)'],
    });
  });
});

describe('whose act or words it is', () => {
  it("\"could someone tell my sponsor I'm sorry\" is the writer's own goodbye, not someone else's", () => {
    expect(frame("could someone tell my sponsor I'm sorry", 'final_goodbye')).toMatchObject({ tier: 'urgent', modifiers: [] });
    expect(frame('can you tell my mum i love her', 'final_goodbye')).toMatchObject({ tier: 'urgent', modifiers: [] });
  });
  it('the owner of a means described by two words is not the one who acts ("my dad\'s beloved heart tablets")', () => {
    expect(frame("i've taken my dad's beloved heart tablets, all of them", 'means_prepared')).toMatchObject({ tier: 'urgent', modifiers: [] });
  });
});

describe('who acts: the nearest person before the frame, within ten words', () => {
  it('a person named more than ten words before the frame is not taken as the one acting', () => {
    const text = 'my sister was round earlier and we had a cup of tea and a long chat about nothing, tablets lined up now';
    expect(frame(text, 'means_prepared')).toMatchObject({ tier: 'urgent', modifiers: [] });
  });
  it('a person of two words ("the kid", though "kid" alone is none) is someone else', () => {
    expect(frame('the kid has the tablets lined up', 'means_prepared')).toMatchObject({ tier: 'concern', modifiers: ['about someone else'] });
  });
  it('a person after a preposition or a verb of giving is its object, not who acts', () => {
    expect(frame('sorted out the passwords for my sister, tablets lined up now', 'means_prepared')).toMatchObject({ tier: 'urgent', modifiers: [] });
    expect(frame('sent my sister the password and deleted all my accounts', 'final_arrangements')).toMatchObject({ tier: 'urgent', modifiers: [] });
    expect(frame('sorted out the passwords for him, tablets lined up now', 'means_prepared')).toMatchObject({ tier: 'urgent', modifiers: [] });
  });
});

describe('an ordinary reason', () => {
  it('"not" earlier in the sentence does not deny the reason ("not windy, up on the cliffs for the view")', () => {
    expect(frame('not windy, up on the cliffs for the view', 'place_of_danger')).toMatchObject({
      tier: 'none',
      modifiers: ['ordinary context (“view”)'],
    });
  });
});

describe('talk about a subject', () => {
  it('names the subject that lowered the frame, for the card', () => {
    expect(frame('in the documentary he took all his tablets', 'act_ingested')).toMatchObject({ tier: 'none', modifiers: ['talk about a subject (“documentary”)'] });
  });
});

describe('crying, beside a goodbye and beside a means', () => {
  it("crying at a goodbye keeps its ordinary reading; crying beside a rope for climbing takes the rope's away", () => {
    expect(frame('said goodbye to my son at the airport and cried', 'final_goodbye')).toMatchObject({ tier: 'none', modifiers: ['ordinary context (“airport”)'] });
    expect(frame('got a new rope for climbing and i cried all night', 'means_prepared')?.modifiers).not.toContainEqual(expect.stringMatching(/^ordinary context/));
    expect(frame('got a new rope for climbing', 'means_prepared')?.modifiers).toContain('ordinary context (“climbing”)');
    // A goodbye elsewhere in the message takes it away too.
    expect(frame('got a new rope for climbing. bye everyone', 'means_prepared')?.modifiers).not.toContainEqual(expect.stringMatching(/^ordinary context/));
  });
});

describe('a long message', () => {
  it('finds a frame after more than 256 words of one sentence', () => {
    const text = `${Array.from({ length: 80 }, () => 'and then we walked').join(' ')} and i am going to take all my tablets tonight`;
    expect(frame(text, 'act_ingested')).toMatchObject({ tier: 'urgent', cue: 'take all my tablets' });
  });
});

describe('session mut17h: the edges the mutation run left', () => {
  it('a person exactly ten words back is someone acting; eleven words back is not', () => {
    expect(frame('my sister came round today to see the old dog, tablets lined up now', 'means_prepared')).toMatchObject({
      tier: 'concern',
      modifiers: ['about someone else'],
    });
    expect(frame('my sister came round today to see the old grey dog, tablets lined up now', 'means_prepared')).toMatchObject({ tier: 'urgent', modifiers: [] });
  });
  it('"I used to cut myself" is the writer\'s own past, with no "where he" clause to make it someone else\'s', () => {
    expect(frame('i used to cut myself', 'sharp_self')).toMatchObject({ tier: 'none', modifiers: ['past or recovery (“used to”)'] });
  });
  it('a time after a clause about the place that ends earlier is the writer\'s past ("where we met, i tried to jump from here a year ago")', () => {
    expect(frame('i am on the bridge where we met, i tried to jump from here a year ago', 'place_of_danger')).toMatchObject({
      tier: 'none',
      modifiers: ['past or recovery (“a year ago”)'],
    });
  });
  it('"not fishing" and "not the fishing" deny the ordinary reason: no "for" or article is needed', () => {
    expect(frame('i am on the bridge, not fishing', 'place_of_danger')?.modifiers).toEqual([]);
    expect(frame('i am on the bridge, not the fishing', 'place_of_danger')?.modifiers).toEqual([]);
  });
  it('a request is only "could / can / will … someone / you" as whole words ("canteen", "use" are none)', () => {
    expect(frame('at the canteen someone has the tablets lined up', 'means_prepared')).toMatchObject({ tier: 'concern', modifiers: ['about someone else'] });
    expect(frame('my brother can use the car, tablets lined up now', 'means_prepared')).toMatchObject({ tier: 'concern', modifiers: ['about someone else'] });
  });
  it('a "think" more than 40 characters before an ordinary reason does not call it a cover', () => {
    const text = 'i think me and my mates will go up to the crag at the weekend with a new rope for climbing';
    expect(frame(text, 'ordinary_use')?.modifiers).toContain('ordinary context (“climbing”)');
  });
});
