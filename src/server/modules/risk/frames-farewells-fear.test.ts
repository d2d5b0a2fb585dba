import { describe, expect, it } from 'vitest';
import { assessRisk } from './assess-risk.js';
import { counted } from './test-helpers.js';
import type { FrameHit } from './frames.js';
import { assessPhrases } from './phrase-rules.js';

// Session 13: the concepts added after held-out batch 15's misses and false alarms, each with its
// hard negative. The sentences are written for the test, not taken from the batch.
const frames = (text: string): FrameHit[] => assessRisk(text).frames;
const rules = (text: string): string[] =>
  assessPhrases(text)
    .signals.filter((s) => s.tier !== 'none')
    .map((s) => s.label);

describe('an ordinary goodbye is not a final one', () => {
  it('reads a goodbye at a departure, a retirement, a hospice or a leaving do as ordinary', () => {
    for (const text of [
      'said goodbye to my daughter at the station, she is off to Leeds for uni',
      'we have been saying our goodbyes to grandad at the hospice, he is comfortable',
      'said goodbye to everyone at work today, officially retired!',
      'big goodbye do for my brother tonight, he leaves for the navy on Monday',
    ])
      expect(counted(text), text).not.toContain('final_goodbye:urgent');
  });
  it('still reads a goodbye meant for good, and one that tells the reader it was never their fault', () => {
    expect(counted('this is goodbye for good, sorry everyone')).toContain('final_goodbye:urgent');
    expect(counted("dad, if you're reading this on my phone, I'm so sorry")).toContain('final_goodbye:urgent');
    expect(counted('It was never your fault, none of it. Tonight I stop.')).toContain('final_goodbye:urgent');
  });
});

describe("a funeral is the writer's arrangement only when it is their own", () => {
  it("does not count somebody else's funeral, even near a date", () => {
    expect(counted("Granny's funeral is on Thursday, I'm doing a reading and trying not to cry")).toEqual([]);
    expect(counted('funeral for my uncle next week, the whole family is flying in')).toEqual([]);
  });
  it("counts the writer's own funeral songs with a date", () => {
    expect(counted('picked my funeral songs and wrote them down for mum, tonight is the night')).toContain('final_arrangements:urgent');
  });
});

describe('arrangements: debts paid back, a locker cleared, a phone passcode given', () => {
  it('counts two kinds of putting affairs in order with no ordinary reason', () => {
    expect(counted('emptied my locker and paid back everyone I owed, all squared now')).toContain('final_arrangements:urgent');
    expect(counted('gran, the passcode to my phone is 1234, you will need it later. sorry')).toContain('final_arrangements:urgent');
  });
  it('does not count a passcode shared for a holiday, or a desk cleared at retirement', () => {
    expect(counted('the passcode for the key safe is 1234 for the holiday cottage')).toEqual([]);
    expect(counted('cleared my desk and paid off everyone in the tea fund, retiring on Friday')).toEqual([]);
  });
});

describe('means made ready: blades taken out of a sharpener; a means bought, told after it', () => {
  it('counts blades freed from a sharpener or razor', () => {
    expect(counted('got the blade out of the pencil sharpener in maths, using it at lunch')).toContain('means_prepared:urgent');
    expect(counted('snapped the razor apart last night and kept the blade')).toContain('means_prepared:urgent');
  });
  it('does not count a sharpener in ordinary use', () => {
    expect(counted('my pencil sharpener broke in the exam so I borrowed one')).toEqual([]);
  });
  it('counts a rope bought "for camping" that is going to a different use; not one that stays for camping', () => {
    expect(counted('the rope I got for the climbing wall is for a different use now. tonight.')).toContain('means_prepared:urgent');
    expect(counted('the rope I bought for the camping trip is in the shed with the tent')).toEqual([]);
  });
  it('reads "rope" naming a swing or a ladder as ordinary in the phrase rules too', () => {
    expect(rules('bought a rope swing for the big oak tree')).toEqual([]);
    expect(rules('ordered a rope ladder for the tree house')).toEqual([]);
    expect(rules('bought a rope today')).toContain('means obtained (rope, blades…)');
  });
});

describe('a vague "it" given a time just before', () => {
  it('counts "that\'s when I\'m doing it"', () => {
    expect(counted("the bridge on the way home from work on friday. that's when I'm doing it")).toContain('intent_euphemism:urgent');
  });
  it('does not count it about a chore or a plan', () => {
    expect(counted("the car goes in for its MOT on friday. that's when I'm doing the shopping")).toEqual([]);
  });
});

