import { describe, expect, it } from 'vitest';
import { assessLayer1, assessRisk, assessWithContext } from './assess-risk.js';

// Edges of reading the author's recent messages together (assessWithContext) that a clinician
// would notice: an alert repeated for a risk already raised, or the wrong kind of danger named.
describe('recent messages that were already as risky together', () => {
  it('do not make a later ordinary message urgent (each recent message is read as its own line)', () => {
    const recent = ['i am standing on the bridge', 'i give up'];
    expect(assessLayer1(recent.join('\n')).tier).toBe('urgent');
    expect(assessRisk('ok thanks').tier).toBe('none');
    expect(assessWithContext('ok thanks', recent)).toEqual(assessRisk('ok thanks'));
  });
});

describe('whose safety, when evidence that did not count comes first', () => {
  it('names the kind from the frame at the joined tier, not from a denied self-harm frame before it', () => {
    const recent = ['i have not got any pills saved', 'he is home soon'];
    expect(assessRisk('i am scared of him')).toMatchObject({ tier: 'concern', kind: 'being_harmed' });
    const together = assessWithContext('i am scared of him', recent);
    expect(together.frames.map((f) => [f.frame, f.tier, f.kind])).toEqual([
      ['means_prepared', 'none', 'self_harm'],
      ['threat_from_other', 'urgent', 'being_harmed'],
    ]);
    expect(together).toMatchObject({ tier: 'urgent', kind: 'being_harmed' });
  });
});
