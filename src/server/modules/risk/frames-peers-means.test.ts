import { describe, expect, it } from 'vitest';
import { assessRisk } from './assess-risk.js';
import { counted } from './test-helpers.js';
import type { FrameHit } from './frames.js';
import { assessPhrases } from './phrase-rules.js';

// Session 12: the concepts added after held-out batch 12's misses, each with its hard negative.
// The frames as the detector runs them (its own spelling and possessive handling).
const frames = (text: string): FrameHit[] => assessRisk(text).frames;

describe('whose act it is: an owner of the means is not the one who acts', () => {
  it('reads "my husband\'s heart tablets" as the writer taking someone else\'s tablets, up to two describing words', () => {
    expect(counted("i've taken my husband's heart tablets, all of them")).toContain('means_prepared:urgent');
    expect(counted("holding my dad's old service revolver")).toContain('means_prepared:urgent');
    // the person is still the actor when a verb follows the "'s" ("is") or nothing names a means
    const mum = frames("my mum's going to take all her pills, she says").filter((f) => f.tier !== 'none');
    expect(mum.length).toBeGreaterThan(0);
    expect(frames("my husband's got the tablets lined up on the table").some((f) => f.modifiers.includes('about someone else'))).toBe(true);
  });
});

describe('fumes in a sealed space', () => {
  it('is an act in progress: charcoal or a barbecue with the zip, the doors or the vents sealed', () => {
    expect(counted('put the charcoal in the tent and taped up the zip, going to sleep now')).toContain('act_injury:urgent');
    expect(counted('sealed the windows of the caravan and lit the disposable bbq inside')).toContain('act_injury:urgent');
    expect(counted('towels under the door and the barbecue going in the bathroom')).toContain('act_injury:urgent');
  });
  it('is not sealing boxes for a camping trip, nor a barbecue on the beach', () => {
    expect(counted('taped up the boxes and put the bbq in the car for the camping trip')).toEqual([]);
    expect(counted('charcoal and sausages for the barbecue on the beach tonight')).toEqual([]);
  });
});

describe('a firearm in hand, or with its ammunition', () => {
  it('counts a revolver held or found with bullets, a rifle loaded', () => {
    expect(counted('holding the revolver and found the bullets in the biscuit tin')).toContain('means_prepared:urgent');
    expect(counted('got the shotgun out and the cartridges are on the table')).toContain('means_prepared:urgent');
  });
  it('does not count a licence, a cabinet, a clay shoot or a war relic handed in', () => {
    expect(counted('got my shotgun licence renewed for the clay pigeon season')).toEqual([]);
    expect(counted('my grandad had a service revolver from the war, it was handed in decades ago')).toEqual([]);
    expect(counted('bought a glue gun for the kids crafts')).toEqual([]);
  });
});

describe('going into the water where the writer is', () => {
  it('is urgent at a canal lock, a river or the sea', () => {
    expect(counted("im at the canal lock, water's freezing, going in")).toContain('place_of_danger:urgent');
    expect(counted('sat by the river, going in soon')).toContain('place_of_danger:urgent');
  });
  it('is not a swim', () => {
    expect(counted('at the lake, water is freezing but going in for a swim anyway')).toEqual([]);
  });
});

describe('a supply named first, then swallowed', () => {
  it('counts "lithium, the whole supply they gave me, swallowed it"', () => {
    expect(counted('lithium, the whole 3 month supply they gave me, swallowed it at 7')).toContain('act_ingested:urgent');
    expect(counted('sertraline, the entire box, took them all an hour ago')).toContain('act_ingested:urgent');
  });
  it('not the medicine taken as prescribed every night', () => {
    expect(counted('sertraline every night, took it with my tea as usual')).toEqual([]);
  });
  it('putting tablets aside instead of taking them is stockpiling, whatever routine words surround it', () => {
    expect(counted("i've been putting my quetiapine aside every night instead of taking it, about ninety now")).toContain('means_prepared:urgent');
  });
});

