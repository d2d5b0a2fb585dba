import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { matchFrames, type FrameHit } from './frames.js';
import { expandShorthand } from './prepare-text.js';

function frames(text: string): FrameHit[] {
  const sentences = analyse(expandShorthand(text).replace(/'/g, ''));
  return matchFrames(sentences, { words: sentences.map((s) => s.words).join(' '), lemmas: sentences.map((s) => s.lemmas).join(' ') });
}
const counted = (text: string): string[] =>
  frames(text)
    .filter((f) => f.tier !== 'none')
    .map((f) => `${f.frame}:${f.tier}`);

describe('concept frames: each shape of risk, and its hard negative', () => {
  it('runs every alternative of an "A|B" pattern, not only when A\'s first word is in the sentence', () => {
    const named = (text: string): string[] => counted(text).map((f) => f.split(':')[0] as string);
    // Until session 10 the trigger prefilter indexed these patterns by their first alternative only.
    expect(counted('in the garage, hosepipe taped to the exhaust')).toContain('act_injury:urgent');
    expect(named('rehomed the cat this morning, she will be happier with them')).toContain('final_arrangements');
    expect(named('i have tied up all the loose ends now')).toContain('final_arrangements');
    // and the alternatives stay about the writer: a throat burning from bleach, pills hidden in a room
    expect(counted('i drank bleach and my throat is burning').filter((f) => f.startsWith('threat_from_other'))).toEqual([]);
    expect(counted('ive got the pills hidden in my room').filter((f) => f.startsWith('threat_from_other'))).toEqual([]);
    expect(named('im hiding in the bathroom from him')).toContain('threat_from_other');
  });
  it('session 11: a note with a message timed to go out later is a final arrangement; a work e-mail is not', () => {
    expect(counted('left a letter on the side and set the message to send at 6am')).toContain('final_arrangements:urgent');
    expect(counted('wrote the letters and scheduled a text for the morning')).toContain('final_arrangements:urgent');
    expect(counted('wrote my notes up and scheduled the email to my manager')).toEqual([]);
    expect(counted('scheduled the newsletter email to send at 9am')).toEqual([]);
  });
  it('session 11: a vague dated "it" counts with resolve or arrangements around it, not alone', () => {
    expect(counted('my mind is made up, im doing it on friday')).toContain('intent_euphemism:urgent');
    expect(counted('gave my bike to my nephew. feel calm now. its happening tomorrow')).toContain('intent_euphemism:urgent');
    // a subject or figure of speech elsewhere in the sentence does not explain the "it"
    expect(counted('ive made my peace with the course ending and its happening tonight')).toContain('intent_euphemism:urgent');
    expect(counted('the bake sale? its happening on saturday in the hall')).toEqual([]);
    expect(counted('im doing it tomorrow, the charity swim, wish me luck')).toEqual([]);
    // and a negation or the past still undoes it
    expect(counted('i decided im not doing it on friday')).toEqual([]);
  });
  it("session 11: ordinary readiness, kitchen knives, locked-away tablets and a relative's funeral are ordinary", () => {
    expect(counted('put my tablets into the weekly box, ready for work tomorrow')).toEqual([]);
    expect(counted('sharpening the kitchen knives before the roast')).toEqual([]);
    expect(counted('my husband keeps my tablets in a locked cupboard now, it helps')).toEqual([]);
    expect(counted('my aunt passed away, funeral is on tuesday and i have to sort the flowers')).toEqual([]);
    // but the same means with distress are not excused
    expect(counted('sharpened the kitchen knife, i cant do this anymore')).toContain('means_prepared:urgent');
    expect(counted('tablets counted out on the bed, ready. sorry everyone')).toContain('means_prepared:urgent');
  });
  it('session 11 (after held-out batch 7): several arrangements, a denied ordinary reason, a threat told as what will happen', () => {
    expect(counted('deleted all my photos and left my pin number in the drawer for my sister')).toContain('final_arrangements:urgent');
    expect(counted('cleared out the loft for the move, sold my bike and gave the old toys away')).toEqual([]);
    expect(counted('up on the cliffs at the headland. not for the views')).toContain('place_of_danger:urgent');
    expect(counted('up on the cliffs at the headland for the views')).toEqual([]);
    expect(counted('swear if i see him friday hes getting battered, got the bat in the boot')).toContain('threat_to_other:urgent');
    expect(counted('the box cutter is in my hand and i cant calm down')).toContain('means_prepared:urgent');
    expect(counted('opened the boxes with the box cutter, new shelves are up')).toEqual([]);
    expect(counted('someones at the door, think its the parcel i ordered')).toEqual([]);
    expect(counted('set up a delayed text to my brother with my will attached')).toContain('final_arrangements:urgent');
  });
  it('session 11 (after held-out batch 8): saving up is not a routine, a cover story is not a reason, a cut that will not stop', () => {
    expect(counted('30 sertraline saved up from my repeat prescription, counted them twice')).toContain('means_prepared:urgent');
    expect(counted('counted out my repeat prescription into the dosette')).toEqual([]);
    expect(counted('gave away my bike and my books, everyone thinks im decluttering. nearly time')).toContain('final_arrangements:urgent');
    expect(counted('gave away my bike and my books, decluttering before the move')).toEqual([]);
    expect(counted('put my texts on a timer for sunday and wrote my note')).toContain('final_arrangements:urgent');
    expect(counted('cut again just now and it wont stop')).toContain('act_injury:urgent');
    expect(counted('he says tonight he finishes me')).toContain('threat_from_other:urgent');
    expect(counted('tonight is the night, first gig in years, so excited')).toEqual([]);
  });
  it('session 11 (after held-out batch 9): signing off for good, buying from several chemists, a weapon someone will use', () => {
    expect(counted('thanks for everything guys, signing off for good tonight')).toContain('intent_euphemism:urgent');
    expect(counted('signing off for good from facebook, too much drama')).toEqual([]);
    expect(counted('bought another box of paracetamol from a different chemist, four boxes now')).toContain('means_prepared:urgent');
    expect(counted('friday is the day, the pills are ready')).toContain('intent_euphemism:urgent');
    expect(counted('friday is the day we go on holiday')).toEqual([]);
    expect(counted('got a hammer in my bag, if he starts again at the pub im using it')).toContain('threat_to_other:urgent');
    expect(counted('got rid of the blades last month, dont miss them')).toEqual([]);
  });
  it('session 11 (after held-out batch 10): a new subject ends a negation, buying from every chemist, a time told by a song', () => {
    expect(counted('i cant take it anymore im going to hit him with the bottle')).toContain('threat_to_other:urgent');
    expect(counted('i dont think i will hit him')).toEqual([]);
    expect(counted('bought a packet of paracetamol from every pharmacy on the high street, got 64 now')).toContain('means_prepared:urgent');
    expect(counted('im on the multistorey roof and im climbing over when this song ends')).toContain('place_of_danger:urgent');
  });
  it('session 11 (after held-out batch 11): a box of tablets is a quantity, not packaging; means hidden make a dated "it" count', () => {
    expect(counted('got a box of co codamol and a box of ibuprofen hidden in my drawer, its happening tomorrow')).toContain('intent_euphemism:urgent');
    expect(counted('keep a box of paracetamol in my bag for my headaches')).toEqual([]);
  });
  it('means made ready, by name or kind, but not the weekly dosette', () => {
    expect(counted('got all my quetiapine lined up on the bed')).toContain('means_prepared:urgent');
    expect(counted('been saving up my zopiclone for weeks')).toContain('means_prepared:urgent');
    expect(counted('the blade is in my hand')).toContain('means_prepared:urgent');
    expect(counted('counted out my tablets into the dosette for the week')).toEqual([]);
  });
  it('a place of danger, but not a commute or a view', () => {
    expect(counted('im on the ledge')).toContain('place_of_danger:urgent');
    expect(counted('sat on the bridge, nobody would notice, its a long way down')).toContain('place_of_danger:urgent');
    expect(counted('standing on the platform waiting for my train to work')).toEqual([]);
    expect(counted('on the bridge watching the sunset with my partner')).toEqual([]);
  });
  it('an act in progress or just done, but not the usual dose', () => {
    expect(counted('just took 30 of my sertraline')).toContain('act_ingested:urgent');
    expect(counted('taking them one by one')).toContain('act_ingested:urgent');
    expect(counted('i drank the bleach')).toContain('act_ingested:urgent');
    expect(counted('the cut wont stop bleeding')).toContain('act_injury:urgent');
    expect(counted('engine running in the garage with the door shut')).toContain('act_injury:urgent');
    expect(counted('took my sertraline this morning')).toEqual([]);
    expect(counted('took 2 paracetamol for my headache')).toEqual([]);
  });
  it('final arrangements and goodbyes, but not the end of a course', () => {
    expect(counted('by the time anyone reads this it will be done')).toContain('final_goodbye:urgent');
    expect(counted("won't need the group after tonight")).toContain('final_goodbye:urgent');
    expect(counted('wrote my will and gave the cat to my sister, for when im gone')).toContain('final_arrangements:urgent');
    expect(counted('last session today so this is goodbye, see you all at the reunion next week')).toEqual([]);
    expect(counted('wrote a will now the baby is here')).toEqual([]);
  });
  it('harm to others: intent with a target; a joke about leftovers is not', () => {
    expect(counted('im going to stab him tonight')).toContain('threat_to_other:urgent');
    expect(counted('sometimes i think about hurting him')).toContain('threat_to_other:concern');
    expect(counted('i could kill my brother lol he ate my leftovers')).toEqual([]);
  });
  it('being harmed: a threat now is urgent, control at home is concern', () => {
    expect(counted('he is at the door with a knife')).toContain('threat_from_other:urgent');
    expect(counted('he hits me when he drinks')).toContain('threat_from_other:concern');
    expect(counted("i don't feel safe at home")).toContain('threat_from_other:concern');
  });
  it('concern shapes: voices, passive wishes, hopelessness, self-neglect', () => {
    expect(counted('the voices keep telling me to hurt myself')).toContain('command_voices:concern');
    expect(counted('i wish i had never been born')).toContain('passive_wish:concern');
    expect(counted('there is no way out of this')).toContain('hopeless_trapped:concern');
    expect(counted('havent eaten in 4 days')).toContain('self_neglect:concern');
  });
  it('negation, the past, questions and topics stop a frame from counting', () => {
    expect(counted('i am not going to take all my pills')).toEqual([]);
    expect(frames('i am not going to take all my pills').some((f) => f.modifiers.includes('negated'))).toBe(true);
    expect(counted('years ago i took 40 paracetamol, im doing better now')).toEqual([]);
    expect(counted('what should i do if someone is on the ledge')).toEqual([]);
  });
  it('a worry about somebody else is concern, never urgent, unless it is happening now', () => {
    expect(counted('my friend has her pills lined up')).toContain('means_prepared:concern');
    expect(counted('my flatmate just swallowed a whole box of tablets')).toContain('act_ingested:urgent');
  });
  it('a negation ends with its clause, even where no new sentence is recognised', () => {
    // "in." kept its stop and the next word has no capital: the negation must not reach "swallowed"
    expect(counted('im not going in. swallowed a full pack of nurofen on the way')).toContain('act_ingested:urgent');
    expect(counted('i did not swallow a full pack of nurofen')).not.toContain('act_ingested:urgent');
  });
  it('a "when" that names a time is a plan, not a hypothetical', () => {
    expect(counted('when i get in tonight im taking the lot with the whisky')).toContain('act_ingested:urgent');
    expect(frames('if i ever feel like taking the lot i will call the crisis line').some((f) => f.modifiers.some((m) => m.startsWith('a question')))).toBe(true);
  });
  it('the owner of a means is not who acts; a friend who "said she wants to" is not a voice', () => {
    expect(counted("got my cousin's gun in my lap")).not.toContain('firearm_at_hand:concern');
    expect(frames("got my cousin's gun in my lap").some((f) => f.modifiers.includes('about someone else'))).toBe(false);
    expect(frames('my friend said she wants to kill herself').map((f) => f.frame)).not.toContain('command_voices');
    expect(counted('the voices keep telling me to hurt myself')).toContain('command_voices:concern');
    expect(counted('he keeps telling me to kill myself')).toContain('command_voices:concern');
  });
});
