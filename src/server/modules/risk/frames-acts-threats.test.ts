import { describe, expect, it } from 'vitest';
import { assessRisk } from './assess-risk.js';
import { counted, kindOf, tierOf } from './test-helpers.js';

// Sessions 14 and 15: the concepts added after held-out batches 20–23 were scored (first sight), each
// with its hard negative. The sentences are written for the test, not taken from the batches.

describe('a blade held at the body is not excused by what it was bought for', () => {
  it('counts a kitchen or craft blade pressed to the wrist or throat now', () => {
    expect(counted('in the kitchen with the bread knife against my wrist right now and I cannot put it down')).toContain('sharp_self:urgent');
    expect(counted('the craft scalpel is on my wrist right now')).toContain('sharp_self:urgent');
  });
  it('still reads the same blade in ordinary use', () => {
    expect(tierOf('carving knife out for the Sunday roast, the lamb smells amazing')).toBe('none');
    expect(tierOf('new craft scalpel for my lino prints, so sharp')).toBe('none');
  });
});

describe('weights tied to the writer for the water', () => {
  it('counts weights, stones or bricks tied round the writer', () => {
    expect(counted('got the dumbbells strapped round my waist, walking down to the canal')).toContain('means_prepared:urgent');
    expect(counted('going to the lake tonight with my pockets full of stones')).toContain('means_prepared:urgent');
  });
  it('does not count weights at the gym or stones in a garden', () => {
    expect(counted('strapped the weight belt round my waist for deadlifts, new PB')).toEqual([]);
    expect(counted('tied the bricks to the tarp so the wind would not take it')).toEqual([]);
  });
});

describe("a voice's command told after what the voice says", () => {
  it('reads the command on the writer, urgent with the means at hand', () => {
    expect(tierOf('the voices say my hand is dirty and I have to burn it off. the lighter is next to me')).toBe('urgent');
    expect(counted('the voice says I am rotten inside and I have to cut it out')).toContain('command_voices:concern');
  });
  it("leaves a command aimed at somebody else to the other frame's kind", () => {
    expect(kindOf('the voice says my neighbour is the devil and I should punish him. I know it is the illness')).toBe('harm_to_others');
  });
  it('does not read a figure of speech as a voice', () => {
    expect(counted('the voice of reason says I have to cut down on sugar before the diabetes clinic')).toEqual([]);
  });
});

describe('refusing food and drink until death', () => {
  it('counts it as urgent', () => {
    expect(counted('as of today I am not eating or drinking until I die')).toContain('self_neglect:urgent');
  });
  it('does not count a fast with an end', () => {
    // The frame does not count it; model v8 alone reads it concern (v7: none), so the tier is checked against urgent only.
    const text = 'not eating or drinking until sunset, it is Ramadan';
    expect(counted(text)).toEqual([]);
    expect(tierOf(text)).not.toBe('urgent');
  });
});

describe('an overdose told with its moment or place', () => {
  it('counts taking the tablets with a moment and resolve, distress or a whole supply', () => {
    expect(counted("I'm taking them all as soon as the kids are asleep, I'm so sorry")).toContain('intent_overdose:urgent');
    expect(counted('picked up the whole supply and I am going up to the multi storey to take it')).toContain('intent_overdose:urgent');
  });
  it('does not count the routine dose with a moment', () => {
    expect(counted("I'm taking my tablets as soon as I get home, forgot them this morning")).toEqual([]);
    expect(tierOf("I'll take my tablets after the news")).toBe('none');
  });
});

describe('somebody else in danger now, told by what the writer is doing about it', () => {
  it('reads a peer at the water with a goodbye, and a peer whose phone went dead after a goodbye, as urgent self-harm', () => {
    expect(tierOf('my sister is at the reservoir and sent me a goodbye text, I am on 999')).toBe('urgent');
    expect(kindOf('my sister is at the reservoir and sent me a goodbye text, I am on 999')).toBe('self_harm');
    expect(tierOf('my brother sent goodbye from the cliffs and now his phone is off')).toBe('urgent');
  });
  it('keeps a worry about a peer as concern', () => {
    expect(tierOf('worried about my mate, he keeps saying goodbye-ish things, not sure what to do')).not.toBe('urgent');
  });
});