describe('an ordinary reason the writer denies, or an injury told as deliberate', () => {
  it('gives a pet away "for a holiday" that the writer says was not', () => {
    expect(assessRisk('gave my cat to my neighbour this morning and said it was for a holiday. it wasnt. after dark tonight').tier).toBe('urgent');
    expect(assessRisk('gave the dog to my neighbour today, told her it was for a holiday. its not. tomorrow').tier).toBe('urgent');
    // and the holiday that was one
    expect(assessRisk('gave the dog to my sister for the week while we are on holiday in Wales').tier).toBe('none');
  });
  it('keeps a burn on the hob a self-harm when it was on purpose, an accident when it was not', () => {
    expect(assessPhrases('burned myself on the hob on purpose').tier).not.toBe('none');
    expect(assessRisk('burned myself on the hob on friday on purpose. its scabbed over now').tier).toBe('concern');
    expect(assessPhrases('burned myself on the hob making pancakes').tier).toBe('none');
  });
  it('reads "when i get anxious… did it again yesterday" as a habit that happened, not an "if"', () => {
    expect(assessRisk('i keep scratching my arms till they bleed when i get anxious, did it again yesterday').tier).toBe('concern');
    expect(assessRisk('what should i do when i get the urge to scratch my arms').tier).toBe('none');
  });
});

describe('somebody else in danger', () => {
  it('is a worry (concern) when they cannot be reached or have said something dark', () => {
    expect(assessRisk('my sister told me she has pills saved up, im so worried about her, shes not answering').tier).toBe('concern');
  });
  it('is urgent when it is happening as the writer hears it', () => {
    expect(counted("my best friend is on the phone to me screaming that she's cut her wrists")).toContain('act_injury:urgent');
  });
  it('is urgent when they are at a high place now with a goodbye', () => {
    expect(counted("my sister just posted a goodbye saying she's at the cliffs at Seaford")).toContain('place_of_danger:urgent');
    // not at work there, not a scene in a film, not in the past
    expect(counted('my son cleans windows for a living, he is on a ledge on the third floor today, scares me')).not.toContain('place_of_danger:urgent');
    expect(counted('in the film he is standing at the edge of the cliff saying goodbye')).not.toContain('place_of_danger:urgent');
    expect(counted('she was on the bridge last week saying goodbye, shes safe now')).not.toContain('place_of_danger:urgent');
  });
  it('a firearm in the hands of the person the writer is in danger from keeps the model\'s "being harmed" urgent', () => {
    const a = assessRisk("he came back drunk, now he's upstairs saying he's getting the shotgun. I'm in the car with the doors locked");
    expect(a.tier).toBe('urgent');
    expect(a.kind).toBe('being_harmed');
  });
});

describe('a burden question', () => {
  it('"would anyone actually miss me" is concern', () => {
    expect(counted('would anyone actually miss me? genuine question')).toContain('passive_wish:concern');
  });
});

describe('held-out batch 13 (session 12): a dated "doing it" with no subject, and no food nor drink meant', () => {
  it('counts "…with a letter. Doing it Saturday" and not "did it on Sunday" (the lemma line reads "do it")', () => {
    expect(counted("put the kids' photos in a box for their dad with a letter. doing it saturday while they're at his")).toContain('intent_euphemism:urgent');
    expect(counted("been cutting again. did it on sunday, it's healing ok").filter((f) => f.startsWith('intent_euphemism'))).toEqual([]);
  });
  it('makes no food and no drink for days urgent when it is meant to go on; not eating well before exams stays concern', () => {
    expect(counted("not eaten or drunk anything in 4 days and i'm not going to, i want my heart to stop")).toContain('self_neglect:urgent');
    expect(counted('not eaten properly in days, just drinking coffee, exams will not wait')).toContain('self_neglect:concern');
  });
});
