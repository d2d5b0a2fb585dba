import { describe, expect, it } from 'vitest';
import { assessRisk } from './assess-risk.js';
import { counted, kindOf, tierOf } from './test-helpers.js';

// Session 16: the concepts added after held-out batches 27–31 were scored (first sight), each with
// its hard negative. The sentences are written for the test, not taken from the batches.

describe('recovery counted in years, singular too', () => {
  it('reads "one year since I last self-harmed" as recovery', () => {
    expect(tierOf('one year since I last self-harmed today, going for cake to celebrate')).toBe('none');
  });
  it('still counts self-harm today', () => {
    expect(tierOf('self-harmed again today and it will not stop bleeding')).toBe('urgent');
  });
});

describe('means gathered without their name', () => {
  it('counts boxes of an unnamed medicine from chemist after chemist, or as many as they would sell', () => {
    expect(counted('bought six packets of the strongest ones from three different chemists, tonight then')).toContain('means_prepared:urgent');
    expect(counted('got the most they would sell me at every shop on the high street. tonight')).toContain('means_prepared:urgent');
  });
  it('does not count nappies or formula bought in a shortage', () => {
    expect(tierOf('bought four packs of nappies across two chemists because of the shortage')).toBe('none');
  });
  it('counts saving told before the medicine, not saving up money for a prescription', () => {
    expect(counted('I have been squirrelling away my tramadol since the summer for new year')).toContain('means_prepared:urgent');
    expect(tierOf('saved up for a month to pay for my sertraline prescription')).toBe('none');
  });
  it('reads collecting a prescription from the pharmacy as routine', () => {
    expect(tierOf('collected my pills from the pharmacy without a panic attack, small win')).toBe('none');
  });
});

describe('enough of something to die of', () => {
  it('counts enough "to not wake up"', () => {
    expect(counted('got enough of the gear to not wake up, that is the plan')).toContain('means_prepared:urgent');
  });
  it('does not count enough coffee to wake up well', () => {
    expect(counted('made enough coffee to not wake up grumpy tomorrow')).toEqual([]);
  });
});

describe('absent from every group to come', () => {
  it('counts "not at Thursday\'s group or any group after it"', () => {
    expect(counted("I won't be at Thursday's group or any group after it. Don't be sad.")).toContain('final_goodbye:urgent');
  });
  it('does not count missing sessions for a holiday', () => {
    expect(tierOf("I won't be at any more sessions this year, off to my daughter's in Spain till January")).toBe('none');
  });
});

describe('not living to see a date', () => {
  it('counts "I\'m not seeing the new year", which the date word does not excuse', () => {
    expect(counted("first christmas since the divorce and i'm not seeing the new year")).toContain('final_goodbye:urgent');
  });
  it('does not count seeing the new year in, or missing a Christmas dinner', () => {
    expect(counted("I won't see the new year in, I'm on nights")).toEqual([]);
    expect(tierOf("i won't make it to christmas dinner at yours this year")).toBe('none');
  });
  it('counts nothing needed after a holiday', () => {
    expect(counted('gave the cat to my neighbour and cancelled the phone contract, wont need any of it after boxing day')).toContain('final_goodbye:urgent');
  });
});

describe('a time in a clause about the place', () => {
  it('is not the writer\'s recovery: "where we watched the fireworks last year"', () => {
    expect(counted('stood on the bridge where we watched the fireworks last year. climbing over the rail')).toContain('place_of_danger:urgent');
  });
  it('a place remembered in ordinary news is none', () => {
    expect(tierOf('went back to the bridge where we watched the fireworks last year, lovely night with the kids')).toBe('none');
  });
});