describe('being harmed: a weapon fetched after violence, a watcher outside with a time', () => {
  it('counts a partner fetching a weapon after violence as urgent being harmed', () => {
    expect(tierOf('he had his hands round my throat and then went to get the knife, I am locked in the bathroom')).toBe('urgent');
    expect(kindOf('he had his hands round my throat and then went to get the knife, I am locked in the bathroom')).toBe('being_harmed');
  });
  it('does not count a weapon fetched for an ordinary job', () => {
    expect(tierOf('my husband went to get the hammer to put the shelves up')).toBe('none');
  });
  it('counts somebody parked outside who says tonight is the night', () => {
    expect(tierOf('he is parked across the road again and texted that tonight is the night he gets me')).toBe('urgent');
  });
});

describe('harm to others: the act and its moment, an urge with a weapon, a list with a weapon', () => {
  it('counts a harm with the moment it will happen', () => {
    expect(counted('I am pouring the boiling water over him the second he walks in')).toContain('threat_to_other:urgent');
  });
  it('counts the urge to put a weapon in a person', () => {
    expect(counted('I have the urge to stick this knife in him, he is sat right there')).toContain('threat_to_other:urgent');
  });
  it('counts "getting it" only with a weapon', () => {
    expect(counted("got a blade on me. he's getting it when he comes out of the pub")).toContain('threat_to_other:urgent');
    expect(counted("my son's getting it when he comes home, his birthday present finally came")).toEqual([]);
  });
  it('counts a list of people who wronged the writer only with a weapon', () => {
    expect(tierOf('wrote a list of everyone who bullied me at school. picking up the crossbow on friday')).toBe('urgent');
    expect(counted('made a list of the people who hurt me, my therapist wants me to write about each of them')).not.toContain('threat_to_other:urgent');
  });
});

describe('ordinary days that carry the same words', () => {
  it('reads half a shed roof taken and a garage that mends cars as no act', () => {
    // (The model alone still reads both as urgent or concern: the frames no longer add to it.)
    expect(counted('the wind took half the shed roof off last night')).toEqual([]);
    expect(counted('van is at the garage with the engine running while the mechanic finds the leak')).toEqual([]);
  });
  it('still reads half a packet of tablets taken as an overdose', () => {
    expect(counted('just took half the packet of paracetamol')).toContain('act_ingested:urgent');
  });
});

describe('means named only by a pronoun, a point dug into the skin, a threat to the throat', () => {
  it('counts pills counted out with "that should do it"', () => {
    expect(tierOf('lined them all up on the desk. 30. that will do it')).toBe('urgent');
  });
  it('does not count counting out ordinary things', () => {
    expect(counted('counted them out for the raffle, 40 tickets each')).toEqual([]);
  });
  it('counts a point dug into the arm that is still going on', () => {
    expect(counted("digging the drawing pin into my arm and I can't stop")).toContain('sharp_self:urgent');
  });
  it('does not count nails dug into the palms to get through an urge', () => {
    expect(counted('I dig my nails into my hands to ride out the urge, it passes')).not.toContain('sharp_self:urgent');
  });
  it("reads a threat to slit the writer's throat by a time as being harmed", () => {
    expect(kindOf("he said if I'm not back by eight he'll slit my throat, it's half seven")).toBe('being_harmed');
  });
  it('reads "wishing I was dead, same as I used to" as a wish now, not recovery', () => {
    expect(tierOf('every night I lie here wishing I was dead, same as I used to')).toBe('concern');
    expect(tierOf("I don't wish I was dead like I used to")).toBe('none');
  });
});

describe('a medicine named in a question or a dose change', () => {
  it('lets a question about drinking on an antidepressant or a finished taper be read as ordinary', () => {
    const question = assessRisk('is it ok to have a pint on citalopram? stag do on friday');
    expect(question.tier).toBe('none');
    expect(question.frames.some((f) => f.frame === 'medicine_routine' && f.modifiers.some((m) => m.startsWith('ordinary context')))).toBe(true);
    expect(tierOf('finished my diazepam taper today, two years on it!')).toBe('none');
  });
  it('never explains away an overdose question or a wish told in another sentence', () => {
    expect(tierOf('how many sertraline would it take? asking for real')).not.toBe('none');
    expect(tierOf('GP upped my mirtazapine to 30. Most mornings I wish I would not wake up.')).not.toBe('none');
  });
});

