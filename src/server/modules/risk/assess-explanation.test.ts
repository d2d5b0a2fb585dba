import { describe, expect, it } from 'vitest';
import { assessLayer1, assessRisk, assessWithContext, fusedModelTier, type RiskAssessment } from './assess-risk.js';

// What a clinician reads on the alert card (the explanation lines, in order), what the author is
// told, which kind of danger is named when frames of different kinds count, how a long message is
// read in windows, and which recent messages are read together. Written for the mutants that
// survived the mut17e/mut17f runs of assess-risk.ts (README, "Mutation testing").

/** The model's line as the card shows it, built from the assessment's own model fields. */
const modelLine = (r: RiskAssessment): string =>
  `Model: ${r.model.tier} (urgent ${r.model.probabilities.urgent.toFixed(2)}, concern ${r.model.probabilities.concern.toFixed(2)}); strongest features ${r.model.features
    .map((f) => f.feature)
    .join(', ')}.`;

describe('the alert card’s explanation lines, in order', () => {
  it('a counted frame: the frame, the phrase rule, the model with its strongest features, the tier — no note', () => {
    const r = assessRisk('I have the pills ready');
    expect(r.model.features.length).toBeGreaterThan(1);
    expect(r.explanation).toEqual([
      'Urgent (frame, self-harm): “pills ready” — means made ready (counted, lined up, saved, in hand).',
      'Urgent (phrase rule): “have the pills ready” — means prepared (pills, rope, blades…), weight 5 of 5.',
      modelLine(r),
      'Tier urgent, self harm: the higher of frames (urgent), phrase rules (urgent) and model (urgent).',
    ]);
    expect(modelLine(r)).toMatch(/^Model: urgent \(urgent \d\.\d\d, concern \d\.\d\d\); strongest features “[^”]+”, “/);
  });

  it('a worry about a peer: the model’s urgent lowered to concern, with the peer note; only counted evidence in the author’s words', () => {
    const r = assessRisk('my friend has her pills lined up, i am not going to hurt myself');
    expect(r.model.tier).toBe('urgent');
    expect(r.explanation).toEqual([
      'Concern (frame, self-harm): “pills lined up” — means made ready (counted, lined up, saved, in hand); about someone else.',
      'Not counted (frame, self-harm): “hurt myself” — self-harm with a blade or burn; negated.',
      'Not counted (phrase rule): “hurt myself” — self-harm: hurting oneself, weight 0 of 4; negated (“not”).',
      modelLine(r),
      'The model’s urgent was lowered to concern: every frame that counted is about somebody else (a worry about a peer).',
      'Tier concern, self harm: the higher of frames (concern), phrase rules (none) and model (concern).',
    ]);
    // The negated "hurt myself" (a frame that did not count, a rule of weight 0) is not told to the author.
    expect(r.plainExplanation).toEqual(['Your message mentions having something you could use to hurt yourself.']);
  });

  it('a topic: the rule line names it, and it overrules a model that is not fairly sure of urgent', () => {
    const text = 'we watched a documentary about suicide prevention in class';
    const r = assessRisk(text);
    expect(r.explanation[0]).toBe('Not counted (phrase rule): “suicide” — mentions suicide, weight 0 of 4; topic (“documentary”).');
    expect(r.frames).toEqual([]);
    expect(fusedModelTier(assessLayer1(text), 'concern', 0.3)).toBe('none');
    expect(fusedModelTier(assessLayer1(text), 'urgent', 0.7)).toBe('concern');
  });
});

describe('which kind of danger is named when frames of different kinds count', () => {
  it('being harmed before self-harm at the same tier, whichever frame is listed first', () => {
    const r = assessRisk("he's got the gun to my head right now and told me to say goodbye to the kids");
    expect(r.frames.map((f) => [f.frame, f.kind, f.tier])).toEqual([
      ['means_prepared', 'self_harm', 'concern'],
      ['final_goodbye', 'self_harm', 'urgent'],
      ['threat_from_other', 'being_harmed', 'urgent'],
    ]);
    expect(r).toMatchObject({ tier: 'urgent', kind: 'being_harmed' });
    expect(r.explanation.at(-1)).toBe('Tier urgent, being harmed: the higher of frames (urgent), phrase rules (none) and model (urgent).');
  });

  it('an urgent self-harm frame before a concern about being harmed, even when the model reads being harmed', () => {
    const r = assessRisk('he hits me when he drinks. i am standing on the bridge and i cant go on');
    expect(r.frames.map((f) => [f.kind, f.tier])).toEqual([
      ['being_harmed', 'concern'],
      ['self_harm', 'urgent'],
    ]);
    expect(r.model.kind).toBe('being_harmed');
    expect(r).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
  });

  it('the phrase rules name self-harm when they set the tier, not the model’s being harmed', () => {
    const r = assessRisk('he hits me. i have been researching suicide methods');
    expect(r.frames.map((f) => [f.kind, f.tier])).toEqual([['being_harmed', 'concern']]);
    expect(r.model.kind).toBe('being_harmed');
    expect(r).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
  });

  it('the model names the kind when only the model is at the tier (a peer’s means at concern, the model’s harm to others urgent)', () => {
    const r = assessRisk('he is loading his rifle');
    expect(r.frames.map((f) => [f.kind, f.tier, f.modifiers])).toEqual([['self_harm', 'concern', ['about someone else']]]);
    expect(r.model).toMatchObject({ tier: 'urgent', kind: 'harm_to_others' });
    expect(r).toMatchObject({ tier: 'urgent', kind: 'harm_to_others' });
    expect(r.explanation.at(-1)).toBe('Tier urgent, harm to others: the higher of frames (concern), phrase rules (none) and model (urgent).');
  });
});

