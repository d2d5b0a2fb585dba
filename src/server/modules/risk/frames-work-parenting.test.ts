import { describe, expect, it } from 'vitest';
import { counted, kindOf, tierOf } from './test-helpers.js';

// Session 17, second freeze: the concepts added after held-out batches 38 (the perinatal and
// parenting world) and 39 (money, work and housing) were scored first sight, each with its hard
// negative. The sentences are written for the test, not taken from the batches.

describe('an ordinary reason the writer says is false, and "my last everything"', () => {
  it('counts a cover story the writer takes back ("there is no new job")', () => {
    expect(tierOf("emptied the flat, gave the dog to my cousin and told him it's because of a new job. there is no new job. i've got everything i saved")).toBe('urgent');
    expect(tierOf("gave the dog to my cousin because of a new job abroad, I start in March and I'll miss him loads")).toBe('none');
  });
  it('counts "my last everything" even after a last shift', () => {
    expect(counted("quit my job and it's not because of a new one. saturday is my last shift and then it's my last everything")).toContain('final_goodbye:urgent');
    expect(tierOf('quit my job because of a new job in leeds, saturday is my last shift, leaving do at the pub')).toBe('none');
  });
  it('does not read a charity shop as talk about a subject, nor a cliff walk looked up as a method', () => {
    expect(tierOf('took three bags to the charity shop and looked up the cliff walk for saturday with the kids')).not.toBe('urgent');
  });
});

describe('means at work', () => {
  it('counts a gun cabinet key carried, whatever the cabinet excuses', () => {
    expect(counted("farm goes to auction monday. gun cabinet key's in my pocket and i've told the wife i'm checking the fences")).toContain('means_prepared:urgent');
    expect(tierOf('the gun cabinet key is on my keyring, the firearms officer checked the cabinet today')).toBe('none');
  });
  it('counts a poison opened where nobody comes, not one opened to clean', () => {
    expect(counted('still in the cleaning store after my shift, lid’s off the bleach, nobody comes in here till morning')).toContain('means_prepared:urgent');
    expect(counted("cap's off the drain cleaner and the store room's locked, nobody checks till monday")).toContain('means_prepared:urgent');
    expect(tierOf("lid's off the bleach and the windows are open, deep cleaning the bathroom before the inspection")).not.toBe('urgent');
  });
  it('counts chemicals mixed in a bolted room', () => {
    expect(counted('mixed bleach and the other cleaner in the staff toilet, door bolted, it stings already')).toContain('act_injury:urgent');
  });
  it('reads a roof as a workplace when the work is named', () => {
    expect(tierOf('up on the scaffold all day replacing the gutters, knees are killing me')).toBe('none');
    expect(tierOf('up on the roof at work, not for the gutters this time. sorry everyone')).toBe('urgent');
  });
});

describe('a threat with a blade at work, and one that is an idiom', () => {
  it('counts "slashing his face when he comes past" with a Stanley knife in the pocket', () => {
    expect(counted("my supervisor is in the yard now and i've got the stanley knife. i'm slashing his face when he comes past")).toContain('threat_to_other:urgent');
    expect(kindOf("my supervisor is in the yard now and i've got the stanley knife. i'm slashing his face when he comes past")).toBe('harm_to_others');
    expect(tierOf('stanley knife for the carpet fitting, my supervisor showed me how to cut the underlay')).toBe('none');
  });
  it('reads "the boss is going to kill me, I forgot…" as an idiom, not when the person is on the way', () => {
    expect(tierOf('the boss is going to kill me, I forgot to lock the van again')).not.toBe('urgent');
    expect(tierOf('my manager will kill me, left the till open again lol')).toBe('none');
    expect(tierOf("he's going to kill me when he gets home, he said so, he's on his way now")).toBe('urgent');
  });
});

describe('being harmed, and things locked away', () => {
  it('does not read chemicals locked in a cabinet as the writer locked in', () => {
    expect(tierOf('all the chemicals are locked in the COSHH cabinet now, the audit went fine')).toBe('none');
    expect(tierOf("he's locked me in the bedroom and he's got a knife")).toBe('urgent');
  });
  it('counts somebody else on a bridge now, with the writer on the way', () => {
    expect(tierOf("my cousin just rang from the bridge, says he's climbed over the railing, i'm heading there now, someone ring the police")).toBe('urgent');
  });
});