describe('heldout22: peers gone silent, fuel and a house, a weapon in a neck, a bleed and a question', () => {
  it('reads a peer at a bridge who is not coming back and turned the location off as urgent', () => {
    expect(tierOf('my friend messaged from the railway bridge that she is not coming back and her location is off')).toBe('urgent');
  });
  it('reads going to somebody’s house tonight with fuel as harm to others, and not without a means', () => {
    expect(kindOf('I have the petrol now and tonight I go to his house')).toBe('harm_to_others');
    expect(counted('tonight I go to his house for tea, his mum is cooking')).toEqual([]);
  });
  it('reads "using it on myself" after a knife as self-harm, not a threat', () => {
    expect(kindOf("got the kitchen knife in my room and I'm using it on myself when he's asleep")).toBe('self_harm');
  });
  it('reads wanting to put scissors in his neck, and going to cave his head in, as harm to others', () => {
    expect(kindOf("he's laughing at me and I want to put these scissors in his neck")).toBe('harm_to_others');
    expect(kindOf('going round now with the bat to cave his head in')).toBe('harm_to_others');
  });
  it('reads a whole packet swallowed, but not a whole box of chocolates shared', () => {
    expect(counted('just swallowed a whole packet')).toContain('act_ingested:urgent');
    expect(counted('took a whole box of chocolates to work for my birthday')).toEqual([]);
  });
  it('does not read "should I go to A&E" as a hypothetical of a bleed that will not stop', () => {
    expect(tierOf("cut my arm and it won't stop bleeding, should I go to A&E?")).toBe('urgent');
  });
});

describe('a harm verb turned on its own subject', () => {
  it('reads a friend "going to kill herself" as self-harm told about a peer, not a threat to another', () => {
    expect(kindOf('my friend is going to kill herself tonight, she sent me a goodbye text')).toBe('self_harm');
    expect(tierOf('my friend is going to kill herself tonight, she sent me a goodbye text')).toBe('urgent');
  });
  it('still reads wanting to kill him as harm to others', () => {
    expect(kindOf('I am going to kill him tonight when he gets home')).toBe('harm_to_others');
  });
});

describe('heldout23: a sealed tent, a supply from the pharmacy, a counted stash, days without fluids, a day picked, insurance, being waited for', () => {
  it('reads charcoal with the tent zipped shut, or its cooking denied, as urgent, and a camping barbecue as nothing', () => {
    expect(counted('Bought charcoal and a little barbecue for cooking. Up on the moor tonight and zipping the tent shut.')).toContain('means_prepared:urgent');
    expect(counted("Bought charcoal and a barbecue I'm never cooking on. Alone tomorrow.")).toContain('means_prepared:urgent');
    expect(counted('Got a bag of charcoal and a little barbecue for the beach tomorrow, sausages for the kids.')).toEqual([]);
  });
  it('reads everything from the pharmacy box, or weeks’ worth, taken as an overdose, but not weeks’ worth of leave', () => {
    expect(tierOf('swallowed everything in the bottle the chemist gave me about an hour ago')).toBe('urgent');
    expect(tierOf('I took about two weeks worth at once, feeling weird now')).toBe('urgent');
    expect(counted('took two weeks worth of annual leave and went to Wales')).toEqual([]);
  });
  it('reads counting them again with "enough" as urgent, but not counting chairs that are enough for everyone', () => {
    expect(counted('counted them again and again. 48. enough.')).toContain('means_prepared:urgent');
    expect(counted('counted them twice, 14 chairs, enough for everyone at the party')).toEqual([]);
  });
  it('reads days with nothing to eat or drink, on purpose, as urgent', () => {
    expect(tierOf('three days with nothing to eat or drink and I am doing it on purpose')).toBe('urgent');
  });
  it('reads a day picked beside a final arrangement as urgent, and a wedding date picked as nothing', () => {
    expect(counted('The dog has been rehomed. I have picked the day.')).toContain('final_arrangements:urgent');
    expect(counted('We have finally picked the day for the wedding, 14 June!')).toEqual([]);
  });
  it('reads life insurance checked to pay out whatever the cause as urgent', () => {
    expect(counted('Checked twice that the life insurance pays out whatever the cause. Friday then.')).toContain('final_arrangements:urgent');
  });
  it('reads being waited for while hiding as urgent, and a mum waiting at the station as nothing', () => {
    expect(kindOf('His brothers are waiting outside the chippy for me. I am hiding in the toilets here.')).toBe('being_harmed');
    expect(counted('His brothers are waiting outside the chippy for me. I am hiding in the toilets here.')).toContain('threat_from_other:urgent');
    expect(counted('My mum is waiting at the station for me with a flask of tea')).toEqual([]);
  });
  it('reads a helper at the door with a tool, and a threat the writer glosses as not meant, as not urgent', () => {
    expect(tierOf('my dad is at the door with a sledgehammer to help me take the old fireplace out')).not.toBe('urgent');
    expect(tierOf('my boss says he will kill me if I miss the deadline, which in his language means a grumpy email')).not.toBe('urgent');
  });
  it('does not read a medicine supply collected for a trip abroad as means made ready', () => {
    expect(counted('picked up two months of my sertraline at once because I am off to Canada for my brother’s wedding')).toEqual([]);
  });
});