describe('places named by their details', () => {
  it('counts a barrier the writer climbed by the tracks, with the train coming', () => {
    expect(counted('the rails, the signal, the fence I climbed, the lights coming')).toContain('place_of_danger:urgent');
  });
  it('does not count children climbing a fence to watch a train', () => {
    expect(counted('kids climbed the fence by the railway to watch the steam train, I told them off')).toEqual([]);
  });
  it('counts a high floor of a car park with a time, not parking there', () => {
    expect(counted('fifth floor of the multi storey on Mill Road at 3am, it is all decided')).toContain('place_of_danger:urgent');
    expect(tierOf('parked on the top floor of the car park as it was the only space, took ages to get out')).toBe('none');
  });
  it('counts being parked on a level crossing', () => {
    expect(counted("I'm parked on the level crossing, tell my mum sorry")).toContain('place_of_danger:urgent');
  });
  it('counts an appliance and a bath with a plan, not one dropped by accident', () => {
    expect(counted('the hairdryer in the bath plan is a go, water is running')).toContain('place_of_danger:urgent');
    expect(counted("dropped the radio in the bath lol, it's dead, I'm fine")).toEqual([]);
  });
  it('a roof with its ordinary reason denied', () => {
    expect(tierOf('up on the roof. not for the gutters')).toBe('urgent');
    expect(tierOf('up on the roof fixing the gutters before the rain')).toBe('none');
  });
});

describe('acts in progress and just done', () => {
  it('counts blood soaking through after cutting, not a wet lawn', () => {
    expect(counted("cut myself too deep, the towel is soaked and I'm dizzy")).toContain('act_injury:urgent');
    expect(counted('cut the grass in the rain, soaked through and dizzy from the heat')).toEqual([]);
  });
  it('counts a cut "already started" and deep', () => {
    expect(counted('he hid the knives but not the razors. already started, it is deep this time')).toContain('act_injury:urgent');
  });
  it('counts drink stopped on purpose to finish the writer, not fasting before an operation', () => {
    expect(counted('not had anything to drink in four days on purpose, I want this to finish me')).toContain('self_neglect:urgent');
    expect(tierOf('stopped eating and drinking after midnight for my operation tomorrow')).toBe('none');
  });
  it('counts an overdose of a medicine named after its owner', () => {
    expect(counted("taken 30 of my dad's co-codamol an hour ago")).toContain('act_ingested:urgent');
  });
});

describe('things said without the obvious word', () => {
  it('counts a firearm checked or said to work, not one cleaned for a clay shoot', () => {
    expect(counted("dad's old service revolver still works, checked it this morning. my turn tonight")).toContain('means_prepared:urgent');
    expect(tierOf("cleaned the shotgun for the clay shoot saturday, grandad's old twelve bore still works")).toBe('none');
  });
  it('counts going out with a firearm after the will is signed, not for the crows', () => {
    expect(tierOf('the will is signed. going out to the top field with the shotgun first thing. do not ring')).toBe('urgent');
    // (The frame is not counted; the model alone still reads this one urgent, at 0.58: a known false alarm.)
    expect(counted('going out to the top field with the shotgun first thing, crows on the barley again')).toEqual([]);
  });
  it('counts a point to hang from, named with a time', () => {
    expect(counted('letters are on the table. there is a beam in the garage. tonight')).toContain('means_prepared:urgent');
  });
  it('counts "I\'ll be with her by breakfast" where she died, not a flight to a partner', () => {
    expect(counted("her anniversary tomorrow. going to the line where she died. I'll be with her by breakfast")).toContain('intent_euphemism:urgent');
    expect(counted("our wedding anniversary tomorrow, I'll be with him by breakfast, flight lands at 6")).toEqual([]);
  });
  it("reads a request to pass on a sorry as the writer's own goodbye", () => {
    expect(counted("could someone tell my mum I'm sorry. I'm on the bridge")).toContain('final_goodbye:urgent');
  });
  it("does not read a letter to one's younger self as a final letter", () => {
    expect(tierOf('my therapist asked me to write a letter to my younger self. I cried but felt lighter')).toBe('none');
  });
});

describe('wishes and thoughts are concern without a plan, a time or an act', () => {
  it('thoughts of suicide without a plan', () => {
    expect(tierOf('been thinking about suicide more this week, no plan, it just sits there')).toBe('concern');
    expect(tierOf('I still think about killing myself most days')).toBe('concern');
  });
  it('not wanting to wake up tomorrow, and wanting to sleep and not wake', () => {
    expect(tierOf("don't want to wake up tomorrow")).toBe('concern');
    expect(tierOf('I just want to go to sleep and not wake up for a long time')).toBe('concern');
  });
  it('but a time set for it, or a plan, is urgent', () => {
    expect(tierOf('going to sleep tonight and never waking up, the tablets are ready')).toBe('urgent');
    expect(tierOf('planning suicide for friday')).toBe('urgent');
  });
  it('self-harm that is over now', () => {
    expect(tierOf('burned myself again last night. over now')).toBe('concern');
  });
  it('an urge to hurt someone, however strong today, without a means, the person there or lost control', () => {
    expect(tierOf('the urge to hurt him is strong today')).toBe('concern');
  });
  it('feeling trapped in a life is hopelessness, not being locked in', () => {
    expect(assessRisk('I feel trapped in this body and this life, no way out').kind).toBe('self_harm');
    expect(tierOf('I feel trapped in this body and this life, no way out')).toBe('concern');
  });
});

