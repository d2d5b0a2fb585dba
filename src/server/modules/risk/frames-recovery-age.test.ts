import { describe, expect, it } from 'vitest';
import { counted, kindOf, tierOf } from './test-helpers.js';

// Session 17: the concepts added after held-out batches 34–37 were scored (first sight), each with
// its hard negative. The sentences are written for the test, not taken from the batches. Where the
// model alone already reads a sentence right, the test asks Layer 1 (the frame that counted), so that
// it fails on the detector frozen before these concepts.

describe('the writer not coming back from a place', () => {
  it('counts "not coming back down" at a place even beside an ordinary reason for being there', () => {
    expect(counted("on the cliff top where we had the group picnic, signal going, i'm not coming back down")).toContain('place_of_danger:urgent');
  });
  it('does not read "not coming back till later" as a farewell', () => {
    expect(counted("at the cliffs with the kids, i'm not coming back till the rain stops")).toEqual([]);
  });
});

describe('a vehicle driven at a person or their car', () => {
  it('counts driving at someone’s car with a time as a threat', () => {
    expect(counted('I’m going to drive straight at his car when he pulls out of the depot at six')).toContain('threat_to_other:urgent');
    expect(kindOf('I’m going to drive straight at the manager’s car when he leaves at six')).toBe('harm_to_others');
  });
  it('does not count a learner who swerved at the writer’s car', () => {
    expect(tierOf("learner driver swerved right at my car at the lights, proper scary, everyone's fine")).toBe('none');
  });
});

describe('a supply taken by how long it was meant to last, or kept back', () => {
  it('counts a month’s or a fortnight’s supply taken', () => {
    expect(counted("they gave me a month's supply when I left the ward. I've taken the month. so sleepy")).toContain('act_ingested:urgent');
  });
  it('does not count a fortnight taken off work', () => {
    expect(counted("I've taken the fortnight off work to look after my mum after her op")).toEqual([]);
  });
  it('counts weeks of a medicine kept back, not a pharmacy holding them', () => {
    expect(counted("keeping three weeks of my pregabalin in a shoebox. sunday's the day i take the lot")).toContain('means_prepared:urgent');
    expect(tierOf("the pharmacy is keeping two weeks of my methadone until I'm back from my sister's")).toBe('none');
  });
});

describe('somebody else’s overdose happening now', () => {
  it('counts too much injected on purpose, and everything in the house taken with a goodbye, as urgent', () => {
    expect(tierOf("my brother just injected far too much on purpose, he's gone blue and I can't wake him, ambulance coming")).toBe('urgent');
    expect(tierOf("she rang me slurring that she'd taken every pill in the house and said sorry. I'm on my way over now")).toBe('urgent');
  });
  it('does not count pills taken back to the chemist', () => {
    expect(tierOf('my son took the whole box of tablets back to the chemist for me, fair enough, they were out of date')).not.toBe('urgent');
    expect(counted("he's taken every pill in the house back to the chemist so I'm not tempted, good lad")).toEqual([]);
  });
});

describe('intrusive thoughts of harming someone', () => {
  it('reads pictures of harming someone, and thoughts with "not going to do anything", as concern', () => {
    expect(tierOf('intrusive thoughts about stabbing my brother again today, not going to do anything, told my CPN')).toBe('concern');
    expect(counted('I keep getting pictures of pushing my stepdad down the stairs. It scares me')).toEqual(['threat_to_other:concern']);
  });
  it('still counts intent told after the thoughts', () => {
    expect(counted('the thoughts about stabbing my brother are back and tonight I am going to do it')).toContain('threat_to_other:urgent');
  });
});