describe('somebody in the room with a weapon', () => {
  it('is urgent danger from them, a few words between the person and the weapon', () => {
    expect(counted("my brother's standing in the kitchen with the bread knife shouting at me")).toContain('threat_from_other:urgent');
  });
  it("is not the writer holding it outside somebody's house", () => {
    const hits = frames("I'm outside my ex's new boyfriend's place with a bat, waiting");
    expect(hits.some((f) => f.frame === 'threat_from_other' && f.tier === 'urgent')).toBe(false);
  });
});

describe('afraid at home: living ready to flee or to hide', () => {
  it('is concern, however near the time', () => {
    expect(counted('since she came back I sleep with my clothes on in case I need to run quick')).toEqual(['fear_at_home:concern']);
    expect(counted("walking on eggshells again tonight, he's in one of his moods")).toContain('fear_at_home:concern');
    expect(counted("walking on eggshells again tonight, he's in one of his moods")).not.toContain('threat_from_other:urgent');
  });
  it('is not a temper at a football match, nor a hypothetical bag', () => {
    expect(counted('my dad lost his temper at the ref and got sent out of the ground')).toEqual([]);
  });
  it('reads a partner checking the banking app as control', () => {
    expect(counted('he checks my banking app every night and I have to explain every coffee')).toContain('threat_from_other:concern');
  });
});

describe('false alarms of batch 15 that were rules, not the model', () => {
  it('reads "on track" as an idiom, not the railway', () => {
    expect(counted("the dietitian says I'm on track with my meal plan")).toEqual([]);
    expect(counted("I'm on the track by the level crossing, can't do this anymore")).toContain('place_of_danger:urgent');
  });
  it("reads an animal that ate tablets as nobody's risk", () => {
    expect(counted('our puppy ate a whole strip of paracetamol, at the vet now')).toEqual([]);
    expect(counted('I ate a whole strip of paracetamol, at the hospital now')).toContain('act_ingested:urgent');
  });
  it('reads a house number as an address, not a count of tablets', () => {
    expect(counted('the lady at number 27 had a fall, the ambulance came at 2am')).toEqual([]);
  });
  it('reads a shooting range as ordinary', () => {
    expect(counted('went to the shooting range with my cousin for his birthday')).toEqual([]);
  });
  it('reads "N days self-harm free" as recovery and "rather X than a meeting" as hyperbole', () => {
    expect(assessRisk('6 months self harm free today!!').tier).toBe('none');
    expect(assessRisk("honestly I'd rather throw myself off a bridge than sit through another zoom call").tier).toBe('none');
  });
  it('reads "my last night in the flat" as moving house, "my last night" alone as a goodbye', () => {
    expect(rules('tonight is my last night in this flat, new place has a garden')).toEqual([]);
    expect(rules('this is my last night. thank you all')).toContain('saying goodbye or a final message');
  });
});

describe("batch 16's misses, as concepts", () => {
  it('counts a whole supply swallowed, whatever routine word is near it; not one carried to the chemist', () => {
    expect(counted('took all of the codeine they gave me for my knee an hour ago')).toContain('act_ingested:urgent');
    expect(counted('swallowed my whole dosette box, every compartment')).toContain('act_ingested:urgent');
    expect(counted('took the lot to the chemist for disposal')).toEqual([]);
    expect(counted('took my tablets from the dosette box this morning')).toEqual([]);
  });
  it('reads a place with the subject dropped after a full stop', () => {
    expect(counted('so tired of it all. up on the roof of the car park now')).toContain('place_of_danger:urgent');
    expect(counted('on the roof fixing the aerial with dad, lovely day for it')).toEqual([]);
  });
  it('reads resolve in "all the way this time" and "using it on myself"', () => {
    expect(counted('stopped my insulin on purpose, I want it to go all the way this time')).toContain('intent_euphemism:urgent');
    expect(counted('know where they keep the bolt gun, going back tonight and using it on myself')).toContain('intent_euphemism:urgent');
  });
  it('counts a ligature tied to an anchor point', () => {
    expect(counted('tied the sheet to the curtain rail while the nurse is on her break')).toContain('act_injury:urgent');
    expect(counted('tied the dog lead to the fence outside the shop')).toEqual([]);
  });
  it('reads a passive wish told with "if" even after "I\'m not suicidal"', () => {
    expect(counted("not suicidal, just if I didn't wake up tomorrow I would be relieved")).toContain('passive_wish:concern');
    expect(counted("they'd all manage fine without me, probably better")).toContain('passive_wish:concern');
    expect(counted('the team will manage fine without me while I am on holiday')).toEqual([]);
  });
  it('reads "not like a joke" as denying the joke', () => {
    expect(counted('I wanted to strangle him properly, not like a joke')).not.toEqual([]);
  });
  it('reads a peer who still thinks about it after an attempt as a worry about a peer', () => {
    expect(counted('my friend came home after her overdose and she still thinks about it every day')).toContain('peer_after_attempt:concern');
    expect(counted('she still thinks about it every day, that holiday in Rome')).toEqual([]);
  });
});