describe('harm to others named as such', () => {
  it('a weapon with the person waited for, asleep or outside their house', () => {
    expect(kindOf('got the bat. waiting for him')).toBe('harm_to_others');
    expect(kindOf("he's asleep. the knife is in my hand")).toBe('harm_to_others');
    expect(kindOf("outside his flat. gun's loaded")).toBe('harm_to_others');
  });
  it('but not a knife for the writer while someone sleeps, nor waiting for someone without a weapon', () => {
    expect(kindOf("got the knife in my room and I'm using it on myself when she's asleep")).toBe('self_harm');
    // (No frame counts; the model alone reads this one urgent: a known false alarm.)
    expect(counted('waiting for him to finish work so we can go to the cinema')).toEqual([]);
  });
  it('fuel bought for their home, a weapon taken to college, a car driven into someone', () => {
    expect(kindOf("bought a can of petrol for the ex's house. tonight")).toBe('harm_to_others');
    expect(kindOf("took my dad's pistol to college in my bag. they will find out at lunch")).toBe('harm_to_others');
    expect(kindOf("tomorrow I'm going to drive the car into her at the school gates")).toBe('harm_to_others');
  });
  it("not petrol for a trip to somebody's house", () => {
    expect(counted("filled the car with petrol for the trip to mum's house")).toEqual([]);
  });
  it("giving someone the whole pen or putting something in their drink; not a pet's tablet in its food", () => {
    expect(kindOf("he's asleep. I've got his insulin and I'm giving him the whole thing")).toBe('harm_to_others');
    expect(kindOf("put something in my stepdad's drink at dinner")).toBe('harm_to_others');
    expect(tierOf("put the tablets in his food because he won't swallow them, the vet said it's fine")).not.toBe('urgent');
  });
  it('"I\'m stabbing him when he gets in" is the writer\'s threat, not danger from him', () => {
    expect(assessRisk("I'm stabbing him when he gets in")).toMatchObject({ tier: 'urgent', kind: 'harm_to_others' });
  });
  it('a voice that says "kill him" with the person in the next room', () => {
    expect(assessRisk('my stepdad is in the next room. the voice says kill him. I have the scissors')).toMatchObject({
      tier: 'urgent',
      kind: 'harm_to_others',
    });
    expect(tierOf("voices keep saying hurt the baby, i'm never alone with her and my partner knows")).toBe('concern');
  });
});

describe('being harmed, and who is nearby', () => {
  it("counts someone with a weapon where the writer is, or fire set to the writer's things", () => {
    expect(kindOf('hiding in the staff toilets, my ex is in the car park with a knife')).toBe('being_harmed');
    expect(kindOf("they're outside. one has a knife")).toBe('being_harmed');
    expect(assessRisk("he's set fire to my bins and says the house is next. I can smell petrol")).toMatchObject({ tier: 'urgent', kind: 'being_harmed' });
  });
  it('does not read somebody downstairs or at the door as a danger without a threat', () => {
    expect(kindOf("took 20 of my mum's co-codamol an hour ago. she's downstairs watching telly")).toBe('self_harm');
    expect(tierOf("he's at the door with a cake! my neighbour remembered my birthday")).toBe('none');
  });
  it('a friend behind a locked door with no sound is a peer in danger now', () => {
    expect(assessRisk('my housemate posted goodbye lads and his door is locked, no sound, we are trying to kick it in')).toMatchObject({
      tier: 'urgent',
      kind: 'self_harm',
    });
  });
});

