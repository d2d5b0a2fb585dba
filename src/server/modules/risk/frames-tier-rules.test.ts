import { describe, expect, it } from 'vitest';
import type { FrameHit } from './frames.js';
import { framesReading } from './frames-fixture.js';

// Session 19: the frames' tier rules (frames.ts, each frame's `tier`) at the words they turn on, each
// where the labelled corpus had no sentence that tells the word apart — a singular where the rule
// lists a plural, a word with or without its ending, a clock time with or without minutes. Each case
// is what a clinician would expect of the frames' reading, and each fails on a mutant of the rule
// that the mutation run left alive (checked with the mutant switched on).
const reading = (text: string) => framesReading(text);
const hit = (text: string, frame: string): FrameHit | undefined => reading(text).hits.find((h) => h.frame === frame);
const RAISED = ['concern', 'urgent'];

describe('somebody waiting for the writer (threat_from_other)', () => {
  // Waiting for the writer counts only with a weapon, fear or a threat in the message; these are the
  // threat's words, each with and without its ending.
  it.each([
    'my ex is waiting for me at the bus stop, i heard him bang the shelter',
    'my ex is waiting for me at the bus stop, he sent a threat last night',
    'my ex is waiting for me at the school gates. last month he threatened my mum',
    'my ex is waiting for me at the bus stop, he’s made threats',
    'my ex is waiting for me at the bus stop, last time he battered me',
    'my ex is waiting for me at the bus stop. he said he would batter me',
    'my ex is waiting for me at the bus stop, last time he smashed my phone',
    'my ex is waiting for me at the bus stop. he said he would smash my face in',
  ])('counts an ex waiting with a threat in the message: %s', (text) => {
    expect(RAISED).toContain(hit(text, 'threat_from_other')?.tier);
  });
});

describe('somebody fetching a weapon (threat_from_other)', () => {
  // Fetching a weapon counts with violence or fear in the message.
  it.each([
    'my ex has gone to get a knife. he’s been charged with strangling his last girlfriend',
    'dad has gone to get a knife, he’s been charged for choking mum before',
    'dad has gone to get the gun, the threat was real',
    'dad has gone to get the gun, he’s made threats before',
  ])('is urgent with violence named: %s', (text) => {
    expect(hit(text, 'threat_from_other')?.tier).toBe('urgent');
  });

  it('is urgent for fear of what he will do, said without "going to"', () => {
    expect(hit('i’m terrified of what he will do to me when he finds out', 'threat_from_other')?.tier).toBe('urgent');
  });
});

describe('a place of danger (place_of_danger)', () => {
  it('reads "fly from here" as going over, not only "fly off the roof"', () => {
    expect(hit('on the roof of the multi storey, gonna see if i can fly from here', 'place_of_danger')?.tier).toBe('urgent');
  });

  it.each(['on the bridge over the motorway at 3am', 'on the bridge over the motorway at 11pm', 'on the bridge over the motorway at 3 am'])(
    'reads a clock time as a time set: %s',
    (text) => {
      expect(hit(text, 'place_of_danger')?.tier).toBe('urgent');
    },
  );
});

describe('a drug taken all at once (act_ingested)', () => {
  it.each(['doing the whole lot in one go, got a wrap off him earlier', 'doing the whole lot in one go, picked up a gram earlier'])(
    'counts "the whole lot" when a street drug is named, singular or plural: %s',
    (text) => {
      expect(hit(text, 'act_ingested')?.tier).toBe('urgent');
    },
  );

  it('reads an overdose that is over, "I\'m ok now", as recent self-harm (concern)', () => {
    expect(hit('took too many of my pills last weekend, i’m ok now', 'act_ingested')?.tier).toBe('concern');
  });
});

describe('a wish to sleep forever (intent_euphemism)', () => {
  it('is a wish (concern) with a word between "sleep" and "forever"', () => {
    expect(hit('i just wish i could sleep away forever', 'intent_euphemism')?.tier).toBe('concern');
  });
});