describe('the perinatal and parenting world', () => {
  it('reads a cord round the baby’s neck at birth as no ligature', () => {
    expect(tierOf("the cord was round his neck at birth, the midwife sorted it in seconds and he's 2 now")).toBe('none');
    expect(tierOf("the cord is round my neck, the chair's ready")).toBe('urgent');
  });
  it('reads childproofing as ordinary use of knives and medicines', () => {
    expect(tierOf("moved the knife block to the top of the fridge now she's crawling, and child locks on everything")).toBe('none');
  });
  it('reads a will made when the home is in both names as ordinary', () => {
    expect(tierOf('made our wills now the flat is in both our names, the solicitor was lovely')).toBe('none');
  });
});

describe('a count told in words (batch 40)', () => {
  it('counts "about sixty" tablets swallowed like 60', () => {
    expect(counted('swallowed about sixty of my paracetamol, it is not about my weight this time')).toContain('act_ingested:urgent');
  });
  it('does not read an age in words as a count', () => {
    expect(tierOf('at eighty I still take my blood pressure tablets every morning with my tea')).toBe('none');
  });
});

describe('a week across the service (batch 42)', () => {
  it('counts the whole of a drug now, and a count "now, that\'s enough"', () => {
    expect(counted("used again, got a bag in and i'm doing all of it tonight in one go")).toContain('act_ingested:urgent');
    expect(counted("been putting my tablets in a tin instead of taking them. 45 now, that's enough")).toContain('means_prepared:urgent');
    // (The model alone still reads this one urgent: the frame does not count it without a drug in the message.)
    expect(counted('doing all of it tonight, the whole ironing pile, then bed')).toEqual([]);
  });
  it('counts the edge of a roof written from, walking out into the sea, and going up a tower to fly off it', () => {
    expect(counted('typing this from the edge of the roof of the flats. sorry for not saying bye properly')).toContain('place_of_danger:urgent');
    expect(counted('getting the early train to the coast tomorrow and walking out into the sea')).toContain('place_of_danger:urgent');
    expect(counted("haven't slept in days, going up the tower block tonight to see if i can fly off it")).toContain('place_of_danger:urgent');
    expect(tierOf('went up to the top floor of the Shard, terrified of heights but I did it!')).toBe('none');
  });
  it('counts belongings labelled for people and hot oil thrown at someone', () => {
    expect(counted('sorted all my stuff into bags labelled for people. tomorrow morning i am getting the first train to the coast')).toContain('final_arrangements:concern');
    expect(counted("she's coming round at 7 and i'm throwing the hot oil at her, swear down")).toContain('threat_to_other:urgent');
    expect(tierOf('careful with the hot oil at the fish fry, my aunty burnt her hand last year')).not.toBe('urgent');
  });
});

describe('what the mutation tests of the frame functions found (session mut18)', () => {
  it('does not read the word after a match as part of it ("not hopeless no matter what")', () => {
    expect(tierOf('i am not hopeless no matter what')).toBe('none');
    expect(tierOf('i am hopeless no matter what i do')).toBe('concern');
  });
  it('does not read "this is it" or "last night" as a farewell that voids an ordinary reason', () => {
    expect(tierOf('this is it lads, last shift before me holiday, cannot wait')).toBe('none');
    expect(tierOf('watched The Bridge last night, scandi noir, so good')).toBe('none');
    expect(tierOf('this is it. goodbye everyone')).toBe('urgent');
  });
  it('reads a person after "to your" or "to the" as the object, not the one who acts', () => {
    expect(counted("the tractor's handed over to the lad and the will's signed. going out to the top field with the twelve-bore first thing. don't ring")).toContain(
      'means_prepared:urgent',
    );
  });
  it('does not let a rope "for climbing" excuse itself beside distress', () => {
    expect(tierOf('got a new rope for climbing and i cried all night, i cannot do this anymore')).toBe('urgent');
    expect(tierOf('got a new rope for climbing, so excited for the crag on saturday')).toBe('none');
  });
});