describe('Jamaican Creole read into English', () => {
  it('reads the writer on a cliff and a man at the gate with a cutlass', () => {
    expect(tierOf('mi cyaan tek it no more. mi deh pon di cliff an mi a go jump')).toBe('urgent');
    expect(assessRisk('him deh a di gate wid a cutlass, him seh him a go chop mi up').kind).toBe('being_harmed');
  });
  it('leaves a prayer request ordinary', () => {
    expect(tierOf('mi beg unnu pray fi mi granny, she have di operation tomorrow')).toBe('none');
  });
});

describe('batch 32: places and acts named by their details', () => {
  it('counts a ligature taken into the toilets, not laces come undone', () => {
    expect(counted('in the ward toilets with my dressing gown cord, nobody knows I am in here')).toContain('means_prepared:urgent');
    expect(counted('in the toilets with my shoelaces undone again lol, tripped twice today')).toEqual([]);
  });
  it('counts the end of a jetty with "can\'t swim", not the end of a pier with an ice cream', () => {
    expect(counted("right at the end of the jetty. I can't swim and that's the point")).toContain('place_of_danger:urgent');
    expect(tierOf('stood at the end of the pier with the dog and a 99, best hour of the week')).toBe('none');
  });
  it('counts "not coming down the normal way" from a chimney, not a ladder to fix the gutter', () => {
    expect(counted('halfway up the ladder on the old chimney. not coming down the normal way')).toContain('place_of_danger:urgent');
    expect(tierOf('halfway up the ladder on the roof fixing the gutter')).toBe('none');
  });
  it('counts driving the car into the reservoir', () => {
    expect(counted("tomorrow morning before anyone's up I'm driving the car into the reservoir")).toContain('intent_euphemism:urgent');
  });
  it('reads someone standing at the end of the bed, grabbing, as danger now, and "taking them all when I get in" as nobody at the door', () => {
    expect(assessRisk("my landlord let himself in and he's standing at the end of my bed, grabbing at me")).toMatchObject({
      tier: 'urgent',
      kind: 'being_harmed',
    });
    expect(kindOf("I've got the pills I've been hiding and I'm taking them all when I get in")).toBe('self_harm');
  });
});

describe('batch 33: risk wrapped in jokes and online language', () => {
  it('"not a joke" negates the joke, not the overdose after it', () => {
    expect(counted('rip me (not a joke this time) swallowed 40 paracetamol an hour ago')).toContain('act_ingested:urgent');
    expect(counted('i did not swallow 40 paracetamol, i was joking')).toEqual([]);
  });
  it("reads a medicine owned by someone else as the writer's means, however it is described", () => {
    expect(counted("got my mum's whole blister pack of co-codamol next to me and i'm doing it after i send this")).toContain('means_prepared:urgent');
  });
  it('counts shop after shop "so they wouldn\'t clock it"', () => {
    expect(counted("got the stuff from three different chemists so they wouldn't clock it")).toContain('means_prepared:urgent');
  });
  it('counts a firearm out of its cabinet, not for a clay shoot', () => {
    expect(tierOf("I rather think this is cheerio. The shotgun's out of the cabinet and I'm quite calm")).toBe('urgent');
    expect(tierOf('took the shotgun out of the cabinet for the clay shoot, first time this season')).toBe('none');
  });
  it('reads "on my way to sort the nurse" with a weapon as a threat, not sorting a rota', () => {
    expect(kindOf('on my way to the ward to sort the nurse who sectioned me. got the scissors up my sleeve')).toBe('harm_to_others');
    expect(counted('going to the office to sort the rota out with my manager')).toEqual([]);
  });
  it('reads plates thrown at the writer right now as danger now, and a plate thrown last week as concern', () => {
    expect(assessRisk("she's throwing plates at me right now and says the knife's next")).toMatchObject({ tier: 'urgent', kind: 'being_harmed' });
    expect(tierOf('my partner threw a plate at me on monday. it missed')).toBe('concern');
  });
  it('reads shut in the bathroom with blades as self-harm, shut in from someone banging as being harmed', () => {
    expect(kindOf("can't keep myself safe tonight, locked myself in the bathroom with the blades")).toBe('self_harm');
    expect(kindOf("he's banging on the door, I've locked myself in the bathroom")).toBe('being_harmed');
  });
});