describe('heldout24: chemists in turn, a goodbye call then silence, a door left for them, a threat that was a cat, a range', () => {
  it('reads a medicine bought at different chemists so nobody would ask as means made ready', () => {
    expect(counted('picked up the paracetamol at three separate chemists today so no one would ask')).toContain('means_prepared:urgent');
  });
  it('reads a goodbye call from a parent who now does not answer, with means at hand, as urgent', () => {
    expect(tierOf('Dad phoned late to say goodbye and now he is not answering. He has all his tablets there.')).toBe('urgent');
  });
  it('reads a door left unlocked so nobody has to break in as an arrangement to be found', () => {
    expect(counted('Unlocked the front door so they will not need to kick the door in.')).toContain('final_arrangements:urgent');
    expect(counted('Left the back door unlocked so the cat sitter can get in while we are away.')).toEqual([]);
  });
  it('does not read a follower who turns out to be an animal, or a gun at a range told in another sentence, as danger', () => {
    expect(counted('Somebody was following me down the lane in the dark. It was a fox!')).toEqual([]);
    expect(counted('Went to the shooting range with my cousin. First time holding a rifle, so loud.')).toEqual([]);
  });
  it('does not read tablets counted out for a holiday with the nurse’s help as means made ready', () => {
    expect(counted('My meds are all counted out for the fortnight in Spain, the nurse helped me sort them.')).toEqual([]);
  });
});

describe('somebody else’s past is not the writer’s recovery', () => {
  const pastReadings = (text: string): string[] => assessRisk(text).frames.flatMap((f) => f.modifiers.filter((m) => m.startsWith('past or recovery')));
  it('does not read "where he used to fish" as the writer’s past when the writer says what they are doing now', () => {
    expect(pastReadings('Cancelled my gym membership and my phone contract, and after the service I am walking into the lake where he used to sail.')).toEqual([]);
  });
  it('still reads abuse that used to happen, and the writer’s own "used to", as the past', () => {
    expect(pastReadings('I used to cancel my phone contract every year and give my stuff away')).not.toEqual([]);
    expect(tierOf('we lived in the flat where he used to hit me, I moved out years ago')).not.toBe('urgent');
  });
});

describe('heldout25: a stash in a sock, no reason to carry on, an eating disorder’s voice, a plea for the police, a cover story, a list of gifts', () => {
  it('reads pills kept hidden in a sock as means made ready, and socks kept in a drawer as nothing', () => {
    expect(counted('the tablets from my old prescription, kept in a shoe at the back of the wardrobe')).toContain('means_prepared:urgent');
    expect(counted('I kept my winter socks in the drawer under the bed')).toEqual([]);
  });
  it('reads not seeing a reason to carry on, or being out of reasons to keep going, as hopelessness', () => {
    expect(counted("Since Bill died I can't see any reason to go on.")).toContain('hopeless_trapped:concern');
    expect(counted('I have run out of reasons to keep going.')).toContain('hopeless_trapped:concern');
  });
  it('reads not minding if taken in one’s sleep as a passive wish', () => {
    expect(counted("I wouldn't mind if God took me in my sleep tonight")).toContain('passive_wish:concern');
  });
  it('reads an eating disorder’s voice telling the writer to starve as a command', () => {
    expect(counted('that voice keeps telling me I am disgusting and should stop eating altogether')).toContain('command_voices:concern');
  });
  it('reads a plea for the police with a weapon in the message as danger now, and without one as nothing', () => {
    expect(counted('That machete is in his hand again. I am in the loft. Somebody please call the police.')).toContain('threat_from_other:urgent');
    expect(counted('someone call the police, the neighbours party is still going at 3am')).toEqual([]);
  });
  it('reads a place of danger tomorrow as urgent when work is what the writer will not go to', () => {
    expect(counted('Tomorrow I will not go to work, I will be on the bridge over the gorge.')).toContain('place_of_danger:urgent');
  });
  it('reads several arrangements with "nobody will stop me" as urgent, and a person after "sent my" as the object, not the actor', () => {
    expect(counted('Sent my brother my bank details and gave the cat to the lady next door. Nobody will stop me this time.')).toContain('final_arrangements:urgent');
  });
});