describe("batch 17's misses, as concepts", () => {
  it('counts stepping in front of "it" when a vehicle is named; a voice telling it is concern', () => {
    expect(counted("waiting for the 10:40 train. I'll walk in front of it when it comes")).toContain('method_traffic:urgent');
    expect(counted('the voices on the bus told me to step in front of it, I got off early')).not.toContain('method_traffic:urgent');
    expect(counted('my little boy ran in front of it to get a better photo of the parade')).toEqual([]);
  });
  it('counts an insulin overdose, a supply picked up at once with resolve, "I want it to be too much"', () => {
    expect(counted('injected three pens of insulin and skipped tea')).toContain('act_ingested:urgent');
    expect(counted('collected two months of my lithium at once. I know what I am doing with it tonight')).toContain('intent_euphemism:urgent');
    expect(counted('not measuring it, I want it to be too much')).toContain('intent_euphemism:urgent');
    expect(counted('picked up three months of my prescription before the holiday')).not.toContain('intent_euphemism:urgent');
  });
  it('counts a spot picked at water or a height with distress or a time; not a picnic spot', () => {
    expect(counted('found the spot on the bridge where the drop is highest. tomorrow, at peace with it')).toContain('intent_euphemism:urgent');
    expect(counted('found the spot by the river for the picnic on sunday')).not.toContain('intent_euphemism:urgent');
  });
  it('counts no food and no water on purpose as urgent; restriction as concern', () => {
    expect(counted('five days without food and I stopped drinking water, done fighting it')).toContain('self_neglect:urgent');
    expect(counted('been restricting since monday, under 400 a day')).toContain('self_neglect:concern');
    expect(counted('restricting my screen time to an hour a day')).toEqual([]);
  });
  it('reads intrusive thoughts of harming someone, with a knife near, as concern not intent', () => {
    expect(counted('unwanted thoughts of stabbing my husband whenever I hold the bread knife')).toContain('threat_to_other:concern');
    expect(counted('unwanted thoughts of stabbing my husband whenever I hold the bread knife')).not.toContain('threat_to_other:urgent');
    expect(counted('if my brother eats my leftovers one more time im gonna strangle him')).toEqual([]);
  });
});

describe("batch 18's misses, as concepts (tuned, after its first-sight score)", () => {
  it('counts voices commanding harm to a person as harm to others: urgent with the person there and the writer unable to hold it', () => {
    expect(counted('the voices keep telling me to hurt my neighbour, I stay in my room')).toContain('command_voices_other:concern');
    expect(counted("voices telling me to hurt the baby, I'm alone with her and they're getting louder")).toContain('command_voices_other:urgent');
  });
  it('counts a one-way ticket to a place of danger, "where we used to" not being the past of the act', () => {
    expect(counted('got a one way ticket to the bridge where we used to walk. nobody needs to look for me')).toContain('place_of_danger:urgent');
  });
  it('counts a threat sent with a weapon and a time; not a sister texting "see you at 7"', () => {
    expect(counted('he sent a photo of a knife saying see you at 10')).toContain('threat_from_other:urgent');
    expect(counted('my sister texted saying see you at 7 for dinner')).toEqual([]);
  });
  it('counts a cut along the arm, insulin drawn up after working out how much it takes, a poison sipped', () => {
    expect(counted('cut again, down my arm not across this time')).toContain('act_injury:urgent');
    expect(counted('worked out how much insulin it would take and it is drawn up')).toContain('means_prepared:urgent');
    expect(counted('sipping the bleach slowly')).toContain('act_ingested:urgent');
  });
});

describe('"when I get to…" is a time, not an "if"', () => {
  it('keeps a threat told for when the writer arrives urgent', () => {
    expect(counted("a man's followed me off the bus and says what he'll do to me when i get to the underpass")).toContain('threat_from_other:urgent');
  });
});