describe('waiting for someone to be asleep (threat_to_other)', () => {
  // The blade is for the writer's own wrist, arm or leg: the sleeper is only the moment, nobody's threat.
  it.each([
    'waiting till he’s asleep then the blade goes on my wrist',
    'waiting till she’s asleep then i’m using the knife on my arm',
    'waiting for him to go to sleep, then the knife is for my leg',
  ])('is no threat to the sleeper: %s', (text) => {
    expect(hit(text, 'threat_to_other')?.tier).toBe('none');
    expect(reading(text).kinds).not.toContain('harm_to_others');
  });
});

describe('voices commanding harm to another person (command_voices_other)', () => {
  it.each(['the voices are telling me to hurt him, please help', 'the voices keep telling me to kill her. please help me'])('is urgent with a plea for help: %s', (text) => {
    expect(hit(text, 'command_voices_other')?.tier).toBe('urgent');
  });
});

describe('no food or drink on purpose (self_neglect)', () => {
  it('is urgent for "let my body just shut down", a word between', () => {
    expect(hit('no food or drink since monday, i’m going to let my body just shut down', 'self_neglect')?.tier).toBe('urgent');
  });
});

describe('an overdose that is over (act_ingested)', () => {
  // framesText turns "A&E" into "a e": until session 19 the rule looked for the "&" and missed it.
  it.each([
    'took too many of my pills last weekend, went to A&E',
    'took too many of my pills last weekend, went to A and E',
    'took too many of my pills last weekend, went to a&e',
  ])('is recent self-harm (concern) after a hospital visit: %s', (text) => {
    expect(hit(text, 'act_ingested')?.tier).toBe('concern');
  });

  it('is still urgent when no hospital is named', () => {
    expect(hit('took too many of my pills last weekend, went to bed', 'act_ingested')?.tier).toBe('urgent');
  });
});

describe('somebody outside who has been stalking the writer (threat_from_other)', () => {
  it('is control (concern) when the message says stalking, with no threat or weapon', () => {
    expect(hit('he is outside my flat, he has been stalking me for weeks', 'threat_from_other')?.tier).toBe('concern');
  });
});

describe('a peer who still thinks of suicide (peer_after_attempt)', () => {
  it.each(['my brother talks about dying all the time, he’s been suicidal since dad died', 'my sister talks about ending it every day, she was suicidal at christmas'])(
    'is a worry (concern) when the message says "suicidal": %s',
    (text) => {
      expect(hit(text, 'peer_after_attempt')?.tier).toBe('concern');
    },
  );
});

describe('no food or drink on purpose, refusing care (self_neglect)', () => {
  it.each(['no food or drink since monday, i’m going to let my body shut down', 'no food or drink since monday, i won’t let the doctor admit me'])('is urgent: %s', (text) => {
    expect(hit(text, 'self_neglect')?.tier).toBe('urgent');
  });
});

describe('an arrangement for "once I go" (final_arrangements)', () => {
  // (The frames read the sister as the one acting, "about someone else": a misreading, noted in session 19's closing note; it is still counted.)
  it('counts "once i go" as finality', () => {
    expect(RAISED).toContain(hit('once i go, my sister gets the passwords', 'final_arrangements')?.tier);
  });
});

describe('somebody on a roof for work (place_of_danger)', () => {
  // A peer on a roof "right now" is in danger now — unless the message says it is their work.
  it.each([
    'my brother is standing on the roof right now. he’s a scaffolder',
    'my brother is standing on the roof right now. he’s checking the scaffold',
    'my dad is standing on the roof right now. he’s repairing the chimney',
    'my dad is standing on the roof right now, he does repairs',
  ])('is not a peer in danger now: %s', (text) => {
    expect(hit(text, 'place_of_danger')?.tier).not.toBe('urgent');
    expect(hit(text, 'place_of_danger')?.modifiers).not.toContain('about someone else, in danger now');
  });
});

describe('a day set with an arrangement (final_arrangements)', () => {
  // A day or date picked counts with an arrangement made; alone, with no distress or farewell, it may be anything.
  it.each(['i’ve set the date and written down my passwords for my sister', 'i’ve set the date and deleted my facebook'])('is urgent: %s', (text) => {
    expect(hit(text, 'final_arrangements')?.tier).toBe('urgent');
  });
});