describe('when a worry about a peer keeps the model from urgent', () => {
  const peer = assessLayer1('my friend has her pills lined up');
  it('only an urgent model is lowered; its concern or none stands', () => {
    expect(fusedModelTier(peer, 'urgent', 0.84)).toBe('concern');
    expect(fusedModelTier(peer, 'urgent', 0.85)).toBe('urgent');
    expect(fusedModelTier(peer, 'concern', 0.1)).toBe('concern');
    expect(fusedModelTier(peer, 'none', 0.1)).toBe('none');
  });
  it('not when the model reads the writer as in danger, or as a danger to others', () => {
    expect(fusedModelTier(peer, 'urgent', 0.8, 'being_harmed')).toBe('urgent');
    expect(fusedModelTier(peer, 'urgent', 0.8, 'harm_to_others')).toBe('urgent');
  });
  it('not when Layer 1 is itself urgent (an urgent phrase rule beside the peer’s frame)', () => {
    const layer1 = assessLayer1('my friend has her pills lined up and i have been researching suicide methods');
    expect(layer1.frames.map((f) => [f.tier, f.modifiers])).toEqual([['concern', ['about someone else']]]);
    expect(layer1.tier).toBe('urgent');
    expect(fusedModelTier(layer1, 'urgent', 0.5)).toBe('urgent');
  });
  it('a negated rule beside counted phrase rules does not overrule the model', () => {
    const layer1 = assessLayer1('i never want to kill myself but i feel so alone and empty and tired of everything');
    expect(layer1.phrases.tier).toBe('concern');
    expect(layer1.phrases.signals.some((s) => s.modifiers.some((m) => m.kind === 'negated'))).toBe(true);
    expect(fusedModelTier(layer1, 'urgent', 0.5)).toBe('urgent');
  });
});

describe('Layer 1 reads the whole message’s words and lemmas', () => {
  it('a plan with a day and an empty house is urgent (the lemma “do it” with a time anywhere in the message)', () => {
    expect(assessLayer1('im doing it on friday when the house is empty, ive had it planned since my last appointment').tier).toBe('urgent');
  });
});

describe('a long message: the model reads each window, not the whole', () => {
  // Read urgent by the model alone (no frame or rule counts it); model v7 read 'sat by the river' so, v8 reads it concern.
  const risk = 'standing by the river';
  const ordinary = 'a normal day. '.repeat(257); // 3,598 characters
  it('a worrying line after 3,600 characters of ordinary text is not drowned out by them', () => {
    const text = `${ordinary}${' '.repeat(800)}${risk}`;
    expect(text.length).toBeGreaterThan(4_000);
    expect(assessRisk(risk).tier).toBe('urgent');
    expect(assessRisk(text)).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
  });
  it('a message of exactly 4,000 characters is one window: the model reads all of it', () => {
    const text = `${ordinary}${' '.repeat(4_000 - ordinary.length - risk.length)}${risk}`;
    expect(text.length).toBe(4_000);
    expect(assessRisk(text.slice(3_600)).tier).toBe('urgent');
    expect(assessRisk(text).tier).toBe('none');
  });
  it('of two equally high windows, the first names the kind and the explanation', () => {
    const text = `i have the pills ready. ${'a normal day. '.repeat(600)}im going to stab him tonight`;
    expect(assessRisk('im going to stab him tonight')).toMatchObject({ tier: 'urgent', kind: 'harm_to_others' });
    const r = assessRisk(text);
    expect(r).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
    expect(r.explanation[0]).toBe('Urgent (frame, self-harm): “pills ready” — means made ready (counted, lined up, saved, in hand).');
  });
});

describe('which of the author’s recent messages are read together', () => {
  it('a place, then loneliness: urgent together, with the joined explanation and the general words for the author', () => {
    // 'so alone', not 'i feel so alone': model v8 reads the longer line concern on its own.
    const r = assessWithContext('so alone', ['sat by the river']);
    expect(assessRisk('so alone').tier).toBe('none');
    expect(r).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
    expect(r.explanation.at(-1)).toBe('Tier urgent: read together with the author’s messages of the last 30 minutes (on its own: none).');
    expect(r.plainExplanation).toEqual(['Your messages sound like you may be going through something hard.']);
  });
  it('hopelessness, then a railway platform: read together (phrase rules alone are evidence)', () => {
    const recent = ["i've given up on getting better"];
    const text = 'platform 3, train delayed again';
    expect(assessLayer1(recent[0] as string).frames).toEqual([]);
    expect(assessLayer1(text)).toMatchObject({ frames: [], phrases: { signals: [] } });
    expect(assessRisk(text).tier).toBe('none');
    expect(assessWithContext(text, recent)).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
  });
  it('a place, then a frame that did not count: read together (frames alone are evidence)', () => {
    const text = 'nothing matters anymore';
    for (const t of ['sat by the river', text]) {
      const layer1 = assessLayer1(t);
      expect(layer1.frames.length, t).toBeGreaterThan(0);
      expect(layer1.phrases.signals, t).toEqual([]);
    }
    expect(assessRisk(text).tier).toBe('concern');
    expect(assessWithContext(text, ['sat by the river'])).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
  });
  it('two messages in which Layer 1 found nothing are not read together, so joining them cannot invent a risk', () => {
    const recent = ['I could kill for a coffee'];
    const text = 'Nurse gave me my depot injection today, all good';
    for (const t of [...recent, text]) expect(assessLayer1(t), t).toMatchObject({ frames: [], phrases: { signals: [] } });
    expect(assessWithContext(text, recent)).toEqual(assessRisk(text));
    expect(assessWithContext(text, recent).tier).toBe('none');
  });
});
