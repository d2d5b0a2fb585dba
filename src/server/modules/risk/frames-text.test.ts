import { describe, expect, it } from 'vitest';
import { assessLayer1, assessRisk } from './assess-risk.js';

// What the concept frames read after the detector's clean-up of the text (assess-risk.ts,
// framesText): apostrophes dropped inside words, hyphens and other symbols read as spaces,
// digits and sentence marks kept. Each row is a message whose evidence (frame, tier, kind) is
// found only when that step is done; the clinician reads these frames in the alert's explanation.
type Row = [text: string, step: string, frame: string, tier: 'concern' | 'urgent', kind: 'self_harm' | 'harm_to_others' | 'being_harmed'];
const ROWS: Row[] = [
  ['Most mornings I lie there wishing I hadn’t woken up at all.', 'an apostrophe inside a word', 'passive_wish', 'concern', 'self_harm'],
  ['My father-in-law hits me when my husband is traveling.', 'a hyphen between words', 'threat_from_other', 'concern', 'being_harmed'],
  ['took 28 sertraline about 20 mins ago and now im scared', 'digits kept', 'act_ingested', 'urgent', 'self_harm'],
  ['I intend to strike my son-in-law with my walking stick when he visits', 'a hyphen between words', 'threat_to_other', 'urgent', 'harm_to_others'],
];

describe('the text the concept frames read', () => {
  it.each(ROWS)('%s (%s): %s, %s, %s', (text, _step, frame, tier, kind) => {
    const layer1 = assessLayer1(text);
    expect(layer1.frames.filter((f) => f.tier !== 'none').map((f) => [f.frame, f.tier, f.kind])).toContainEqual([frame, tier, kind]);
    expect(layer1.frameTier).toBe(tier);
    expect(assessRisk(text)).toMatchObject({ kind });
  });

  it('keeps full stops: two goodbyes in two sentences are two pieces of evidence', () => {
    const layer1 = assessLayer1('this is my last message in here. wont be needing the group after tonight x');
    expect(layer1.frames.map((f) => [f.frame, f.tier])).toEqual([
      ['final_goodbye', 'urgent'],
      ['final_goodbye', 'urgent'],
    ]);
  });

  it('reads a possessive with its owner: the person at the door is the dealer', () => {
    // (session 11: "saying hes gonna stab me" now reads "he is going to stab me", a threat pattern of its own, so the door is told without it)
    const layer1 = assessLayer1('dealer’s at the door banging and shouting my name');
    expect(layer1.frames.map((f) => [f.frame, f.tier, f.kind, f.cue])).toEqual([['threat_from_other', 'urgent', 'being_harmed', 'dealer s at the door']]);
  });
});

describe('the clinician’s explanation of evidence that did not count', () => {
  it('lists every reason a frame was not counted, each with its cue', () => {
    const result = assessRisk('I cut myself shaving this morning');
    expect(result.tier).toBe('none');
    expect(result.explanation).toContainEqual(
      expect.stringMatching(/^Not counted \(frame, self-harm\): “cut myself” — .+; figure of speech \(“cut myself shaving”\); ordinary context \(“shaving”\)\.$/),
    );
  });
  it('lists every modifier of a phrase rule, with its weight lowered to nothing', () => {
    const result = assessRisk('the main character in the film wants to kill himself');
    expect(result.tier).toBe('none');
    expect(result.explanation).toContainEqual(
      expect.stringMatching(/^Not counted \(phrase rule\): “kill himself” — .+, weight 0 of \d+; other_person \(“himself”\); topic \(“character”\)\.$/),
    );
  });
});

describe('the clinician’s explanation of the phrase rules that counted', () => {
  it('heads each line with the rule’s own tier, and ends a line without modifiers at the weight', () => {
    const concern = assessRisk('i feel so alone and empty and tired of everything');
    expect(concern.explanation).toContainEqual(expect.stringMatching(/^Concern \(phrase rule\): “tired of everything” — .+, weight \d+ of \d+\.$/));
    const urgent = assessRisk('i have been researching suicide methods');
    expect(urgent.explanation.filter((l) => l.startsWith('Urgent (phrase rule): “'))).toHaveLength(urgent.signals.filter((s) => s.tier === 'urgent').length);
    expect(urgent.signals.some((s) => s.tier === 'urgent')).toBe(true);
  });
});

describe('spaces, tabs and emoji between words are read as one space', () => {
  it.each(['i have the pills\tready', 'i have the pills  ready', 'i have the pills😭ready', 'i have the pills 😭 ready', 'i have the pills - ready'])(
    '%j: means made ready',
    (text) => {
      expect(assessLayer1(text).frames.map((f) => [f.frame, f.tier, f.cue])).toEqual([['means_prepared', 'urgent', 'pills ready']]);
    },
  );
});

describe('a long message, read in overlapping windows', () => {
  it('finds the evidence of a sentence cut by the first window’s edge in the next window', () => {
    // (A first window ending "… i have the" is read as urgent by the model alone, and would win.)
    const text = `${'x'.repeat(3_989)} all the pills are lined up on the table. ${'x'.repeat(6_000)}`;
    expect(text.slice(0, 4_000)).not.toContain('pills');
    expect(assessRisk(text.slice(0, 4_000)).tier).toBe('none');
    const result = assessRisk(text);
    expect(result.tier).toBe('urgent');
    expect(result.frames.some((f) => f.frame === 'means_prepared' && f.tier === 'urgent' && f.cue.includes('pills'))).toBe(true);
  });
  it('answers for a long ordinary message with its first window', () => {
    const text = 'had a good day at the allotment with my sister. '.repeat(120);
    expect(text.length).toBeGreaterThan(4_000);
    expect(assessRisk(text)).toEqual(assessRisk(text.slice(0, 4_000)));
  });
});