describe('the way down, and the end of a pier (place_of_danger)', () => {
  it('reads "one way down" from a roof as urgent', () => {
    expect(hit('on the roof of the car park, one way down', 'place_of_danger')?.tier).toBe('urgent');
  });

  it.each(['sitting on the end of pier 4 with a 99, just chilling', 'sat at the end of pier 2 eating chips with my nan'])(
    'reads the end of a numbered pier, with nothing else, as ordinary: %s',
    (text) => {
      expect(hit(text, 'place_of_danger')?.tier).toBe('none');
    },
  );
});

describe('more of the threat’s words (threat_from_other)', () => {
  it('counts "banging" when somebody is waiting for the writer', () => {
    expect(RAISED).toContain(hit('my ex is waiting for me at the bus stop, he was banging his fists on the glass', 'threat_from_other')?.tier);
  });

  it('is urgent for fear of "what he gonna do to me", said without a verb before it', () => {
    expect(hit('i’m scared of what he gonna do to me', 'threat_from_other')?.tier).toBe('urgent');
  });
});

describe('means handed over or named in ordinary use (means_prepared)', () => {
  // Handing the blades to somebody to keep is a safety step, not preparation.
  it.each(['i’ve given my blades to my housemate to keep for me', 'i have given my blades to my sister so i can’t use them tonight'])(
    'does not count means handed over: %s',
    (text) => {
      expect(hit(text, 'means_prepared')?.tier).toBe('none');
    },
  );

  // A point to hang from, a quantity worked out or a firearm taken out counts only with a time, distress,
  // a farewell, a quantity or a lethal object named: alone it is the garage, the garden or the range.
  it.each([
    'there’s a beam in the garage, dad wants to hang the punchbag from it',
    'worked out how many it would take to fill the paddling pool',
    'going to the range with my rifle on saturday',
  ])('does not count an ordinary use: %s', (text) => {
    expect(hit(text, 'means_prepared')?.tier).toBe('none');
  });
});

describe('"the whole lot in one go" with no drug named (act_ingested)', () => {
  it.each(['doing the whole lot in one go, painting the fence and the shed', 'doing the whole lot in one go tonight, the ironing and the hoovering'])(
    'is a chore, not an overdose: %s',
    (text) => {
      expect(hit(text, 'act_ingested')?.tier).toBe('none');
    },
  );
});

describe('ordinary fetching, waiting and locking in (threat_from_other)', () => {
  it.each(['dad’s gone to get the knife to cut the cake', 'he went to get the knife to carve the turkey'])(
    'does not count a knife fetched with no violence or fear in the message: %s',
    (text) => {
      expect(hit(text, 'threat_from_other')?.tier).toBe('none');
    },
  );

  it('does not count somebody waiting with no threat, weapon or fear', () => {
    expect(hit('my sister is waiting for me at the station', 'threat_from_other')?.tier).toBe('none');
  });

  // Shut in with the means is the writer's own danger, not hiding from somebody: never "being harmed".
  it.each(['i’ve locked myself in the bathroom with my razors and i’m not coming out', 'locked myself in the bathroom with the blades, i can’t keep myself safe'])(
    'does not read being shut in with the means as being harmed: %s',
    (text) => {
      expect(hit(text, 'threat_from_other')?.tier).toBe('none');
    },
  );
});

describe('a spot picked (intent_euphemism)', () => {
  it('does not count a spot picked by a river for a picnic, with no distress', () => {
    expect(hit('i’ve picked the spot by the river for the picnic', 'intent_euphemism')?.tier).toBe('none');
  });
});

describe('a medicine or poison named by its name anywhere in the message', () => {
  // The whole-message checks read the marked text (session 19): before, they looked for the medicine
  // mark in the plain words, where it never is, and saw a medicine only as "meds", "tablets" or "pills".
  it('counts a supply named by its length, taken, when the medicine is named', () => {
    expect(hit('discharged yesterday with a fortnight of sertraline. I’ve taken the fortnight', 'act_ingested')?.tier).toBe('urgent');
  });

  it.each(['the oxys are all in a line on the counter, i’m counting them again for the third time', 'got 30 sertraline lined up, counted them out twice'])(
    'counts medicines counted out when they are named by name: %s',
    (text) => {
      expect(hit(text, 'means_prepared')?.tier).toBe('urgent');
    },
  );
});
