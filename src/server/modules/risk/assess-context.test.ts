import { describe, expect, it } from 'vitest';
import { assessLayer1, assessRisk, assessWithContext } from './assess-risk.js';

// The author's recent messages read together with a new one (assessWithContext): what the
// clinician and the author are told when only the messages together carry the risk.
describe('risk found only in the messages read together', () => {
  it('names the place read in the earlier messages, says so, and tells an author whose new message alone said nothing', () => {
    const recent = ['i am standing on the bridge', 'sat by the river'];
    expect(assessRisk('i give up').tier).toBe('none');
    expect(assessLayer1(recent.join('\n')).tier).not.toBe('urgent');
    const together = assessWithContext('i give up', recent);
    expect(together).toMatchObject({ tier: 'urgent', kind: 'self_harm', signals: [] });
    expect(together.frames.filter((f) => f.tier === 'urgent').map((f) => [f.frame, f.kind])).toEqual([['place_of_danger', 'self_harm']]);
    expect(together.explanation).toEqual([
      'Urgent (frame, self-harm): “standing on the bridge” — at a place of danger (roof, ledge, bridge, platform, cliffs, water).',
      'Tier urgent: read together with the author’s messages of the last 30 minutes (on its own: none).',
    ]);
    expect(together.plainExplanation).toEqual(['Your messages sound like you may be going through something hard.']);
  });

  it('keeps the new message’s own plain words for its author when it had some', () => {
    const alone = assessRisk('nobody would even notice');
    expect(alone.tier).toBe('concern');
    const together = assessWithContext('nobody would even notice', ['sat by the river']);
    expect(together.tier).toBe('urgent');
    expect(together.plainExplanation).toEqual(alone.plainExplanation);
    expect(together.plainExplanation).toEqual(['Your message sounds like you may be going through something hard.']);
    expect(together.explanation.at(-1)).toBe('Tier urgent: read together with the author’s messages of the last 30 minutes (on its own: concern).');
  });

  it('answers with the new message alone when reading together adds nothing', () => {
    // The same tier together as alone: the new message's own assessment, with its own explanation.
    const alone = assessRisk('i have nothing to live for');
    expect(alone.tier).toBe('concern');
    expect(assessWithContext('i have nothing to live for', ['i am so tired'])).toEqual(alone);
    expect(assessWithContext('i want to die', ['he hits me'])).toEqual(assessRisk('i want to die'));
  });
});

describe('which recent messages are read', () => {
  it('reads every recent message when any one of them has evidence, whichever it is', () => {
    expect(assessRisk('i give up').tier).toBe('none');
    expect(assessWithContext('i give up', ['lovely walk today', 'sat by the river'])).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
    expect(assessWithContext('i give up', ['sat by the river', 'lovely walk today'])).toMatchObject({ tier: 'urgent', kind: 'self_harm' });
  });
});

describe('whose safety, when only the messages together carry the risk', () => {
  it('names a danger from another person as being harmed, and a threat to another as harm to others', () => {
    expect(assessRisk('i am scared of him').tier).toBe('concern');
    expect(assessWithContext('i am scared of him', ['he is home soon'])).toMatchObject({ tier: 'urgent', kind: 'being_harmed' });
    expect(assessWithContext('i want to hurt him', ['he is home soon'])).toMatchObject({ tier: 'urgent', kind: 'harm_to_others' });
  });
});
