import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { assessLayer1 } from './assess-risk.js';
import { matchFrames, type FrameHit } from './frames.js';

// Session mut19: more edges of frames.ts' helper functions, each a reading a clinician would check
// on the card — who is acting, what in the message makes a danger happen now, what a negation
// denies, when a figure of speech or somebody else's past explains a match away.
const frame = (text: string, id: string): FrameHit | undefined => assessLayer1(text).frames.find((f) => f.frame === id);
const ABOUT_SOMEONE_ELSE = { tier: 'concern', modifiers: ['about someone else'] };
const THE_WRITERS_OWN = { tier: 'urgent', modifiers: [] };
const IN_DANGER_NOW = 'about someone else, in danger now';

describe('whose act it is', () => {
  it('a name that only ends like "you" after "will" is the person asked about, not a request the writer makes', () => {
    expect(frame('my dad says will stu have the tablets lined up', 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it('a person named first and followed by a comma is spoken to: the act is the writer\'s ("dad, the pills are saved up")', () => {
    expect(frame('dad, the pills are saved up and i am sorry', 'means_prepared')).toMatchObject(THE_WRITERS_OWN);
  });
  it('"about these people": only "the", not "these", makes a person the object of a preposition', () => {
    expect(frame('I keep thinking about these people who have their tablets lined up', 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it('"texted Amy she has…": a name that only ends in "my" is not "my", and "she" is the one acting', () => {
    expect(frame('i texted amy she has pills saved up', 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it('"told myself she…": "myself" is not "my", and "she" is the one acting', () => {
    expect(frame('i told myself she was only tired but the pills were saved up', 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
});

describe('time, relapse and danger now, from the whole message', () => {
  it('"when everyone is asleep" is a time on the lemma line alone, and makes a threat urgent', () => {
    expect(frame('i could stab him when everyone is asleep', 'threat_to_other')).toMatchObject({ tier: 'urgent' });
  });
  it('a Stanley knife is no ordinary tool when the writer cannot stop again', () => {
    expect(frame('mate ive got the stanley knife out again and i cant stop, its bad this time', 'ordinary_use')).toBeUndefined();
  });
  it('a Stanley knife is no ordinary tool after a relapse', () => {
    expect(frame('relapsed with the stanley knife last night', 'ordinary_use')).toBeUndefined();
  });
  it('somebody else sat on a ledge with no goodbye, distress or jump in the message is a worry, not a danger now', () => {
    expect(frame('my flatmate is sat on the window ledge having a smoke', 'place_of_danger')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it('somebody on a roof who works there ("a scaffolder") is not in danger now', () => {
    const hit = frame("My brother is on the roof right now. He's a scaffolder.", 'place_of_danger');
    expect(hit).toBeDefined();
    expect(hit?.tier).not.toBe('urgent');
    expect(hit?.modifiers).not.toContain(IN_DANGER_NOW);
  });
  it('somebody on a roof "repairing the chimney" is not in danger now', () => {
    const hit = frame("My dad is on the roof right now. He's repairing the chimney.", 'place_of_danger');
    expect(hit).toBeDefined();
    expect(hit?.tier).not.toBe('urgent');
    expect(hit?.modifiers).not.toContain(IN_DANGER_NOW);
  });
  it('a peer at the pier "right now" with pills at home: the pills are a worry, the pier no danger now', () => {
    expect(frame('my mate is at the pier right now, he told me he has pills saved up at home', 'means_prepared')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it('"screaming" in the message does not make a peer\'s wish to be dead a danger now', () => {
    expect(frame('my mum is screaming at me again and my brother says he wishes he was dead', 'passive_wish')).toMatchObject(ABOUT_SOMEONE_ELSE);
  });
  it("somebody else's threat to a third person is not told as a peer in danger now", () => {
    expect(frame("my brother is screaming that he's going to stab his boss", 'threat_to_other')).toMatchObject({ tier: 'none', modifiers: ['about someone else'] });
  });
});

describe('what a negation denies', () => {
  it('"won\'t leave" before the threat is the danger itself, not a denial ("my ex wont leave says he will kill me")', () => {
    expect(frame('my ex wont leave says he will kill me', 'threat_from_other')).toMatchObject({ tier: 'urgent', modifiers: [] });
  });
  it('"won\'t" split as the tokeniser splits it ("wo n\'t") denies the threat too', () => {
    expect(frame("he wo n't hurt me", 'threat_from_other')).toMatchObject({ tier: 'none', modifiers: ['negated'] });
  });
  it('"I\'m not hopeless no matter what": the "no" after the frame is not its own negation', () => {
    expect(frame("I'm not hopeless no matter what", 'hopeless_trapped')).toMatchObject({ tier: 'none', modifiers: ['negated'] });
  });
  it('a threat denied in its first words is denied though its match runs past a comma', () => {
    expect(frame("he's not going to hurt me, he's moved away and the order is still in place", 'threat_to_other')).toMatchObject({
      tier: 'none',
      modifiers: ['negated'],
    });
  });
});

describe('figures of speech', () => {
  it('"rope for climbing" with crying all night in the message is no figure of speech', () => {
    expect(frame('got a new rope for climbing and i cried all night', 'means_prepared')).toMatchObject(THE_WRITERS_OWN);
  });
  it('the card names the figure of speech it read ("cut myself shaving")', () => {
    expect(frame('I cut myself shaving this morning', 'sharp_self')?.modifiers).toContain('figure of speech (“cut myself shaving”)');
  });
});

describe("somebody else's past", () => {
  it('"the river where he used to fish" is his past; the writer walking into it now is urgent', () => {
    expect(frame("I'm walking into the river where he used to fish.", 'place_of_danger')).toMatchObject(THE_WRITERS_OWN);
  });
});

describe('matchFrames', () => {
  it('leaves the analysed sentences it is given as they were (medicine names are marked on its own copy)', () => {
    const sentences = analyse('i have sertraline and paracetamol saved up for tonight');
    const before = structuredClone(sentences);
    const message = { words: sentences.map((s) => s.words).join(' '), lemmas: sentences.map((s) => s.lemmas).join(' ') };
    expect(matchFrames(sentences, message).length).toBeGreaterThan(0);
    expect(sentences).toEqual(before);
  });
});