describe('ordinary cutting, wills, gas and medicines', () => {
  it('does not read a slice cut for oneself or a cast cut off as self-harm', () => {
    expect(tierOf('cut myself a thick slice of the christmas cake tonight, it was worth the wait')).toBe('none');
    expect(tierOf('the nurse cut my wrist cast off today and the skin underneath is so pale lol')).toBe('none');
  });
  it('still reads cutting oneself a bit as self-harm', () => {
    expect(tierOf('cut myself a bit tonight, it keeps bleeding')).toBe('urgent');
  });
  it('reads all the tablets taken every day as taking them as prescribed', () => {
    expect(tierOf('I take all my meds every day like I should now, my nurse is chuffed')).toBe('none');
    expect(tierOf('I took all my meds at once tonight')).toBe('urgent');
  });
  it('reads a will made for a new home and helium or charcoal for a party as ordinary', () => {
    expect(tierOf("finally written my will now we've bought our first flat, very grown up")).toBe('none');
    expect(tierOf("got a helium tank for the twins' party, 50 balloons to blow up tonight")).toBe('none');
    expect(tierOf('bought charcoal for the barbecue in the garden on saturday, everyone welcome')).toBe('none');
  });
  it('still counts a barbecue lit indoors and sealed in', () => {
    expect(counted('got the disposable barbecue lit in my bedroom and taped the window shut')).not.toEqual([]);
    expect(tierOf('bought a bbq and charcoal, it is going in the car with me tonight, windows taped')).toBe('urgent');
  });
  it('does not read means handed to someone to keep as means made ready', () => {
    expect(counted('my urges are strong tonight so I’ve given my razors to my flatmate to keep')).not.toContain('means_prepared:urgent');
  });
  it('does not read a medicine question, a dropped box or a number 14 bus as risk', () => {
    expect(tierOf('does codeine bung you up or is that just me?')).toBe('none');
    expect(tierOf('lost my purse on the number 14 bus on friday, someone handed it in')).toBe('none');
  });
});

describe('a treatment stopped with the medical team', () => {
  it('reads it as no risk, and "I have decided" with a complement as no statement of suicide', () => {
    expect(tierOf('The consultant and I agreed together to stop dialysis and move to comfort care. I feel at peace and I am going home')).toBe('none');
    expect(tierOf("I've decided not to have any more radiotherapy, the side effects were too much")).not.toBe('urgent');
  });
  it('still counts a treatment stopped in secret, and a bare "I have decided"', () => {
    expect(tierOf("Not going to dialysis on Friday or ever again. I haven't told the unit. By Sunday it'll be done.")).toBe('urgent');
    expect(tierOf("I've decided. tonight.")).toBe('urgent');
  });
});

describe('tears of joy, "fair enough", a funeral plan', () => {
  it('does not read happy tears at a car park as distress', () => {
    expect(tierOf('sat in the hospital car park and cried happy tears, the scan was clear')).toBe('none');
    expect(tierOf('on the roof of the car park, crying, can’t do this anymore')).toBe('urgent');
  });
  it('does not read "fair enough" as having had enough', () => {
    expect(tierOf('Chemist said I can only buy two packs of paracetamol at a time. Fair enough.')).toBe('none');
  });
  it('reads a funeral plan paid for at 84 as ordinary, not one sorted beside a goodbye', () => {
    expect(tierOf('paid for my funeral plan with the co op at 84, saves the kids the fuss')).toBe('none');
    expect(tierOf("sorted my funeral plan online, paid. don't wait up for me at group, i won't be there ever again")).toBe('urgent');
  });
});

describe('being harmed by those who care for the writer', () => {
  it('counts oxygen or insulin taken to force a signature as urgent', () => {
    expect(counted('my grandson has taken my inhaler and says I get it back when I sign the flat over. I can’t get my breath')).toContain('aid_withheld:urgent');
    expect(kindOf('my son has taken my insulin and says I get it back when I give him my bank card. I am going hypo')).toBe('being_harmed');
  });
  it('does not count an inhaler taken to be checked, or a phone taken as a punishment', () => {
    expect(tierOf('the nurse has taken my inhaler to get it checked, back tomorrow')).toBe('none');
    expect(counted('my mum took my phone for the weekend because I failed maths lol')).toEqual([]);
  });
  it('counts a carer hitting the writer all afternoon and still there as urgent', () => {
    expect(counted('my carer has been hitting me all afternoon and she’s still in the flat')).toContain('threat_from_other:urgent');
    expect(counted('my carer is rough with me when she washes me, always in a hurry')).not.toContain('threat_from_other:urgent');
  });
  it('counts a firearm loaded even with an ordinary word in the message', () => {
    expect(counted("got grandad's old rifle out of the loft and found the bullets in his tackle box. loaded it")).toContain('means_prepared:urgent');
    expect(tierOf('went to the tackle shop for a new box, fishing with grandad on sunday')).toBe('none');
  });
});

describe('resolve that takes an ordinary reason away', () => {
  it('counts a place with "made my mind up, don’t try to stop me"', () => {
    expect(counted("going to the tracks after closing time, made my mind up, don't try to stop me")).toContain('place_of_danger:urgent');
  });
  it('does not read a mind made up about something as resolve', () => {
    expect(counted('at the pier tonight, made my mind up about the chips, don’t try the curry')).toEqual([]);
  });
});
